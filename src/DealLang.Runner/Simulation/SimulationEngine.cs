using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// Runs paths [from, to) of an <see cref="IPathSource"/> through a compiled deal on T threads, summary-only (no
/// ledger), and returns their <see cref="SimulationTotals"/>. Each thread owns its <see cref="PathInputs"/>,
/// <see cref="RunResult"/>, <see cref="PathFigures"/> and totals, made once, so a path allocates nothing; threads
/// take fixed blocks of <see cref="BlockSize"/> consecutive paths in turn. The result does not depend on the
/// threads or on which thread ran which block: a path's figures depend only on the source's path (a Monte Carlo
/// source's stream comes from the seed and the path index), and every total is exact and order-free
/// (<see cref="SimulationTotals"/>), so 1 or N threads, and K shards merged, give the same totals bit for bit. A
/// <see cref="IPathSink"/> (the <c>--paths-out</c> rows) receives each block's figures in block order, whatever
/// thread finished it first.
/// </summary>
public sealed class SimulationEngine
{
    /// <summary>Paths per block: what a thread takes at a time, and what a sink receives at a time.</summary>
    public const int BlockSize = 4096;

    readonly IDealProgram program;
    readonly IPathSource source;
    readonly bool checkCash;

    /// <param name="program">The compiled deal.</param>
    /// <param name="source">Where the paths come from; made for <paramref name="program"/>'s deal.</param>
    /// <param name="checkCash">Have the period loop verify cash conservation every period (the CLI does).</param>
    public SimulationEngine(IDealProgram program, IPathSource source, bool checkCash = false)
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
        this.checkCash = checkCash;
    }

    /// <summary>The columns of the rows a sink receives: the deal's, then what the source's paths drew
    /// (<see cref="PathColumns.For(DealDescription, IPathSource)"/>).</summary>
    public PathColumn[] Columns => PathColumns.For(program.Description, source);

    /// <summary>Runs paths <paramref name="from"/> to <paramref name="to"/> − 1 on <paramref name="threads"/> threads.</summary>
    /// <param name="sink">Receives each block's per-path figures, in path order; null for none.</param>
    /// <param name="progress">Called now and then, from any thread, with the paths finished so far; null for none.</param>
    public SimulationTotals Run(int from, int to, int threads, IPathSink? sink = null, Action<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, source.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Shard.CheckPairs(source.MirroredPairs, from, to, source.Count);

        int blocks = (int)(((long)to - from + BlockSize - 1) / BlockSize);
        threads = Math.Max(1, Math.Min(threads, blocks));
        var run = new SharedRun(from, to, BlockSize, blocks, sink, () => new PathBlock(Columns, BlockSize), progress, cancel);
        var workers = new Worker[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Worker(this);
        }

        run.Run(workers, "deallang mc");

        // The first thread's totals take the others' in: merging is exact and order-free, so this is the run's totals bit
        // for bit, and a run holds one set per thread and no more (a fresh set to merge every thread into would double a
        // one-thread run's memory, the index fans' histograms most of it).
        SimulationTotals totals = workers[0].Totals;
        foreach (Worker worker in workers.Skip(1))
        {
            try
            {
                totals.Merge(worker.Totals);
            }
            catch (OverflowException e)
            {
                throw SumLimitException.ForSums(program.Description, e, totals.Pairs is not null); // each thread's fit; all of them together do not
            }
        }

        return totals;
    }

    /// <summary>Empty totals for a run of <paramref name="source"/>'s paths: with sums over its pairs when they are mirrored.</summary>
    internal static SimulationTotals Totals(DealDescription deal, IPathSource source)
    {
        SimulationTotals totals = SimulationTotals.For(deal);
        return source.MirroredPairs ? totals.Paired(source.Count) : totals;
    }

    /// <summary>Runs path <paramref name="path"/> alone into <paramref name="inputs"/> and
    /// <paramref name="result"/> (either mode) and reads its figures: what it is inside a run of many.</summary>
    public PathFigures RunOne(int path, PathInputs inputs, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(path, source.Count);
        var figures = new PathFigures(program.Description);
        source.Fill(path, inputs);
        program.Run(inputs, result);
        figures.Read(path, result, inputs);
        return figures;
    }

    /// <summary>One thread's buffers and totals.</summary>
    sealed class Worker : IPathWorker
    {
        readonly IDealProgram program;
        readonly IPathSource source;
        readonly PathInputs inputs;
        readonly RunResult result;
        readonly PathFigures figures;
        readonly PathDraws draws;

        public Worker(SimulationEngine engine)
        {
            program = engine.program;
            source = engine.source;
            DealDescription deal = program.Description;
            inputs = new PathInputs(deal) { CheckCashConservation = engine.checkCash };
            result = new RunResult(deal, program.Layout, fullLedger: false);
            figures = new PathFigures(deal);
            draws = PathDraws.Of(source);
            Totals = SimulationEngine.Totals(deal, source);
        }

        public SimulationTotals Totals { get; }

        public void RunPath(int path)
        {
            source.Fill(path, inputs);
            program.Run(inputs, result); // Run begins the path itself (RunResult.BeginPath)
            figures.Read(path, result, inputs);
            try
            {
                Totals.Add(figures, inputs);
            }
            catch (OverflowException e)
            {
                throw SumLimitException.For(figures, path, e, paired: Totals.Pairs is not null); // the input's scale, said in its terms
            }
        }

        public void AddRow(PathBlock rows)
        {
            draws.Read(inputs, figures.Path, result.PeriodsRun); // only for a row: a run without one reads nothing more than before
            rows.Add(figures, draws);
        }
    }
}
