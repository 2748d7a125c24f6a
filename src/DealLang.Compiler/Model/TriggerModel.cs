using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>A trigger: its condition is breached in a period when it holds and the period ends on or after
/// <see cref="From"/>; the trigger trips after <see cref="TripsAfter"/> consecutive breaches and, once active,
/// cures after <see cref="CuresAfter"/> consecutive periods without one (1 and 1: active exactly when breached).
/// Every trigger is a flag that waterfall conditions read (e.g. <c>if CashTrap { hold rest in Trap }</c>, the effect
/// <c>trap</c>); <see cref="Effect"/> is the effects as written, and <see cref="Actions"/> what it does beyond the flag
/// (none for <c>trap</c> alone): a sweep, an event of default, acceleration (docs/language.md §7).</summary>
public sealed record TriggerModel(
    string Name, int Index, BoundExpression Condition, Date? From, string Effect, int TripsAfter = 1, int CuresAfter = 1,
    ImmutableArray<TriggerAction> Actions = default,
    EquityCureModel? Cure = null)
{
    /// <summary>The actions, empty when the trigger only sets its flag.</summary>
    public ImmutableArray<TriggerAction> ActionList => Actions.IsDefault ? [] : Actions;

    /// <summary>Whether the trigger remembers earlier periods (a count above 1); else it is its condition.</summary>
    public bool HasCureRules => TripsAfter > 1 || CuresAfter > 1;
}

/// <summary>What a trigger does beyond its flag.</summary>
public abstract record TriggerAction;

/// <summary><c>sweep 50% to Notes</c>: while active, <see cref="Share"/> of the cash left before the regular
/// waterfall's final <c>distribute rest</c> prepays tranche <see cref="Tranche"/> (lowered to a guarded sweep step
/// there, so the waterfall carries it: <c>Lowerer.WithTriggerSweeps</c>).</summary>
public sealed record SweepAction(int Tranche, double Share) : TriggerAction;

/// <summary><c>event_of_default</c>: the end of a period in which the trigger is active is an event of default, as the
/// default rule's (its trips/cures counts are its grace).</summary>
public sealed record EventOfDefaultAction : TriggerAction;

/// <summary><c>accelerate</c>: from the period after the trigger first becomes active, the whole balance of each of
/// <see cref="Tranches"/> (every tranche when written without names) is principal due.</summary>
public sealed record AccelerateAction(ImmutableArray<int> Tranches) : TriggerAction;

/// <summary><c>cure by E up to N times prepaying T</c> (or <c>into A</c>) on a trigger <c>Test &lt; Threshold</c> whose test is
/// <c>cfads / Denominator</c>: in a period where the test breaches and cures are left, equity <see cref="Equity"/> pays in
/// <c>Threshold × Denominator − cfads</c> (docs/language.md §7), which prepays the tranches <see cref="Prepaying"/> in
/// order, or is deposited in account <see cref="Into"/> (−1 when none); with both, the account takes what the
/// balances cannot, and with tranches alone that joins the period's available cash. <see cref="Test"/> is in
/// evaluation order.</summary>
public sealed record EquityCureModel(int Equity, int Times, int Test, double Threshold, BoundExpression Denominator,
    ImmutableArray<int> Prepaying = default, int Into = -1)
{
    /// <summary>The tranches the cure prepays, in order; empty when it goes into an account.</summary>
    public ImmutableArray<int> PrepayingList => Prepaying.IsDefault ? [] : Prepaying;
}
