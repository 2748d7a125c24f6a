using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>A trigger: its condition is breached in a period when it holds and the period ends on or after
/// <see cref="From"/>; the trigger trips after <see cref="TripsAfter"/> consecutive breaches and, once active,
/// cures after <see cref="CuresAfter"/> consecutive periods without one (1 and 1: active exactly when breached).
/// Its effect today is a flag that waterfall conditions read (e.g. <c>if CashTrap { hold rest in Trap }</c>).</summary>
public sealed record TriggerModel(string Name, int Index, BoundExpression Condition, Date? From, string Effect, int TripsAfter = 1, int CuresAfter = 1)
{
    /// <summary>Whether the trigger remembers earlier periods (a count above 1); else it is its condition.</summary>
    public bool HasCureRules => TripsAfter > 1 || CuresAfter > 1;
}
