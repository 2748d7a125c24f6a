using DealLang.Cli.Commands;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// examples/hyperion.deal compiled once with the stochastic scenario of StochasticHyperion.scenarios (beside this
/// file): Base's renewals, the campus's value deflation drawn per path, and Meta's default drawn from a 2% annual PD
/// with a −50% loading on that factor. Runs <c>deallang mc</c>'s <see cref="McCommand.Simulate"/> with captured output.
/// </summary>
public sealed class StochasticHyperion : IDisposable
{
    /// <summary>The scenario file, from the repository's root.</summary>
    public const string ScenarioFile = "tests/DealLang.Cli.Tests/MonteCarlo/StochasticHyperion.scenarios";

    private readonly DealHost host;

    public StochasticHyperion()
    {
        var compilation = DealFile.Compile(Path.Combine(RepoPaths.Root, "examples/hyperion.deal"), [Path.Combine(RepoPaths.Root, ScenarioFile)]);
        var result = DealCompiler.Compile(compilation);
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        Scenario = result.Model!.Scenarios.Single(s => s.Name == "Stochastic");
    }

    public IDealProgram Program => host.Program;

    public ScenarioSpec Scenario { get; }

    public StochasticPaths Source(ulong seed, int paths) => new(Program.Description, Scenario, seed, paths);

    public SimulationFrame Frame(StochasticPaths source) => SimulationFrame.Of(
        Program.Description, "hyperion-test", Scenario.Name, source.Seed, source.Count,
        source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));

    internal static McCommand.McRequest Request(
        int threads = 2, string? shard = null, string? outFile = null, ReportFormat format = ReportFormat.Table,
        string? pathsOut = null, int? replay = null, bool ledger = false) =>
        new("examples/hyperion.deal", [], "Stochastic", null, null, threads, shard, outFile, format, pathsOut, replay, ledger);

    /// <summary>Runs <see cref="McCommand.Simulate"/> on <paramref name="paths"/> paths of seed <paramref name="seed"/>.</summary>
    internal CliOutcome Simulate(McCommand.McRequest request, ulong seed = 42, int paths = 6000, bool terminal = false, string? noColor = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        StochasticPaths source = Source(seed, paths);
        int exit = McCommand.Simulate(request, Program, source, Frame(source),
            new CliConsole(output, error) { ErrorIsTerminal = terminal, Environment = name => name == "NO_COLOR" ? noColor : null });
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => host.Dispose();
}
