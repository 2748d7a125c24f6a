using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Paths;

/// <summary>
/// The summary-only <see cref="PathRunner"/> on the compiled Hyperion deal: each path's IRR and WAL are those of
/// the scenario's outcome bit for bit, its losses the outcome's, and a path allocates nothing once the path
/// source's memo for the runner's buffers is made.
/// </summary>
public sealed class PathRunnerHyperionTests
{
    [Fact]
    public void Hyperions_paths_summarise_as_their_outcomes_and_allocate_nothing()
    {
        var compiled = DealCompiler.Compile("examples/hyperion.deal", DealFiles.Read("examples/hyperion.deal"));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var scenarios = compiled.Model!.Scenarios;
        var runner = new PathRunner(host.Program, new ScenarioPaths(new DealPaths(deal), scenarios));
        var outcomes = new ScenarioRunner(host.Program, fullLedger: false).RunAll(scenarios);
        // A path's WAL as the Monte Carlo engine reads it (PathFigures, which PathSummaries reads its IRRs through).
        var figures = new DealLang.Runner.Simulation.PathFigures(deal);

        for (int path = 0; path < scenarios.Length; path++)
        {
            runner.Run(path);
            figures.Read(runner.Result);
            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                Assert.Equal(outcomes[path].Tranches[i].Irr, runner.Summaries.LastTrancheIrr[i]);
                Assert.Equal(outcomes[path].Tranches[i].WalYears, figures.Wal[i]);
            }

            for (int e = 0; e < deal.Equities.Length; e++)
            {
                Assert.Equal(outcomes[path].Equities[e].Irr, runner.Summaries.LastEquityIrr[e]);
            }
        }

        Assert.Equal(outcomes.Max(o => o.Tranches[0].PrincipalLoss), runner.Summaries.Tranche(0).MaxLoss);

        int windows = AllocationWindows.AssertOneAllocatesNothing("30 paths", () =>
        {
            for (int i = 0; i < 30; i++)
            {
                runner.Run(i % scenarios.Length);
            }
        });

        Assert.Equal((30 * windows) + scenarios.Length, runner.Summaries.Paths);
    }
}
