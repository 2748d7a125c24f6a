using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// Runs a stochastic scenario's N paths with one lever at a given value, as a Monte Carlo solver asks (docs/language.md
/// §12, "Solvers"): the lever is applied to the scenario's deterministic part (<see cref="Lever.Apply"/>) and a
/// <see cref="StochasticPaths"/> made for it with the same seed and path count, so path i draws the same factors,
/// default times and recoveries at every lever value (its stream depends only on the seed and i: common random
/// numbers); an input lever then scales the filled path (<see cref="Lever.Scale"/>). The compiled deal is run as it
/// is. A chain runs whole on each path, as <c>mc</c> runs it (<see cref="ChainPaths"/>: the top's draws laid over every
/// entity, the lever's deal's rows scaled), and the figures are the top's, or a held deal's when asked for. Each
/// path's figures go to a caller's reader with the path's index, which writes them into its own per-path arrays, so
/// the means the caller then takes in path order do not depend on the threads.
/// </summary>
public sealed class MonteCarloLeverRunner
{
    /// <summary>Paths a thread takes at a time.</summary>
    const int BlockSize = 64;

    readonly Worker[] workers;

    /// <summary>Throws <see cref="SolveUsageException"/> when the scenario's draws would overwrite the lever (a drawn
    /// index, deflation or recovery under a lever on the same thing), or the scenario does not fit the deal.</summary>
    public MonteCarloLeverRunner(IDealProgram program, ScenarioSpec scenario, Lever lever, ulong seed, int paths, int threads)
        : this([(program ?? throw new ArgumentNullException(nameof(program)), [])], scenario, lever, seed, paths, threads)
    {
    }

    /// <summary>A chain's programs in run order, the top deal last, each with its declared scenarios (as
    /// <see cref="ChainRunner"/> takes them); one program is a deal alone. The figures read are the top's, or those of
    /// entity <paramref name="figuresOf"/> (its index in run order: a held deal's tranche priced under the top's draws).</summary>
    public MonteCarloLeverRunner(
        IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> programs, ScenarioSpec scenario, Lever lever, ulong seed, int paths, int threads,
        int? figuresOf = null)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentOutOfRangeException.ThrowIfZero(programs.Count);
        IDealProgram program = programs[^1].Program;
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(lever);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (lever.Entity is { } entity && (entity < 0 || entity >= programs.Count - 1))
        {
            throw new ArgumentException($"Lever '{lever.Text}' moves entity {entity}'s input, and the chain holds {programs.Count - 1} deal(s).", nameof(lever));
        }

        int figures = figuresOf ?? programs.Count - 1;
        ArgumentOutOfRangeException.ThrowIfNegative(figures, nameof(figuresOf));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(figures, programs.Count, nameof(figuresOf));
        StochasticSpec spec = scenario.Stochastic ?? throw new ArgumentException($"Scenario '{scenario.Name}' is not stochastic.", nameof(scenario));
        Top = program.Description;
        Deal = programs[figures].Program.Description;
        Scenario = scenario;
        Lever = lever;
        Seed = seed;
        Paths = paths;
        MirroredPairs = spec.Antithetic;
        if (lever.Entity is null) // the top's draws of a facility's value are its own facilities', never a held deal's
        {
            CheckNotDrawn(Top, scenario.Name, spec, lever);
        }

        try
        {
            _ = new StochasticPaths(Top, lever.Entity is null ? lever.Apply(scenario, lever.Start) : scenario, seed, paths);
        }
        catch (ArgumentException e)
        {
            throw new SolveUsageException($"scenario {scenario.Name} cannot be run on deal {Top.Name}: {e.Message}");
        }

