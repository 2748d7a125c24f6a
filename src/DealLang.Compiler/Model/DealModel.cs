using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// The bound, validated deal: the compiler's intermediate representation between the checker and the emitter.
/// References are resolved to indexes into the arrays below; every expression is typed; every term is a
/// folded constant. Only <see cref="Lowering.Lowerer"/> creates one, and only for a deal with no errors.
/// Named properties in four groups (what the deal is, its schedule, its entities, its rules): a new kind adds one
/// line to the entities.
/// </summary>
public sealed record DealModel
{
    private readonly int? _scheduledPeriods;

    // ------------------------------------------------------------------ what the deal is

    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Currency { get; init; }

    /// <summary>The deal file (only its name reaches the generated code).</summary>
    public required string SourcePath { get; init; }

    // ------------------------------------------------------------------ the schedule

    public required Date Closing { get; init; }

    public required Date Maturity { get; init; }

    public required Frequency Frequency { get; init; }

    public required DayCount DayCount { get; init; }

    /// <summary>Period boundaries: the closing, then each period's end, workout periods included.</summary>
    public required ImmutableArray<Date> Boundaries { get; init; }

    /// <summary>The rolled dates interest accrues between, when they differ from <see cref="Boundaries"/>
    /// (<c>business_days ... unadjusted</c>); empty when interest accrues between the boundaries themselves.</summary>
    public ImmutableArray<Date> AccrualBoundaries { get; init; } = [];

    /// <summary>The dates as rolled, before the business days move them, when some moved (<c>business_days ...</c>);
    /// empty when every date is paid as it falls. The regular grid: a lease's regular periods are rolled from them,
    /// a level tranche's stubs read off them.</summary>
    public ImmutableArray<Date> RolledBoundaries { get; init; } = [];

    /// <summary>All periods: the scheduled ones, then the workout periods after the maturity in which an
    /// enforcement sale can still fall.</summary>
    public int Periods => Boundaries.Length - 1;

    /// <summary>Periods from the closing to the maturity; a run without an event of default ends after them.</summary>
    public int ScheduledPeriods
    {
        get => _scheduledPeriods ?? Periods;
        init => _scheduledPeriods = value;
    }

    // ------------------------------------------------------------------ the entities, one array per kind

    public required ImmutableArray<PartyInfo> Parties { get; init; }

    /// <summary>The market indices the deal declares, in declaration order (none unless it declares some).</summary>
    public ImmutableArray<IndexModel> Indices { get; init; } = [];

    public required ImmutableArray<FacilityInfo> Facilities { get; init; }

    public required ImmutableArray<LeaseModel> Leases { get; init; }

    public required ImmutableArray<TrancheModel> Tranches { get; init; }

    public required ImmutableArray<EquityInfo> Equities { get; init; }

    public required ImmutableArray<AccountModel> Accounts { get; init; }

    public required ImmutableArray<FeeModel> Fees { get; init; }

    // ------------------------------------------------------------------ the rules

    /// <summary>Tests in evaluation order (each after those it reads).</summary>
    public required ImmutableArray<TestModel> Tests { get; init; }

    public required ImmutableArray<TriggerModel> Triggers { get; init; }

    /// <summary>The loans the deal owns, in declaration order (none unless it declares some).</summary>
    public ImmutableArray<LoanModel> Loans { get; init; } = [];

    /// <summary>The GPU fleets the deal owns, in declaration order (none unless it declares some).</summary>
    public ImmutableArray<FleetInfo> Fleets { get; init; } = [];

    /// <summary>The compute contracts on the fleets (docs/language.md §5 "contract").</summary>
    public ImmutableArray<ContractInfo> Contracts { get; init; } = [];

    /// <summary>The deal's holdings of other entities' tranches and equities (docs/language.md §5 "holding"), in
    /// declaration order; none unless it declares some.</summary>
    public ImmutableArray<HoldingInfo> Holdings { get; init; } = [];

    /// <summary>The guarantees behind the leases and tranches (docs/language.md §5, "Guarantors"), the leases' first.</summary>
    public ImmutableArray<GuaranteeInfo> Guarantees { get; init; } = [];

    /// <summary>The coins the deal holds and may mine (docs/language.md §5 "coins"; none unless it declares some).</summary>
    public ImmutableArray<CoinsModel> Coins { get; init; } = [];

    /// <summary><c>cfads includes rvg</c>: the RVG counts in CFADS (by default CFADS is recurring cash only).</summary>
    public bool CfadsIncludesRvg { get; init; }

    /// <summary>The condition of an event of default (null: the deal has no default rule).</summary>
    public required BoundExpression? DefaultRule { get; init; }

    /// <summary>How long the default rule's condition must hold before it is an event of default (none: at once).</summary>
    public DefaultGrace DefaultGrace { get; init; }

    public required ImmutableArray<StepModel> Waterfall { get; init; }

    /// <summary>The sales and the waterfall after an event of default (null: none).</summary>
    public required EnforcementModel? Enforcement { get; init; }

    /// <summary>The deal's own scenarios: run-time data handed to the runner, never emitted.</summary>
    public required ImmutableArray<ScenarioSpec> Scenarios { get; init; }
}

/// <summary>A grace period in whole months plus days (<c>grace 30d</c>, <c>grace 6m</c>).</summary>
public readonly record struct DefaultGrace(int Months, int Days)
{
    public bool IsNone => Months == 0 && Days == 0;
}
