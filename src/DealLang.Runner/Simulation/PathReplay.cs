using System.Collections.Immutable;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// One path of a Monte Carlo run replayed alone with the full ledger (<c>deallang mc --replay-path P</c>): the source
/// fills path P's inputs exactly as inside the run (they depend only on the seed and P), the period loop runs with
/// the ledger and the cash check, and the result is that path's <see cref="ScenarioOutcome"/> (ledger and summary)
/// and its <see cref="PathFigures"/>, the figures it adds to the run's totals and writes to its per-path row. The
/// party and loan rows show a drawn default on its drawn date, as <c>deallang run</c> of the path does (a stochastic
/// scenario's source); from another source, on the end of the first period in which the path has it in default. Its
/// outcome's <see cref="ScenarioOutcome.Draws"/> are what the path drew, its row's last columns.
/// </summary>
public static class PathReplay
{
    public static (ScenarioOutcome Outcome, PathFigures Figures) Run(IDealProgram program, IPathSource source, int path, string name)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(name);
        DealDescription deal = program.Description;
        var inputs = new PathInputs(deal) { CheckCashConservation = true };
        var result = new RunResult(deal, program.Layout, fullLedger: true);
        PathFigures figures = new SimulationEngine(program, source, checkCash: true).RunOne(path, inputs, result);

        ScenarioSpec scenario;
        IReadOnlyDictionary<string, DefaultModel>? drawn = null;
        if (source is StochasticPaths stochastic)
        {
            scenario = stochastic.Drawn(inputs) with { Name = name };
            drawn = PartySummaries.DrawnDefaults(deal, stochastic.Stochastic);
        }
        else
        {
            var defaults = new Date?[deal.Parties.Length];
            for (int p = 0; p < defaults.Length; p++)
            {
                int first = Array.IndexOf(inputs.PartyDefaulted[p], true);
                defaults[p] = first < 0 ? null : deal.Boundaries[first + 1];
            }

            scenario = ScenarioSpec.AsWritten(deal) with { Name = name, PartyDefaults = defaults };
        }
        ScenarioOutcome outcome = ScenarioRunner.Outcome(deal, new LayoutIndex(deal, program.Layout), result, scenario, drawn: drawn);
        return (outcome with { Draws = DrawsOf(source, inputs, path, result.PeriodsRun) }, figures);
    }

    /// <summary>What path <paramref name="path"/>, last filled into <paramref name="inputs"/>, drew, as its per-path
    /// row's last columns hold it (<see cref="PathDraws"/>, read the same way): what its replayed summary lists under
    /// <c>drawn</c>. Empty from a source that draws nothing of the kind. <paramref name="periodsRun"/>: the periods
    /// the path's run read (its jumps are counted over them).</summary>
    public static ImmutableArray<PathDrawFigure> DrawsOf(IPathSource source, PathInputs inputs, int path, int periodsRun)
    {
        ArgumentNullException.ThrowIfNull(source);
        var draws = PathDraws.Of(source);
        draws.Read(inputs, path, periodsRun);
        return [.. draws.Figures().Select(d => new PathDrawFigure(d.Column.Name, d.Column.Kind, d.Value))];
    }
}