        workers = new Worker[Math.Min(threads, (paths + BlockSize - 1) / BlockSize)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = new Worker(programs.Count == 1 ? program : null, programs.Count == 1 ? null : new ChainRunner(programs, fullLedger: false, checkCash: true), lever, figures);
        }
    }

    /// <summary>The deal whose figures each path's reader receives: the top, or the entity asked for.</summary>
    public DealDescription Deal { get; }

    /// <summary>The deal whose stochastic scenario draws the paths: the chain's top (or the deal alone).</summary>
    public DealDescription Top { get; }

    public ScenarioSpec Scenario { get; }

    public Lever Lever { get; }

    public ulong Seed { get; }

    public int Paths { get; }

    /// <summary>Whether path 2k + 1 mirrors path 2k (<c>antithetic</c>): an estimate's standard error is then over the pairs
    /// (<see cref="MonteCarloProblem.MeanAndError(ReadOnlySpan{double}, bool)"/>).</summary>
    public bool MirroredPairs { get; }

    /// <summary>Evaluations so far, each a run of all <see cref="Paths"/> paths.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Runs every path with the lever at <paramref name="value"/>; <paramref name="read"/> receives each
    /// finished path (its index, result, inputs and figures), from any thread, each index once.</summary>
    public void Run(double value, Action<int, RunResult, PathInputs, PathFigures> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Evaluations++;
        ScenarioSpec levered = Lever.Entity is null ? Lever.Apply(Scenario, value) : Scenario; // a held deal's: per worker
        var source = new StochasticPaths(Top, levered, Seed, Paths);
        foreach (Worker worker in workers)
        {
            worker.Evaluate(source, levered, value, read);
        }

        int blocks = (Paths + BlockSize - 1) / BlockSize;
        new SharedRun(0, Paths, BlockSize, blocks, sink: null, newBlock: null, progress: null, CancellationToken.None).Run(workers, "deallang solve");
    }

    /// <summary>A lever on something the scenario draws per path would be overwritten by the draw on every path.</summary>
    static void CheckNotDrawn(DealDescription deal, string scenario, StochasticSpec spec, Lever lever)
    {
        string? DrawnFacility(int facility) =>
            spec.Factors.FirstOrDefault(f => f.Target == FactorTarget.FacilityDeflation && f.Entity == facility)?.Name;
        string? drawn = lever switch
        {
            MarketRentDeflateLever or MarketRentGrowLever => spec.Factors.FirstOrDefault(f => f.Target == FactorTarget.MarketRentDeflation)?.Name,
            FacilityDeflateLever l => DrawnFacility(l.Facility),
            FacilityGrowLever l => DrawnFacility(l.Facility),
            IndexLever l => spec.Factors.FirstOrDefault(f => f.Target == FactorTarget.Index && f.Entity == l.Index)?.Name,
            PartyRecoveryLever l => spec.Defaults.Any(d => d.Party == l.Party && d.Recovery is not null) || spec.Recoveries.Any(r => r.Party == l.Party)
                ? "its drawn recovery" : null,
            _ => null,
        };
        if (drawn is not null)
        {
            throw new SolveUsageException(
                $"'{lever.Text}' is drawn on every path of scenario {scenario} (by {drawn}), so the draw would overwrite the lever; " +
                $"move something the scenario does not draw, or solve under a deterministic scenario of deal {deal.Name}");
        }
    }

    /// <summary>One thread's buffers, made once and reused by every evaluation: a deal's own (<paramref name="program"/>),
    /// or a chain's runner's (<paramref name="chain"/>), whose entity <paramref name="figuresOf"/>'s figures are read.</summary>
    sealed class Worker : IPathWorker
    {
        readonly IDealProgram? program;
        readonly ChainRunner? chain;
        readonly Lever lever;
        readonly PathInputs inputs;
        readonly RunResult result;
        readonly PathFigures figures;
        StochasticPaths? source;
        ChainPaths? chainPaths;
        double value;
        Action<int, RunResult, PathInputs, PathFigures>? read;

        public Worker(IDealProgram? program, ChainRunner? chain, Lever lever, int figuresOf)
        {
            this.program = program;
            this.chain = chain;
            this.lever = lever;
            DealDescription deal;
            if (chain is not null)
            {
                deal = chain.DealOf(figuresOf);
                (result, inputs) = chain.Buffers(figuresOf);
            }
            else
            {
                deal = program!.Description;
                inputs = new PathInputs(deal) { CheckCashConservation = true };
                result = new RunResult(deal, program.Layout, fullLedger: false);
            }

            figures = new PathFigures(deal);
        }

        /// <summary>The evaluation the next run is of: its paths (of <paramref name="scenario"/>, the lever applied), the
        /// lever's value and where each path goes.</summary>
        public void Evaluate(StochasticPaths paths, ScenarioSpec scenario, double leverValue, Action<int, RunResult, PathInputs, PathFigures> reader)
        {
            source = paths;
            chainPaths = chain is null ? null
                : new ChainPaths(chain, paths, scenario, lever.Entity is null ? null : lever.Prepare(chain, scenario, leverValue));
            value = leverValue;
            read = reader;
        }

        public void RunPath(int path)
        {
            if (chainPaths is not null)
            {
                chainPaths.Fill(path);
                lever.Scale(chain!.Buffers(lever.Entity ?? chain.Count - 1).Inputs, value); // the entities' loops run after
                chain!.RunFilled();
            }
            else
            {
                source!.Fill(path, inputs);
                lever.Scale(inputs, value);
                program!.Run(inputs, result); // Run begins the path itself (RunResult.BeginPath)
            }

            figures.Read(path, result, inputs);
            read!(path, result, inputs, figures);
        }

        public void AddRow(PathBlock rows) => throw new InvalidOperationException("A solver's run has no per-path rows.");
    }
}
