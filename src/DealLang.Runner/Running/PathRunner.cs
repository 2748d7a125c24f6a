using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// Runs many paths of one compiled deal in summary-only mode, the Monte Carlo inner loop: for each path the source
/// fills one reused <see cref="PathInputs"/>, the period loop runs into one reused summary-only
/// <see cref="RunResult"/> (no ledger), and the path is added to <see cref="Summaries"/> (each tranche's loss and
/// last IRR, each equity's IRR, defaults and sales; the path's WAL is in <see cref="Simulation.PathFigures"/>, read
/// from <see cref="Result"/>). Nothing is allocated per path. Not thread-safe: one runner per
/// thread, each with its own <see cref="PathSummaries"/>, merged at the end (<see cref="PathSummaries.Merge"/>).
/// <see cref="ScenarioRunner"/> is the other way in: one immutable <see cref="ScenarioOutcome"/> (ledger, events,
/// every kind's summary) per scenario, for reports.
/// </summary>
public sealed class PathRunner
{
    readonly IDealProgram program;
    readonly IPathSource source;
    readonly PathInputs inputs;

    /// <param name="program">The compiled deal.</param>
    /// <param name="source">Where the paths come from; made for <paramref name="program"/>'s deal.</param>
    /// <param name="checkCash">Have the period loop verify cash conservation every period (a test's choice; off in
    /// production, as it costs time).</param>
    /// <param name="equityIrr">Solve each equity's IRR on every path too (see <see cref="PathSummaries"/>).</param>
    public PathRunner(IDealProgram program, IPathSource source, bool checkCash = false, bool equityIrr = true)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(source);
        DealDescription deal = program.Description;
        if (!ReferenceEquals(source.Deal, deal) && (source.Deal.Name != deal.Name || source.Deal.Periods != deal.Periods))
        {
            throw new ArgumentException($"The path source is for the deal '{source.Deal.Name}', not for this program's '{deal.Name}'.", nameof(source));
        }

        this.program = program;
        this.source = source;
        inputs = new PathInputs(deal) { CheckCashConservation = checkCash };
        Result = new RunResult(deal, program.Layout, fullLedger: false);
        Summaries = new PathSummaries(deal, equityIrr);
    }

    /// <summary>What the paths run so far add up to.</summary>
    public PathSummaries Summaries { get; }

    /// <summary>The buffers of the path run last (summary-only: <see cref="RunResult.Ledger"/> is null).</summary>
    public RunResult Result { get; }

    /// <summary>Runs path <paramref name="path"/> of the source and adds it to <see cref="Summaries"/>; returns the
    /// periods it ran.</summary>
    public int Run(int path)
    {
        source.Fill(path, inputs);
        program.Run(inputs, Result); // Run begins the path itself (RunResult.BeginPath); nothing needs clearing
        Summaries.Add(Result);
        return Result.PeriodsRun;
    }

    /// <summary>Runs paths <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public void Run(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, source.Count - first);
        for (int i = first; i < first + count; i++)
        {
            Run(i);
        }
    }
}
