using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Benchmarks;

/// <summary>
/// A <see cref="PathCase"/> (one deal and scenario, compiled and loaded once) with what <see cref="RunnerOverhead"/>
/// times on it: a summary-only <see cref="Runner.Running.ScenarioRunner"/>, a <see cref="Runner.Running.PathRunner"/>
/// over the case's path source, and the first tranche's flows on the path (the investment at closing, then interest
/// plus principal less draws at each period end, in ACT/365F years) for the IRR solvers.
/// </summary>
public sealed class RunnerCase : IDisposable
{
    public RunnerCase(string name)
    {
        Path = new PathCase(name);
        ScenarioRunner = new ScenarioRunner(Path.Program, fullLedger: false, checkCash: false);
        PathRunner = new PathRunner(Path.Program, Path.Source);
        TranchesOnly = new PathRunner(Path.Program, Path.Source, equityIrr: false);
        Path.Run();
        DealDescription deal = Path.Deal;
        RunResult result = Path.Result;
        int periods = result.PeriodsRun;
        Times = new double[periods + 1];
        Amounts = new double[periods + 1];
        // As the summaries solve them: bought at the issue price at closing and at each draw (CoreWeave's loans are
        // delayed-draw, funded by their draws); for Hyperion's notes, at par and with no draw, the same numbers as
        // before there were draws.
        double price = deal.Tranches[0].IssuePrice;
        Amounts[0] = -price * deal.Tranches[0].Balance;
        for (int t = 0; t < periods; t++)
        {
            Times[t + 1] = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Boundaries[t + 1]);
            Amounts[t + 1] = result.InterestPaid[0][t] + result.PrincipalPaid[0][t] - (price * result.TrancheDrawn[0][t]);
        }

        // The first equity's flows as PathSummaries solves them: the contribution, then distributions less cures.
        EquityAmounts = new double[periods + 1];
        EquityAmounts[0] = -deal.Equities[0].Contributed;
        for (int t = 0; t < periods; t++)
        {
            EquityAmounts[t + 1] = result.Distributions[0][t] - result.Injections[0][t] + 0.0;
        }

        PreparedTimes = new Runner.Analytics.FlowTimes(Times);
        summaries = new PathSummaries(deal);
        trancheSummaries = new PathSummaries(deal, solveEquityIrr: false);
        engineInputs = new PathInputs(deal) { CheckCashConservation = false };
        engineResult = new RunResult(deal, Path.Program.Layout, fullLedger: false);
        engineFigures = new Runner.Simulation.PathFigures(deal);
        engineTotals = Runner.Simulation.SimulationTotals.For(deal);
    }

    readonly PathSummaries summaries;
    readonly PathSummaries trancheSummaries;
    readonly PathInputs engineInputs;
    readonly RunResult engineResult;
    readonly Runner.Simulation.PathFigures engineFigures;
    readonly Runner.Simulation.SimulationTotals engineTotals;

    /// <summary>Path 0 as the Monte Carlo engine's worker runs a path (<c>SimulationEngine</c>, what <c>deallang mc</c>
    /// runs): inputs from the path source, the loop, the path's figures (each tranche's and equity's IRR, WAL and loss,
    /// the guarantees', funds' and parties' figures) and their addition to the run's totals (statistics, histograms,
    /// the index levels' fans).</summary>
    public double EnginePath()
    {
        Path.Source.Fill(0, engineInputs);
        Path.Program.Run(engineInputs, engineResult);
        engineFigures.Read(0, engineResult, engineInputs);
        engineTotals.Add(engineFigures, engineInputs);
        return engineResult.PeriodsRun;
    }

    /// <summary>The path source filling the case's inputs for path 0, as the path runner does first.</summary>
    public double Fill()
    {
        Path.Source.Fill(0, Path.After);
        return 0;
    }

    /// <summary>The finished path (the raw loop's result) added to summaries with the equity's IRR, as the path
    /// runner does last.</summary>
    public double AddSummaries()
    {
        summaries.Add(Path.Result);
        return summaries.Paths;
    }

    /// <summary>The finished path added to summaries without the equity's IRR, as the tranches-only runner does last.</summary>
    public double AddTrancheSummaries()
    {
        trancheSummaries.Add(Path.Result);
        return trancheSummaries.Paths;
    }

    public string Name => Path.Name;
    public PathCase Path { get; }
    public ScenarioRunner ScenarioRunner { get; }
    public PathRunner PathRunner { get; }

    /// <summary>A path runner that solves the tranches' IRRs but not the equity's.</summary>
    public PathRunner TranchesOnly { get; }
    public double[] Times { get; }
    public double[] Amounts { get; }

    /// <summary>The first equity's flows on the path.</summary>
    public double[] EquityAmounts { get; }

    /// <summary><see cref="Times"/> prepared once, as <see cref="PathSummaries"/> prepares the deal's.</summary>
    public Runner.Analytics.FlowTimes PreparedTimes { get; }

    public void Dispose() => Path.Dispose();
}
