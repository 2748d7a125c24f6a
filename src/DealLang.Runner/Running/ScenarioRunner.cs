using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// Runs a compiled deal under deterministic scenarios, given by the caller (the compiled deal holds none: a
/// scenario is run-time data, checked against the deal's shape when it is run), one after another, reusing one set of path inputs and
/// one result buffer, and copies each run into an immutable <see cref="ScenarioOutcome"/>. Not thread-safe:
/// use one runner per thread. A <see cref="CashConservationException"/> from a cash-checked run is a compiler
/// or runtime bug and is left to propagate (the CLI reports it as an internal error).
/// </summary>
public sealed class ScenarioRunner
{
    readonly DealDescription deal;
    readonly LayoutIndex index;
    readonly DealPaths paths;
    readonly PathInputs inputs;
    readonly RunResult result;

    /// <param name="fullLedger">Keep the per-period ledger (reports, snapshots); false for summaries only.</param>
    /// <param name="checkCash">Have the period loop verify cash conservation every period.</param>
    public ScenarioRunner(IDealProgram program, bool fullLedger = true, bool checkCash = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        Program = program;
        deal = program.Description;
        index = new LayoutIndex(deal, program.Layout);
        paths = DealPaths.For(deal);
        inputs = new PathInputs(deal, paths.Layout) { CheckCashConservation = checkCash };
        result = new RunResult(deal, program.Layout, fullLedger);
    }

    public IDealProgram Program { get; }

    /// <summary>Runs the given scenarios in order; none given means the deal as written.</summary>
    public static IReadOnlyList<ScenarioOutcome> RunAll(
        IDealProgram program, IEnumerable<ScenarioSpec> scenarios, bool fullLedger = true, bool checkCash = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new ScenarioRunner(program, fullLedger, checkCash).RunAll(scenarios);
    }

    /// <inheritdoc cref="RunAll(IDealProgram, IEnumerable{ScenarioSpec}, bool, bool)"/>
    public IReadOnlyList<ScenarioOutcome> RunAll(IEnumerable<ScenarioSpec> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var outcomes = new List<ScenarioOutcome>();
        foreach (ScenarioSpec scenario in scenarios)
        {
            outcomes.Add(Run(scenario));
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(Run(ScenarioSpec.AsWritten(deal)));
        }

        return outcomes;
    }

    public ScenarioOutcome Run(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyDictionary<string, DefaultModel>? drawn = null;
        StochasticPaths? stochastic = null;
        if (StochasticPaths.IsStochastic(scenario))
        {
            // A stochastic scenario run deterministically ('deallang run') is its path 0 at its own seed
            // (docs/language.md §10, "Stochastic scenarios"); its summaries read the dates that path drew, and its
            // parties' rows the PDs it draws them from.
            stochastic = new StochasticPaths(deal, scenario, StochasticPaths.DefaultSeed(scenario), 1);
            stochastic.Fill(0, inputs);
            drawn = PartySummaries.DrawnDefaults(deal, scenario.Stochastic);
            scenario = stochastic.Drawn(inputs);
        }
        else
        {
            paths.Fill(scenario, inputs);
        }

        result.Reset();
        Program.Run(inputs, result);

        ScenarioOutcome outcome = Outcome(deal, index, result, scenario, inputs, drawn);

        // What path 0 drew (factor shocks, drawn rates, jumps, stressed share, default dates…), read as
        // 'mc --replay-path 0' reads it, so the two list the same 'drawn' rows with the same numbers.
        return stochastic is null ? outcome : outcome with { Draws = PathReplay.DrawsOf(stochastic, inputs, 0, result.PeriodsRun) };
    }

    /// <summary>A finished run's <see cref="ScenarioOutcome"/>: the ledger copied (if kept) and every kind's summary
    /// built from <paramref name="result"/>'s buffers; <paramref name="scenario"/> gives the party default dates the
    /// party and loan rows show, <paramref name="drawn"/> the PDs a stochastic scenario's path drew its defaults from
    /// (<see cref="PartySummaries.DrawnDefaults"/>).</summary>
    internal static ScenarioOutcome Outcome(
        DealDescription deal, LayoutIndex index, RunResult result, ScenarioSpec scenario, PathInputs? inputs = null, IReadOnlyDictionary<string, DefaultModel>? drawn = null)
    {
        int periods = Math.Clamp(result.PeriodsRun, 0, deal.Periods);
        double[] years = PeriodYears.FromClosing(deal, periods);
        return new ScenarioOutcome(
            scenario.Name,
            periods,
            result.Ledger is { } ledger ? LedgerTable.CopyOf(ledger, periods) : null,
            TrancheSummaries.Build(deal, result, scenario, periods, years),
            EquitySummaries.Build(deal, result, periods, years, inputs),
            DealEventsBuilder.Build(deal, index, result, periods),
            PartySummaries.Build(deal, scenario, periods, drawn),
            LoanSummaries.Build(deal, result, scenario, periods),
            FleetSummaries.Build(deal, result),
            ContractSummaries.Build(deal, result, periods))
        {
            Holdings = HoldingSummaries.Build(deal, result, inputs, periods),
            Guarantees = GuaranteeSummaries.Build(deal, result, periods),
            Coins = CoinsSummaries.Build(deal, result, periods),
            Fees = FeeSummaries.Build(deal, result),
        };
    }
}
