using DealLang.Benchmarks.HandWritten;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Loop;

/// <summary>
/// The hand-written Hyperion loop that bench/ measures the generated loop against (issue 8, target 1) must compute
/// what the generated program computes: under each of Hyperion's scenarios (Base runs the whole schedule; Refuted
/// traps cash, defaults and ends with the enforcement sale), every figure it writes, bit for bit. Its source is
/// linked from bench/DealLang.Benchmarks/HandWritten, so the benchmark times exactly the code tested here.
/// </summary>
public sealed class HandWrittenLoopTests
{
    [Theory]
    [InlineData("Base")]
    [InlineData("SlowProductivity")]
    [InlineData("Refuted")]
    public void The_hand_written_loop_reproduces_the_generated_program_bit_for_bit(string scenario)
    {
        using var paths = new HyperionPaths(scenario);
        Assert.Empty(LoopCheck.Differences(paths.Generated, paths.HandWritten, relativeTolerance: 0.0));
        // The paths the benchmark reports: Base never defaults; Refuted defaults and sells.
        Assert.Equal(scenario != "Base", paths.Generated.EventOfDefaultPeriod >= 0 && paths.Generated.SalePeriod >= 0);
    }

    /// <summary>The check is not vacuous: one figure a cent off, or a flag flipped, is reported.</summary>
    [Fact]
    public void A_figure_that_differs_is_reported()
    {
        using var paths = new HyperionPaths("Refuted");
        paths.HandWritten.PrincipalPaid[0][12] += 0.01;
        paths.HandWritten.TriggerActive[0][20] = !paths.HandWritten.TriggerActive[0][20];
        var differences = LoopCheck.Differences(paths.Generated, paths.HandWritten, relativeTolerance: 1e-15);
        Assert.Equal(2, differences.Count);
        Assert.Contains("principal paid[12]", differences[0], StringComparison.Ordinal);
        Assert.Contains("trigger 0[20]", differences[1], StringComparison.Ordinal);
    }

    /// <summary>Hyperion compiled and loaded, one scenario's path run by both loops, each into its own result.</summary>
    private sealed class HyperionPaths : IDisposable
    {
        private readonly DealHost host;

        public HyperionPaths(string scenario)
        {
            var compiled = DealCompiler.Compile("hyperion.deal", DealFiles.Read("examples/hyperion.deal"), new Compiler.Emit.CompileOptions { UseDiskCache = false });
            Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
            host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
            IDealProgram program = host.Program;
            DealDescription deal = program.Description;
            var inputs = new PathInputs(deal);
            new ScenarioPaths(new DealPaths(deal), [compiled.Model!.Scenarios.Single(s => s.Name == scenario)]).Fill(0, inputs);
            Generated = new RunResult(deal, program.Layout, fullLedger: false);
            HandWritten = new RunResult(deal, program.Layout, fullLedger: false);
            program.Run(inputs, Generated);
            new HyperionLoop(deal).Run(inputs, HandWritten);
        }

        public RunResult Generated { get; }

        public RunResult HandWritten { get; }

        public void Dispose() => host.Dispose();
    }
}
