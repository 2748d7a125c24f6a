using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// How a liability (or an amortising asset) repays principal: one strategy per record, so a new one (a sculpted
/// profile, a cash sweep target) is a new record and one case where the emitter switches on it. Principal is due
/// from <see cref="FirstPrincipalPeriod"/> (the first period ending after <see cref="InterestOnlyUntil"/>; 0 without
/// one); the whole balance is due in the maturity period whatever the strategy.
/// </summary>
public abstract record AmortizationModel
{
    /// <summary>The interest-only date as written (null: principal from the first period).</summary>
    public Date? InterestOnlyUntil { get; init; }

    /// <summary>The first period whose scheduled principal is the strategy's (0 without an interest-only date).</summary>
    public int FirstPrincipalPeriod { get; init; }

    /// <summary>The strategy's name as the language spells it (reports and the generated code's comments).</summary>
    public abstract string Name { get; }

    /// <summary>A loan's instalments dated inside the deal's periods, or its maturity alone when it falls inside one (a
    /// bullet, or linear or level at the deal's frequency): what a default period receives of those dated before the
    /// default (docs/language.md §5, "loan", a default inside a period). Null for a tranche's, and when every instalment
    /// and the maturity fall on a period's end.</summary>
    public DefaultPeriodInstalments? BeforeDefault { get; init; }
}

/// <summary>Nothing before the maturity, the whole balance then.</summary>
public sealed record BulletAmortization : AmortizationModel
{
    public override string Name => "bullet";
}

/// <summary>An annuity: the level payment on the balance over the remaining periods to the maturity.</summary>
public sealed record LevelAmortization : AmortizationModel
{
    public override string Name => "level";
}

/// <summary>Equal principal over the remaining periods to the maturity.</summary>
public sealed record LinearAmortization : AmortizationModel
{
    public override string Name => "linear";
}

/// <summary>The amounts written, one for every period of the model, workout included (0 where none falls).</summary>
public sealed record ScheduledAmortization(ImmutableArray<double> Amounts) : AmortizationModel
{
    public override string Name => "schedule";
}

/// <summary>A loan's <c>level</c> or <c>linear</c> instalments at its own frequency (<c>amortize level semiannual</c>):
/// <see cref="Dates"/> are the instalment dates (back from the maturity by the frequency), <see cref="Instalments"/>
/// each one's principal, and <see cref="Amounts"/> those summed into the period each date falls in, one for every
/// period of the model as a schedule's (docs/language.md, loan).</summary>
public sealed record InstalmentAmortization(
    string Kind,
    Frequency Every,
    ImmutableArray<Date> Dates,
    ImmutableArray<double> Instalments,
    ImmutableArray<double> Amounts) : AmortizationModel
{
    public override string Name => Kind + " " + Frequencies.Name(Every);

    /// <summary>Instalments more frequent than the deal's periods: each period's interest as a share of its opening
    /// balance, the year fraction of each piece between instalments weighted by the balance left then (one for every
    /// period of the model); empty at the deal's frequency or a coarser one, whose periods accrue on the opening
    /// balance over their own year fraction.</summary>
    public ImmutableArray<double> AccrualFractions { get; init; } = [];
}

/// <summary>
/// A loan whose instalments fall inside the deal's periods (paying more often than the deal, or dated inside its periods),
/// defaulting inside a period (docs/language.md §5, "loan"): the period's
/// instalments dated before the default are received, with the interest of the pieces up to the last of them. Per
/// instalment received in the run (in date order): <see cref="Days"/> its date's days from the closing, and, counted
/// from its period's start through it, <see cref="Fractions"/> the interest as a share of the period's opening balance
/// (the <see cref="InstalmentAmortization.AccrualFractions"/> sum stopped at its date) and <see cref="Principal"/> the
/// instalments' principal; <see cref="First"/>[t] is period t's first instalment (one for every period, and one past
/// the last), so period t's are <c>First[t]</c> … <c>First[t + 1] − 1</c>. <see cref="Maturity"/> is the maturity's own
/// instalment (the last), which takes the whole balance left as the maturity period does; −1 when it falls after the
/// run's periods.
/// </summary>
public sealed record DefaultPeriodInstalments(
    ImmutableArray<int> Days,
    ImmutableArray<double> Fractions,
    ImmutableArray<double> Principal,
    ImmutableArray<int> First,
    int Maturity);
