using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// The bound, validated deal: the compiler's intermediate representation between the checker and the emitter.
/// References are resolved to indexes into the arrays below; every expression is typed; every term is a
/// folded constant. Only <see cref="Lowering.Lowerer"/> creates one, and only for a deal with no errors.
/// </summary>
public sealed record DealModel(
    string Name,
    string Title,
    string Currency,
    Date Closing,
    Date Maturity,
    Frequency Frequency,
    DayCount DayCount,
    ImmutableArray<Date> Boundaries,
    ImmutableArray<PartyInfo> Parties,
    ImmutableArray<FacilityInfo> Facilities,
    ImmutableArray<LeaseModel> Leases,
    ImmutableArray<TrancheModel> Tranches,
    ImmutableArray<EquityInfo> Equities,
    ImmutableArray<AccountModel> Accounts,
    ImmutableArray<FeeModel> Fees,
    ImmutableArray<TestModel> Tests,
    ImmutableArray<TriggerModel> Triggers,
    BoundExpression? DefaultRule,
    ImmutableArray<StepModel> Waterfall,
    EnforcementModel? Enforcement,
    ImmutableArray<ScenarioSpec> Scenarios,
    string SourcePath)
{
    private readonly int? _scheduledPeriods;

    /// <summary>All periods: the scheduled ones, then the workout periods after the maturity in which an
    /// enforcement sale can still fall.</summary>
    public int Periods => Boundaries.Length - 1;

    /// <summary>Periods from the closing to the maturity; a run without an event of default ends after them.</summary>
    public int ScheduledPeriods
    {
        get => _scheduledPeriods ?? Periods;
        init => _scheduledPeriods = value;
    }

    /// <summary>How long the default rule's condition must hold before it is an event of default (none: at once).</summary>
    public DefaultGrace DefaultGrace { get; init; }

    /// <summary>The loans the deal owns, in declaration order (none unless it declares some).</summary>
    public ImmutableArray<LoanModel> Loans { get; init; } = [];

    /// <summary><c>cfads includes rvg</c>: the RVG counts in CFADS (by default CFADS is recurring cash only).</summary>
    public bool CfadsIncludesRvg { get; init; }
}

/// <summary>A grace period in whole months plus days (<c>grace 30d</c>, <c>grace 6m</c>).</summary>
public readonly record struct DefaultGrace(int Months, int Days)
{
    public bool IsNone => Months == 0 && Days == 0;
}
