using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// examples/coreweave-ddtl2.deal's <c>Stochastic</c> scenario, path by path as <c>deallang mc</c> runs them (summary-only,
/// the cash check on): no GPU is delivered after an event of default (docs/language.md §5 "fleet"), so on every path the
/// units sold plus the units held at the end never exceed the units delivered by the event of default (all 165,000
/// without one), nor do the units kept running; and both are whole GPUs (a repo-market period sells a whole number).
/// </summary>
public sealed class CoreWeaveFleetInvariantTests
{
    [Fact]
    public void NoPathSellsOrHoldsMoreGpusThanWereDeliveredByTheEventOfDefault()
    {
        string file = Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal");
        CompileResult compiled = DealCompiler.Compile(file, File.ReadAllText(file));
        Assert.NotNull(compiled.Compiled);
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        ScenarioSpec stochastic = compiled.Model!.Scenarios.Single(s => s.Name == "Stochastic");
        var source = new StochasticPaths(deal, stochastic, StochasticPaths.DefaultSeed(stochastic), StochasticPaths.DefaultPaths(stochastic));
        var inputs = new PathInputs(deal) { CheckCashConservation = true };
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        FleetInfo gpus = deal.Fleets.Single();

        // Path 21012 (the mc report's): Microsoft defaults on 2024-07-21, so the event of default is at the end of
        // period 0 (2024-08-31), before any draw; only the first batch, 41,250 GPUs (2024-06-30), was delivered by then.
        // Lab1 (signed, AiLab not in default) keeps all 41,250 running to its end (2027-03-31); then 24,000 and 17,250
        // are sold: 41,250 sold, none left. Before the fix the later batches arrived at the share kept
        // (41,250 -> 58,500 -> 63,750 units) and 133,000 GPUs were sold. Paths 22976, 36248 and 48095 are the same story.
        int[] named = [21012, 22976, 36248, 48095];
        int earlyDefaults = 0;
        foreach (int path in named.Concat(Enumerable.Range(0, 4000)))
        {
            source.Fill(path, inputs);
            host.Program.Run(inputs, result);
            int eod = result.EventOfDefaultPeriod;
            double delivered = gpus.Batches.Where(b => eod < 0 || b.Delivered <= deal.Boundaries[eod + 1]).Sum(b => b.Units);
            earlyDefaults += delivered < 165_000 ? 1 : 0;
            double sold = result.FleetUnitsSold[0], held = result.FleetUnits[0], kept = result.FleetUnitsKept[0];
            Assert.True(sold + held <= delivered + 1e-6, $"path {path}: {sold} sold + {held} held > {delivered} delivered");
            Assert.True(kept <= delivered + 1e-6, $"path {path}: {kept} kept running > {delivered} delivered");
            Assert.True(Math.Floor(sold) == sold && Math.Floor(held) == held, $"path {path}: {sold:R} sold, {held:R} held, not whole GPUs");
            if (path == 21012)
            {
                Assert.Equal(0, eod);
                Assert.Equal(41_250.0, sold);
                Assert.Equal(0.0, held);
            }
        }

        Assert.True(earlyDefaults >= named.Length, $"{earlyDefaults} paths default before the last delivery");
    }
}
