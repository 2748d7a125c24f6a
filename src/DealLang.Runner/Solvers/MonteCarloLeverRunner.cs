using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// Runs a stochastic scenario's N paths with one lever at a given value, as a Monte Carlo solver asks (docs/language.md
/// §12, "Solvers"): the lever is applied to the scenario's deterministic part (<see cref="Lever.Apply"/>) and a
/// <see cref="StochasticPaths"/> made for it with the same seed and path count, so path i draws the same factors,
/// default times and recoveries at every lever value (its stream depends only on the seed and i: common random
/// numbers); an input lever then scales the filled path (<see cref="Lever.Scale"/>). The compiled deal is run as it
/// is. Each path's figures go to a caller's reader with the path's index, which writes them into its own per-path
/// arrays, so the means the caller then takes in path order do not depend on the threads.
/// </summary>
public sealed class MonteCarloLeverRunner
{
    /// <summary>Paths a thread takes at a time.</summary>
    const int BlockSize = 64;

    readonly IDealProgram program;
    readonly Worker[] workers;

    /// <summary>Throws <see cref="SolveUsageException"/> when the scenario's draws would overwrite the lever (a drawn
    /// index, deflation or recovery under a lever on the same thing), or the scenario does not fit the deal.</summary>
    public MonteCarloLeverRunner(IDealProgram program, ScenarioSpec scenario, Lever lever, ulong seed, int paths, int threads)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(lever);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        StochasticSpec spec = scenario.Stochastic ?? throw new ArgumentException($"Scenario '{scenario.Name}' is not stochastic.", nameof(scenario));
        this.program = program;
        Deal = program.Description;
        Scenario = scenario;
        Lever = lever;
        Seed = seed;
        Paths = paths;
        CheckNotDrawn(Deal, scenario.Name, spec, lever);
        try
        {
            _ = new StochasticPaths(Deal, lever.Apply(scenario, lever.Start), seed, paths);
        }
        catch (ArgumentException e)
        {
            throw new SolveUsageException($"scenario {scenario.Name} cannot be run on deal {Deal.Name}: {e.Message}");
        }

        workers = new Worker[Math.Min(threads, (paths + BlockSize - 1) / BlockSize)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = new Worker(program, lever);
        }
    }

    public DealDescription Deal { get; }

    public ScenarioSpec Scenario { get; }

    public Lever Lever { get; }

    public ulong Seed { get; }

    public int Paths { get; }

    /// <summary>Evaluations so far, each a run of all <see cref="Paths"/> paths.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Runs every path with the lever at <paramref name="value"/>; <paramref name="read"/> receives each
    /// finished path (its index, result, inputs and figures), from any thread, each index once.</summary>
    public void Run(double value, Action<int, RunResult, PathInputs, PathFigures> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Evaluations++;
        var source = new StochasticPaths(Deal, Lever.Apply(Scenario, value), Seed, Paths);
        foreach (Worker worker in workers)
        {
            worker.Evaluate(source, value, read);
        }

        int blocks = (Paths + BlockSize - 1) / BlockSize;
        new SharedRun(0, Paths, BlockSize, blocks, sink: null, newBlock: null, progress: null, CancellationToken.None).Run(workers, "deallang solve");
    }

    /// <summary>A lever on something the scenario draws per path would be overwritten by the draw on every path.</summary>
    static void CheckNotDrawn(DealDescription deal, string scenario, StochasticSpec spec, Lever lever)
    {
        string? drawn = lever switch
        {
            MarketRentDeflateLever => spec.Factors.FirstOrDefault(f => f.Target == FactorTarget.MarketRentDeflation)?.Name,
            FacilityDeflateLever l => spec.Factors.FirstOrDefault(f => f.Target == FactorTarget.FacilityDeflation && f.Entity == l.Facility)?.Name,
            IndexLever l => spec.Factors.FirstOrDefault(f => f.Target == FactorTarget.Index && f.Entity == l.Index)?.Name,
            PartyRecoveryLever l => spec.Defaults.Any(d => d.Party == l.Party && d.Recovery is not null) ? "its drawn recovery" : null,
            _ => null,
        };
        if (drawn is not null)
        {
            throw new SolveUsageException(
                $"'{lever.Text}' is drawn on every path of scenario {scenario} (by {drawn}), so the draw would overwrite the lever; " +
                $"move something the scenario does not draw, or solve under a deterministic scenario of deal {deal.Name}");
        }
    }

    /// <summary>One thread's buffers, made once and reused by every evaluation.</summary>
    sealed class Worker(IDealProgram program, Lever lever) : IPathWorker
    {
        readonly PathInputs inputs = new(program.Description) { CheckCashConservation = true };
        readonly RunResult result = new(program.Description, program.Layout, fullLedger: false);
        readonly PathFigures figures = new(program.Description);
        StochasticPaths? source;
        double value;
        Action<int, RunResult, PathInputs, PathFigures>? read;

        /// <summary>The evaluation the next run is of: its paths, the lever's value and where each path goes.</summary>
        public void Evaluate(StochasticPaths paths, double leverValue, Action<int, RunResult, PathInputs, PathFigures> reader)
        {
            source = paths;
            value = leverValue;
            read = reader;
        }

        public void RunPath(int path)
        {
            source!.Fill(path, inputs);
            lever.Scale(inputs, value);
            program.Run(inputs, result); // Run begins the path itself (RunResult.BeginPath)
            figures.Read(path, result, inputs);
            read!(path, result, inputs, figures);
        }

        public void AddRow(PathBlock rows) => throw new InvalidOperationException("A solver's run has no per-path rows.");
    }
}
