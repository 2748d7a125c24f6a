using BenchmarkDotNet.Attributes;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Benchmarks;

/// <summary>
/// One Hyperion path under a deterministic scenario, at two levels:
/// <list type="bullet">
/// <item><c>Runner*</c>: <see cref="ScenarioRunner.Run"/>, what <c>deallang run</c> pays per scenario: build the
/// path inputs, run the period loop, copy the ledger (full-ledger mode) and build the tranche/equity summaries
/// and events. Cash checking is off, as in a production run.</item>
/// <item><c>Raw*</c>: <see cref="RunResult.Reset"/> + <see cref="IDealProgram.Run"/> over inputs built once by
/// <see cref="PathBuilder.Build"/>: the inner step of a Monte Carlo loop, which must not allocate.</item>
/// <item><c>BuildInputs</c>: <see cref="PathBuilder.Build"/> alone, the scenario-to-arrays step both of the
/// above sit on (the runner calls it every run; a Monte Carlo loop calls it once per drawn path).</item>
/// </list>
/// Base runs the whole horizon with no default; Refuted defaults and stops at the enforcement sale, so it
/// simulates fewer periods (see hyperion.deal and bench/README.md).
/// </summary>
[MemoryDiagnoser]
public class PathBenchmarks
{
    DealHost host = null!;
    IDealProgram program = null!;
    ScenarioSpec scenario = null!;
    ScenarioRunner fullRunner = null!;
    ScenarioRunner summaryRunner = null!;
    PathInputs inputs = null!;
    RunResult fullResult = null!;
    RunResult summaryResult = null!;

    [Params("Base", "Refuted")]
    public string Scenario { get; set; } = "Base";

    [GlobalSetup]
    public void Setup()
    {
        string path = RepoFiles.HyperionPath;
        var compiled = DealCompiler.Compile(path, File.ReadAllText(path));
        if (!compiled.Succeeded || compiled.Compiled is null)
        {
            throw new InvalidOperationException($"{path} does not compile: {string.Join("; ", compiled.Diagnostics)}");
        }

        host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        program = host.Program;
        DealDescription deal = program.Description;
        scenario = FindScenario(compiled.Model!.Scenarios, Scenario);

        fullRunner = new ScenarioRunner(program, fullLedger: true, checkCash: false);
        summaryRunner = new ScenarioRunner(program, fullLedger: false, checkCash: false);

        inputs = new PathInputs(deal) { CheckCashConservation = false };
        PathBuilder.Build(deal, scenario, inputs);
        fullResult = new RunResult(deal, program.Layout, fullLedger: true);
        summaryResult = new RunResult(deal, program.Layout, fullLedger: false);
    }

    [GlobalCleanup]
    public void Cleanup() => host.Dispose();

    [Benchmark]
    public PathInputs BuildInputs()
    {
        PathBuilder.Build(program.Description, scenario, inputs);
        return inputs;
    }

    [Benchmark]
    public ScenarioOutcome RunnerFullLedger() => fullRunner.Run(scenario);

    [Benchmark]
    public ScenarioOutcome RunnerSummaryOnly() => summaryRunner.Run(scenario);

    [Benchmark]
    public int RawFullLedger()
    {
        fullResult.Reset();
        program.Run(inputs, fullResult);
        return fullResult.PeriodsRun;
    }

    /// <summary>The Monte Carlo inner step: expected to allocate 0 B.</summary>
    [Benchmark]
    public int RawSummaryOnly()
    {
        summaryResult.Reset();
        program.Run(inputs, summaryResult);
        return summaryResult.PeriodsRun;
    }

    static ScenarioSpec FindScenario(IEnumerable<ScenarioSpec> scenarios, string name)
    {
        foreach (ScenarioSpec spec in scenarios)
        {
            if (string.Equals(spec.Name, name, StringComparison.Ordinal))
            {
                return spec;
            }
        }

        throw new InvalidOperationException($"hyperion.deal declares no scenario '{name}'.");
    }
}
