using DealLang.Benchmarks.HandWritten;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Loop;

/// <summary>
/// The generated <c>Run</c> clears no buffer (<see cref="RunResult.BeginPath"/>): it writes every figure of the
/// periods it runs and sets the run's events itself. So a path run over a result an earlier path filled — with a
/// default, a sale, an RVG and a shorter run — must read exactly as the same path over a fresh result, ledger rows
/// included, up to <see cref="RunResult.PeriodsRun"/>.
/// </summary>
public sealed class ReusedResultTests
{
    [Theory]
    [InlineData("Refuted", "Base")]
    [InlineData("Base", "Refuted")]
    [InlineData("SlowProductivity", "Refuted")]
    public void A_path_over_a_used_result_reads_as_over_a_fresh_one(string first, string second)
    {
        var compiled = DealCompiler.Compile("hyperion.deal", DealFiles.Read("examples/hyperion.deal"), new Compiler.Emit.CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        IDealProgram program = host.Program;
        DealDescription deal = program.Description;
        var source = new ScenarioPaths(new DealPaths(deal), [.. new[] { first, second }.Select(n => compiled.Model!.Scenarios.Single(s => s.Name == n))]);
        var inputs = new PathInputs(deal);

        var used = new RunResult(deal, program.Layout, fullLedger: true);
        source.Fill(0, inputs);
        program.Run(inputs, used);
        source.Fill(1, inputs);
        program.Run(inputs, used);
        var fresh = new RunResult(deal, program.Layout, fullLedger: true);
        program.Run(inputs, fresh);

        Assert.Empty(LoopCheck.Differences(fresh, used, relativeTolerance: 0.0));
        Assert.Equal(fresh.RvgPaid, used.RvgPaid);
        for (int t = 0; t < fresh.PeriodsRun; t++)
        {
            for (int c = 0; c < program.Layout.Columns.Length; c++)
            {
                Assert.Equal(fresh.Ledger![t, c], used.Ledger![t, c]);
            }
        }
    }
}
