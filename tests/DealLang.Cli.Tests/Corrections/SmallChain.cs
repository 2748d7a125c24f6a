using DealLang.Compiler;
using DealLang.Compiler.Model;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>A chain written in a test: a top deal and the deal files it imports, compiled through the real pipeline
/// (each entity to its own program) and run in dependency order under each of the top's scenarios with full ledgers
/// and the cash check on in every entity. Keeps each entity's buffers of the last scenario run, for the chain's
/// cash check (what one paid, the other received).</summary>
public sealed class SmallChain : IDisposable
{
    private readonly List<DealHost> _hosts = [];

    public SmallChain(string top, params (string Path, string Text)[] imported)
    {
        var files = new InMemorySourceFiles();
        foreach (var (path, text) in imported)
        {
            files.Add(path, text);
        }

        var compilation = Compilation.Create(SourceDocument.FromText("top.deal", top), files);
        var result = DealCompiler.Compile(compilation);
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        var entities = DealCompiler.CompileEntities(compilation);
        var models = compilation.Entities.Append(result.Model!).ToList();
        foreach (var compiled in entities.Select(e => e.Compiled!).Append(result.Compiled))
        {
            _hosts.Add(DealHost.Load(compiled.Image, compiled.TypeName));
        }

        _models = models;
        Runner = new ChainRunner([.. _hosts.Select((h, i) => (h.Program, (IReadOnlyList<ScenarioSpec>)[.. models[i].Scenarios]))], fullLedger: true, checkCash: true);
        Scenarios = [.. result.Model!.Scenarios];
        Outcomes = Runner.RunAll(Scenarios);
    }

    private readonly List<DealModel> _models;

    /// <summary>The chain run again without ledgers (as a summary-only run or a Monte Carlo path runs), its runner's
    /// buffers then that run's.</summary>
    public (ChainRunner Runner, IReadOnlyList<ChainOutcome> Outcomes) RunSummaryOnly()
    {
        var runner = new ChainRunner([.. _hosts.Select((h, i) => (h.Program, (IReadOnlyList<ScenarioSpec>)[.. _models[i].Scenarios]))], fullLedger: false, checkCash: true);
        return (runner, runner.RunAll(Scenarios));
    }

    /// <summary>A Monte Carlo run of the top deal's stochastic scenario <paramref name="scenario"/> over the chain, at its
    /// own seed and paths (as <c>deallang mc</c> runs it).</summary>
    public DealLang.Runner.Simulation.ChainSimulation Simulation(string scenario)
    {
        ScenarioSpec spec = Scenarios.Single(s => s.Name == scenario);
        var top = _hosts[^1].Program.Description;
        var source = new DealLang.Runner.MonteCarlo.StochasticPaths(top, spec,
            DealLang.Runner.MonteCarlo.StochasticPaths.DefaultSeed(spec), DealLang.Runner.MonteCarlo.StochasticPaths.DefaultPaths(spec));
        return new DealLang.Runner.Simulation.ChainSimulation(
            [.. _hosts.Select((h, i) => (h.Program, (IReadOnlyList<ScenarioSpec>)[.. _models[i].Scenarios]))], source, spec, checkCash: true);
    }

    /// <summary>The top deal's scenarios, as the runner was given them.</summary>
    public IReadOnlyList<ScenarioSpec> Scenarios { get; }

    public ChainRunner Runner { get; }

    public IReadOnlyList<ChainOutcome> Outcomes { get; }

    /// <summary>Entity <paramref name="name"/>'s outcome under scenario <paramref name="scenario"/>.</summary>
    public ScenarioOutcome Of(string name, string scenario) =>
        Outcomes.Single(o => o.Scenario == scenario).Entities.Single(e => e.Deal.Name == name).Outcome;

    /// <summary>The value in ledger column <paramref name="column"/> of entity <paramref name="name"/> in period <paramref name="t"/>.</summary>
    public double Ledger(string name, string scenario, string column, int t)
    {
        var entity = Outcomes.Single(o => o.Scenario == scenario).Entities.Single(e => e.Deal.Name == name);
        int k = Array.FindIndex(entity.Layout.Columns, c => c.Name == column);
        if (k < 0)
        {
            throw new ArgumentException($"no column '{column}' in {name}'s ledger: " + string.Join(", ", entity.Layout.Columns.Select(c => c.Name)));
        }

        return entity.Outcome.Ledger![t, k];
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }
}
