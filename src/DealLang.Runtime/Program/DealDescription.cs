namespace DealLang.Runtime;

/// <summary>
/// The deal's terms as data, emitted by the compiler as constructor calls. Everything here is fixed by the
/// deal file; scenario-dependent quantities live in <see cref="PathInputs"/>. The scenarios are not part of it:
/// they are run-time data (<see cref="ScenarioSpec"/>) passed to the runner, so a scenario edit never changes
/// the compiled deal.
/// </summary>
public sealed class DealDescription
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required string Currency { get; init; }
    public required Date Closing { get; init; }
    public required Date Maturity { get; init; }
    public required Frequency Frequency { get; init; }
    public required DayCount DayCount { get; init; }

    /// <summary>Period boundaries [closing, p1, ..., maturity, workout...]: period t runs from Boundaries[t] to Boundaries[t+1].</summary>
    public required Date[] Boundaries { get; init; }

    /// <summary>The boundaries as the schedule rolls them, before the business days move them to the dates paid
    /// (<c>business_days ...</c>): the regular grid a lease's rent is prorated against. The boundaries themselves when
    /// no date moved (and then the compiler emits no line for it).</summary>
    public Date[] RolledBoundaries
    {
        get => _rolledBoundaries ?? Boundaries;
        init => _rolledBoundaries = value;
    }

    /// <summary>Year fraction of each period under the deal's day count.</summary>
    public required double[] YearFractions { get; init; }

    public required PartyInfo[] Parties { get; init; }
    public required FacilityInfo[] Facilities { get; init; }
    public required LeaseInfo[] Leases { get; init; }
    public required TrancheInfo[] Tranches { get; init; }
    public required EquityInfo[] Equities { get; init; }
    public required AccountInfo[] Accounts { get; init; }
    public required string[] Fees { get; init; }
    public required string[] Tests { get; init; }
    public required string[] Triggers { get; init; }
    public required SaleInfo[] Sales { get; init; }

    /// <summary>The market indices the deal declares (none unless it declares some).</summary>
    public IndexInfo[] Indices { get; init; } = [];

    /// <summary>The loans the deal owns (none unless the deal declares some).</summary>
    public LoanInfo[] Loans { get; init; } = [];

    /// <summary>The GPU fleets the deal owns (none unless the deal declares some).</summary>
    public FleetInfo[] Fleets { get; init; } = [];

    /// <summary>The compute contracts on the fleets, in declaration order (docs/language.md §5 "contract").</summary>
    public ContractInfo[] Contracts { get; init; } = [];

    /// <summary>The holdings of other entities' tranches and equities (none unless the deal declares some).</summary>
    public HoldingInfo[] Holdings { get; init; } = [];

    /// <summary>The coins the deal holds (and may mine), in declaration order (docs/language.md §5 "coins").</summary>
    public CoinsInfo[] Coins { get; init; } = [];

    /// <summary>Whether a forward test projects <c>cfads</c> (<c>cfads over next 12m</c>): then each lease's rent in its
    /// current term is a path input (<see cref="InputQuantity.LeaseTermRent"/>); false by default, and no slot.</summary>
    public bool ProjectsCfads { get; init; }

    /// <summary>Whether the compiled program reads the ramp and price of its sales' re-lets of idle units (docs/language.md
    /// §9, "relet-ramp"): when a sale's own re-let has them, or some scenario of the deal gives them (the compiled-deal
    /// cache keys it). A scenario asking for them of a program without it is refused (Shapes).</summary>
    public bool ShapesSaleRelets { get; init; }

    /// <summary>Whether a forward test projects a completion index's shares (a <c>completion</c> tranche's forward debt
    /// service, a phased lease's forward CFADS): then each index's schedule, its row without a path's draws, is a path
    /// input (<see cref="InputQuantity.IndexSchedule"/>); false by default, and no slot.</summary>
    public bool ProjectsCompletion { get; init; }

    /// <summary>The guarantees behind the deal's leases and tranches (docs/language.md §5, "Guarantors"), leases' first,
    /// each in declaration order; none by default. A deal with any has the guarantors' path inputs
    /// (<see cref="InputQuantity.LeaseGuaranteeDue"/>, <see cref="InputQuantity.GuarantorHonour"/>,
    /// <see cref="InputQuantity.GuarantorDisownedPeriod"/>); one without has no slot for them.</summary>
    public GuaranteeInfo[] Guarantees { get; init; } = [];

    /// <summary>Whether the deal has a guarantee, hence the guarantors' input slots.</summary>
    public bool HasGuarantees => Guarantees.Length > 0;

    /// <summary>Whether a tranche may be called: a convertible (<see cref="TrancheInfo.ConversionPrice"/> above 0), or a plain
    /// tranche some scenario of the deal calls (<see cref="TrancheInfo.CalledByScenario"/>): the tranches then have input
    /// slots for a scenario's hard calls and partial conversion (<see cref="InputQuantity.TrancheCallPart"/>); a deal without has none.</summary>
    public bool HasTrancheCalls => Tranches.Any(t => t.ConversionPrice != 0 || t.CalledByScenario);

    private readonly int? _scheduledPeriods;
    private readonly Date[]? _rolledBoundaries;

    /// <summary>All periods: to the maturity, then the workout periods in which an enforcement sale can still fall.</summary>
    public int Periods => Boundaries.Length - 1;

    /// <summary>Periods from the closing to the maturity (all of them when the deal has no workout periods).</summary>
    public int ScheduledPeriods
    {
        get => _scheduledPeriods ?? Periods;
        init => _scheduledPeriods = value;
    }
}
