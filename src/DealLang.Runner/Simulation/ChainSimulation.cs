using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// Runs paths [from, to) of a chain's stochastic scenario on T threads (docs/language.md §12, "Monte Carlo results",
/// for a chain): on each path the top's scenario draws once (<see cref="ChainPaths"/>), every entity runs on those
/// draws in dependency order (<see cref="ChainRunner.RunFilled"/>, summary-only), and each entity's figures
/// (<see cref="PathFigures"/>) go into its own <see cref="SimulationTotals"/>. As <see cref="SimulationEngine"/>: each
/// thread owns its runner, buffers, figures and totals, made once, and takes fixed blocks of
/// <see cref="SimulationEngine.BlockSize"/> paths; a path depends only on (seed, path index) and every total is exact
/// and order-free, so 1 or N threads, and ranges run apart and merged (shards), give the same totals bit for bit. A
/// <see cref="IPathSink"/> receives each block's rows, every entity's figures side by side, in path order.
/// </summary>
public sealed class ChainSimulation
{
    readonly IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> programs;
    readonly StochasticPaths source;
    readonly ScenarioSpec scenario;
    readonly bool checkCash;

    /// <param name="programs">The chain's programs in run order, the top deal last, each with its own scenarios.</param>
    /// <param name="source">The top deal's stochastic scenario as a path source.</param>
    /// <param name="scenario">That scenario.</param>
    /// <param name="checkCash">Have every entity's loop verify cash conservation every period (the CLI does).</param>
    public ChainSimulation(IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> programs, StochasticPaths source, ScenarioSpec scenario, bool checkCash = false)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenario);
        if (programs.Count == 0 || programs[^1].Program.Description.Name != source.Deal.Name)
        {
            throw new ArgumentException($"The path source is for deal '{source.Deal.Name}', which is not the chain's top deal.", nameof(source));
        }

        this.programs = programs;
        this.source = source;
        this.scenario = scenario;
        this.checkCash = checkCash;
    }

    /// <summary>The defaults the top's scenario draws, by party name, for a replayed path's party rows
    /// (<see cref="Running.PartySummaries.DrawnDefaults"/>).</summary>
    public IReadOnlyDictionary<string, DefaultModel>? DrawnDefaults => Running.PartySummaries.DrawnDefaults(source.Deal, scenario.Stochastic);

    /// <summary>The entities' descriptions, in run order.</summary>
    public IReadOnlyList<DealDescription> Deals => [.. programs.Select(p => p.Program.Description)];

    /// <summary>A runner and its path filler, for running paths one at a time (a replayed path, tests).</summary>
    public (ChainRunner Runner, ChainPaths Paths) NewPathRunner(bool fullLedger)
    {
        var runner = new ChainRunner(programs, fullLedger, checkCash);
        return (runner, new ChainPaths(runner, source, scenario));
    }

    /// <summary>The per-path columns of a chain's rows (<see cref="PathColumns.ForChain"/>): every entity's, in run
    /// order, then what the top's scenario drew.</summary>
    public PathColumn[] Columns => PathColumns.ForChain(Deals, source);

    /// <summary>The top deal's stochastic scenario as a path source: what a replayed path's draws are read from.</summary>
    public StochasticPaths Source => source;

    /// <summary>Runs paths <paramref name="from"/> to <paramref name="to"/> − 1 on <paramref name="threads"/> threads:
    /// each entity's totals, in run order.</summary>
    /// <param name="sink">Receives each block's rows, every entity's figures side by side (<see cref="Columns"/>), in
    /// path order; null for none.</param>
    /// <param name="progress">Called now and then, from any thread, with the paths finished so far; null for none.</param>
    public SimulationTotals[] Run(int from, int to, int threads, IPathSink? sink = null, Action<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, source.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Shard.CheckPairs(source.MirroredPairs, from, to, source.Count);

        const int block = SimulationEngine.BlockSize;
        int blocks = (int)(((long)to - from + block - 1) / block);
        threads = Math.Max(1, Math.Min(threads, blocks));
        PathColumn[] columns = Columns;
        var run = new SharedRun(from, to, block, blocks, sink, () => new PathBlock(columns, block), progress, cancel);
        var workers = new Worker[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Worker(this);
        }

        run.Run(workers, "deallang mc chain");
        // Each entity's totals are the first thread's with the others' merged in (exact and order-free), as
        // SimulationEngine.Run's: one set per thread and entity, no extra set to merge them all into.
        var totals = new SimulationTotals[programs.Count];
        for (int e = 0; e < totals.Length; e++)
        {
            totals[e] = workers[0].Totals[e];
            foreach (Worker worker in workers.Skip(1))
            {
                try
                {
                    totals[e].Merge(worker.Totals[e]);
                }
                catch (OverflowException overflow)
                {
                    throw SumLimitException.ForSums(programs[e].Program.Description, overflow, totals[e].Pairs is not null); // each thread's fit; not together
                }
            }
        }

        return totals;
    }

    /// <summary>One thread's runner, buffers, figures and totals.</summary>
    sealed class Worker : IPathWorker
    {
        readonly ChainRunner runner;
        readonly ChainPaths paths;
        readonly PathFigures[] figures;
        readonly PathDraws draws;

        public Worker(ChainSimulation simulation)
        {
            (runner, paths) = simulation.NewPathRunner(fullLedger: false);
            draws = PathDraws.Of(simulation.source);
            figures = new PathFigures[runner.Count];
            Totals = new SimulationTotals[runner.Count];
            for (int e = 0; e < runner.Count; e++)
            {
                figures[e] = new PathFigures(runner.DealOf(e));
                Totals[e] = SimulationEngine.Totals(runner.DealOf(e), simulation.source);
            }
        }

        public SimulationTotals[] Totals { get; }

        public void RunPath(int path)
        {
            paths.Run(path);
            for (int e = 0; e < figures.Length; e++)
            {
                (RunResult result, PathInputs inputs) = runner.Buffers(e);
                figures[e].Read(path, result, inputs);
                try
                {
                    Totals[e].Add(figures[e], inputs);
                }
                catch (OverflowException overflow)
                {
                    throw SumLimitException.For(figures[e], path, overflow, entity: true, paired: Totals[e].Pairs is not null); // the input's scale, said in its terms
                }
            }
        }

        public void AddRow(PathBlock rows)
        {
            (RunResult top, PathInputs inputs) = runner.Buffers(runner.Count - 1);
            draws.Read(inputs, figures[^1].Path, top.PeriodsRun); // the top's inputs, which the source filled (ChainPaths), and its run
            rows.Add(figures, draws);
        }
    }
}
