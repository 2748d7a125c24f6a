using System.Collections.Immutable;

namespace DealLang.Runner.Running;

/// <summary>
/// What one deterministic scenario produced, copied out of the runner's reused buffers so it stays valid
/// (and immutable) after the next scenario runs. Period indexes are 0-based like the runtime's; dates are
/// period end dates from the deal's schedule.
/// </summary>
/// <param name="Scenario">The scenario's name (<c>AsWritten</c> when the deal declares none).</param>
/// <param name="PeriodsRun">Periods simulated: fewer than the schedule's when enforcement ended the deal.</param>
/// <param name="Ledger">The full period ledger, or null for a summary-only run.</param>
public sealed record ScenarioOutcome(
    string Scenario,
    int PeriodsRun,
    LedgerTable? Ledger,
    ImmutableArray<TrancheSummary> Tranches,
    ImmutableArray<EquitySummary> Equities,
    DealEvents Events,
    ImmutableArray<PartySummary> Parties,
    ImmutableArray<LoanSummary> Loans,
    ImmutableArray<FleetSummary> Fleets,
    ImmutableArray<ContractSummary> Contracts)
{
    /// <summary>Each holding's figures (docs/language.md §5 "holding"); empty for a deal that holds nothing.</summary>
    public ImmutableArray<HoldingSummary> Holdings { get; init; } = [];

    /// <summary>What each guarantor paid under each guarantee (docs/language.md §5, "Guarantors"); empty for a deal without.</summary>
    public ImmutableArray<GuaranteeSummary> Guarantees { get; init; } = [];

    /// <summary>The coins the deal holds (docs/language.md §5 "coins"); empty for a deal without them.</summary>
    public ImmutableArray<CoinsSummary> Coins { get; init; } = [];

    /// <summary>What each fee still owed when the run ended (docs/language.md §12, "The summary"); empty for a deal without fees.</summary>
    public ImmutableArray<FeeSummary> Fees { get; init; } = [];

    /// <summary>A replayed Monte Carlo path's draws, its <c>--paths-out</c> row's last columns in their order
    /// (<see cref="Simulation.PathDraws"/>); empty for any other outcome.</summary>
    public ImmutableArray<PathDrawFigure> Draws { get; init; } = [];
}
