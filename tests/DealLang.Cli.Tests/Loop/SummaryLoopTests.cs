using DealLang.Benchmarks.HandWritten;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Loop;

/// <summary>
/// A summary-only result (every Monte Carlo path) runs <c>RunSummary</c>; in a deal with enforcement, its loop runs the
/// performing periods and an event of default hands the state to <c>RunDefaulted</c>, which finishes the path
/// (CSharpEmitter.DefaultedRun.cs). Both must compute what <c>Run</c> with the ledger computes: for every example and
/// valid corpus deal, under each of its scenarios, with and without the cash check, every figure of the result bit
/// for bit (<see cref="LoopCheck"/>, and the run's events).
/// </summary>
public sealed class SummaryLoopTests
{
    public static TheoryData<string> Deals() => DealFiles.Runnable();

    [Theory]
    [MemberData(nameof(Deals))]
    public void The_summary_loop_computes_what_the_ledger_loop_computes(string file)
    {
        var compiled = DealCompiler.Compile(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file), new CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Compiled is not null && compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        Compare(host.Program, compiled.Model.Scenarios.IsEmpty ? [ScenarioSpec.AsWritten(host.Program.Description)] : [.. compiled.Model.Scenarios]);
    }

    /// <summary>The paths that leave RunSummary's loop: an event of default then a sale (Hyperion's Refuted; CoreWeave's
    /// FireSale, a repo-market sale over months), so RunDefaulted runs.</summary>
    [Theory]
    [InlineData("examples/hyperion.deal", "Refuted")]
    [InlineData("examples/coreweave-ddtl2.deal", "FireSale")]
    public void A_path_with_an_event_of_default_is_finished_by_RunDefaulted(string file, string scenario)
    {
        var compiled = DealCompiler.Compile(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file), new CompileOptions { UseDiskCache = false });
        Assert.True(compiled.Compiled is not null && compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        Assert.Contains("private void RunDefaulted(", compiled.Compiled.Source, StringComparison.Ordinal);
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        var results = Compare(host.Program, [compiled.Model.Scenarios.Single(s => s.Name == scenario)]);
        Assert.All(results, r => Assert.True(r.EventOfDefaultPeriod >= 0, scenario + " has an event of default"));
    }

    // Each scenario through Run with the ledger and through RunSummary, cash checked or not; the summary-only results.
    private static List<RunResult> Compare(IDealProgram program, ScenarioSpec[] scenarios)
    {
        DealDescription deal = program.Description;
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var inputs = new PathInputs(deal);
        var summaries = new List<RunResult>();
        foreach (bool checkCash in new[] { true, false })
        {
            inputs.CheckCashConservation = checkCash;
            for (int i = 0; i < source.Count; i++)
            {
                source.Fill(i, inputs);
                var full = new RunResult(deal, program.Layout, fullLedger: true);
                var summary = new RunResult(deal, program.Layout, fullLedger: false);
                program.Run(inputs, full);
                program.Run(inputs, summary);
                string name = scenarios[i].Name;
                Assert.Empty(LoopCheck.Differences(full, summary, relativeTolerance: 0.0).Select(d => name + ": " + d));
                Assert.Equal((full.PeriodsRun, full.EventOfDefaultPeriod, full.SalePeriod), (summary.PeriodsRun, summary.EventOfDefaultPeriod, summary.SalePeriod));
                Assert.Equal(BitConverter.DoubleToInt64Bits(full.SaleProceeds), BitConverter.DoubleToInt64Bits(summary.SaleProceeds));
                Assert.Equal(full.RvgPaid, summary.RvgPaid);
                Assert.Equal(full.LoanLoss, summary.LoanLoss);
                Assert.Equal(full.LoanDefaultPeriod, summary.LoanDefaultPeriod);
                summaries.Add(summary);
            }
        }

        return summaries;
    }
}
