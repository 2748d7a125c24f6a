using System.Globalization;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang mc</c> on a deal that imports deals (docs/language.md §10, "Stochastic scenarios in a chain"): every entity
/// compiled to its own program, the top deal's stochastic scenario drawn once per path and every entity run on those
/// draws in dependency order (<see cref="ChainSimulation"/>); the report is each entity's credit metrics in run order,
/// or one path replayed with every entity's summary (and ledger). With <c>--shard i/K --out FILE</c> it writes a chain's
/// shard file (every entity's totals, <see cref="ShardFile.WriteChain"/>) that <c>deallang merge</c> turns into the same
/// reports; with <c>--paths-out</c> one row per path holds every entity's figures (<see cref="PathColumns.ForChain"/>).
/// </summary>
internal static class McChain
{
    public static int Execute(McCommand.McRequest request, Compilation compilation, CompileResult top, CliConsole console, CompileOptions options)
    {
        using ChainPrograms? chain = ChainPrograms.Load(compilation, top, options, console);
        if (chain is null)
        {
            return ExitCodes.InternalError; // an entity checked without errors: anything after is a DealLang bug
        }

        var programs = chain.Programs;
        DealDescription deal = chain.Top;
        ScenarioSpec scenario = McCommand.SelectScenario(deal, [.. top.Model!.Scenarios], request.Scenario);
        int paths = request.Paths ?? StochasticPaths.DefaultPaths(scenario);
        ulong seed = request.Seed ?? StochasticPaths.DefaultSeed(scenario);
        StochasticPaths source = McCommand.Source(deal, scenario, seed, paths);

        var simulation = new ChainSimulation(programs, source, scenario, checkCash: true);
        if (request.ReplayPath is { } replay)
        {
            return Replay(request, simulation, scenario.Name, seed, paths, replay, console);
        }

        string hash = McCommand.DealHash(compilation);
        IReadOnlyList<DealDescription> deals = simulation.Deals;
        SimulationFrame[] frames = [.. deals.Select(d => SimulationFrame.Of(d, hash, scenario.Name, seed, paths, Pds(d, deal, source)) with { Sampling = source.Sampling })];
        (int index, int count) = request.Shard is { } text ? McCommand.ParseShard(text) : (1, 1);
        Shard shard = Shard.Of(index, count, paths, source.MirroredPairs);

        using PathsFile? rows = request.PathsOut is { } rowsFile ? PathsFile.Create(rowsFile, simulation.Columns, console.Inputs) : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SimulationTotals[] totals = ProgressDisplay.Run(console, console.ShowsProgress, $"mc {scenario.Name}", shard.To - shard.From,
            report => simulation.Run(shard.From, shard.To, request.Threads, rows, report, console.Interruption?.Token ?? default));
        // An empty shard's read "paths 0 to -1": it says it has none, as one deal's does.
        console.Detail(shard.To > shard.From
            ? string.Create(CultureInfo.InvariantCulture, $"ran the chain's paths {shard.From} to {shard.To - 1} on {request.Threads} thread(s) in {clock.Elapsed.TotalSeconds:F3} s")
            : string.Create(CultureInfo.InvariantCulture, $"ran none of the chain's {paths} paths (shard {shard.Index}/{shard.Count} has none) in {clock.Elapsed.TotalSeconds:F3} s"));

        string? rowsWritten = rows?.Commit();
        if (request.Shard is not null)
        {
            var outputs = new OutputFiles(console.Inputs);
            outputs.Add(request.Out!, ShardFile.WriteChain(new ChainShardResult(shard, [.. frames.Zip(totals)])));
            foreach (string written in outputs.Commit())
            {
                console.Info(console.Out, string.Create(CultureInfo.InvariantCulture,
                    $"wrote {TerminalText.Escape(written)} (shard {shard.Index}/{shard.Count} of the chain {string.Join(", ", deals.Select(d => d.Name))}: {shard.PathsOf(paths)})"));
            }
        }
        else
        {
            ReportWriter.Write(Reports([.. frames.Zip(totals)], request.Format), request.Format, null, console);
            McCommand.NoteStandardErrors(frames[0], console);
        }

        if (rowsWritten is not null)
        {
            // As for one deal: beside a printed report on standard error, so the report stays one clean document.
            console.Info(request.Shard is null ? console.Error : console.Out, $"wrote {TerminalText.Escape(rowsWritten)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Every path of the top deal's stochastic <paramref name="scenario"/> run over the chain, as
    /// <see cref="Execute"/> runs it without a shard (progress under <paramref name="stage"/>): each entity's frame and
    /// totals, in run order. <c>report --mc</c> charts them.</summary>
    internal static List<(SimulationFrame Frame, SimulationTotals Totals)> RunAll(Compilation compilation, ChainPrograms chain, ScenarioSpec scenario,
        int paths, ulong seed, int threads, CliConsole console, string stage)
    {
        DealDescription deal = chain.Top;
        StochasticPaths source = McCommand.Source(deal, scenario, seed, paths);

        var simulation = new ChainSimulation(chain.Programs, source, scenario, checkCash: true);
        string hash = McCommand.DealHash(compilation);
        SimulationFrame[] frames = [.. simulation.Deals.Select(d => SimulationFrame.Of(d, hash, scenario.Name, seed, paths, Pds(d, deal, source)) with { Sampling = source.Sampling })];
        SimulationTotals[] totals = ProgressDisplay.Run(console, console.ShowsProgress, stage, paths,
            report => simulation.Run(0, paths, threads, null, report, console.Interruption?.Token ?? default));
        return [.. frames.Zip(totals)];
    }

    /// <summary>The chain's reports, one per entity in run order (<c>mc</c> on the whole run, and <c>merge</c> on its
    /// shards, print the same): each entity's credit metrics under <c>Entity: entity k of n of the chain, in run
    /// order</c>, keyed <c>Entity.Scenario.mc</c> in JSON.</summary>
    internal static List<(string Title, string FileStem, string Text)> Reports(IReadOnlyList<(SimulationFrame Frame, SimulationTotals Totals)> entities, ReportFormat format)
    {
        var reports = new List<(string Title, string FileStem, string Text)>(entities.Count);
        for (int e = 0; e < entities.Count; e++)
        {
            var (frame, totals) = entities[e];
            reports.Add((string.Create(CultureInfo.InvariantCulture, $"{frame.Deal}: entity {e + 1} of {entities.Count} of the chain, in run order"), $"{frame.Deal}.{frame.Scenario}.mc",
                MonteCarloReport.Render(CreditMetrics.Compute(frame, totals), format)));
        }

        return reports;
    }

    /// <summary>The drawn parties an entity has (matched by name), with the top's input PD: printed beside their
    /// simulated default rate when the entity's maturity is the top's (the PD to maturity is the top's horizon); an
    /// entity of another maturity reports no input PD rather than one to the wrong date.</summary>
    internal static IEnumerable<PartyPd> Pds(DealDescription entity, DealDescription top, StochasticPaths source)
    {
        if (entity.Maturity != top.Maturity && !ReferenceEquals(entity, top))
        {
            yield break;
        }

        foreach (PartyDefaultInput d in source.DefaultInputs)
        {
            int p = Array.FindIndex(entity.Parties, x => x.Name == d.Party);
            if (p >= 0)
            {
                yield return new PartyPd(d.Party, p, d.AnnualPd, d.HorizonPd);
            }
        }
    }

    static int Replay(McCommand.McRequest request, ChainSimulation simulation, string scenario, ulong seed, int paths, int path, CliConsole console)
    {
        if (path >= paths)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--replay-path {path}: the run has paths 0 to {paths - 1}"));
        }

        (ChainRunner runner, ChainPaths filler) = simulation.NewPathRunner(fullLedger: true);
        filler.Run(path);
        string name = string.Create(CultureInfo.InvariantCulture, $"{scenario} path {path}");
        // The top's summary lists what the path drew, as the row's last columns (Top.column) hold it.
        ChainOutcome outcome = runner.WithTopDraws(runner.OutcomeOf(name, filler.DrawnScenarios(), simulation.DrawnDefaults), simulation.Source, path);
        var reports = new List<(string Title, string FileStem, string Text)>();
        foreach (EntityOutcome entity in outcome.Entities)
        {
            string stem = string.Create(CultureInfo.InvariantCulture, $"{entity.Deal.Name}.{scenario}.path{path}");
            if (request.Ledger)
            {
                reports.Add(($"{entity.Deal.Name}: scenario {scenario}, seed {seed}, path {path}: period ledger", stem + ".ledger",
                    LedgerReport.Render(entity.Deal, entity.Layout, entity.Outcome, request.Format)));
            }

            reports.Add(($"{entity.Deal.Name}: scenario {scenario}, seed {seed}, path {path}: summary", stem + ".summary",
                SummaryReport.Render(entity.Deal, [entity.Outcome], request.Format)));
        }

        reports.Add(($"{outcome.Entities[^1].Deal.Name}: the chain on path {path}", $"{outcome.Entities[^1].Deal.Name}.chain",
            ChainReport.Render([outcome], request.Format)));
        ReportWriter.Write(reports, request.Format, null, console);
        return ExitCodes.Ok;
    }
}
