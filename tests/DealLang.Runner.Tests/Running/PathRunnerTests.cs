using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Running;

public sealed class PathRunnerTests
{
    [Fact]
    public void EachPathsMeasuresAreThoseOfItsScenarioOutcomeBitForBit()
    {
        var program = new FourPeriodProgram();
        DealDescription deal = program.Description;
        ScenarioSpec[] scenarios = [ScenarioSpec.AsWritten(deal), FourPeriodProgram.TenantDefaults(deal)];
        var runner = new PathRunner(program, new ScenarioPaths(new DealPaths(deal), scenarios));
        var outcomes = new ScenarioRunner(program, fullLedger: false).RunAll(scenarios);
        // A path's WAL as the Monte Carlo engine reads it (PathFigures, which PathSummaries reads its IRRs through).
        var figures = new DealLang.Runner.Simulation.PathFigures(deal);

        for (int path = 0; path < scenarios.Length; path++)
        {
            runner.Run(path);
            figures.Read(runner.Result);
            ScenarioOutcome outcome = outcomes[path];
            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                Assert.Equal(outcome.Tranches[i].Irr, runner.Summaries.LastTrancheIrr[i]);
                Assert.Equal(outcome.Tranches[i].WalYears, figures.Wal[i]);
            }

            Assert.Equal(outcome.Equities[0].Irr, runner.Summaries.LastEquityIrr[0]);
        }

        // As written the notes are a 5% par bond (its IRR checked above on path 0: the outcome's 5%); under the default
        // the sponsor gets nothing back: −100%, a path with an IRR like any other, in the mean and the percentiles.
        Assert.Equal(0.05, outcomes[0].Tranches[0].Irr, 1e-12);
        PathSummaries s = runner.Summaries;
        Assert.Equal(2, s.Paths);
        Assert.Equal(2, s.EquityIrr(0).Paths);
        Assert.Equal(0, s.EquityIrr(0).Undefined);
        Assert.Equal(-1.0, s.EquityIrr(0).Min);
        Assert.Equal(outcomes[1].Tranches[1].PrincipalLoss, s.Tranche(1).MaxLoss);
    }

    [Fact]
    public void RunningAPathAllocatesNothing()
    {
        var program = new FourPeriodProgram();
        DealDescription deal = program.Description;
        var runner = new PathRunner(program, new ScenarioPaths(new DealPaths(deal), [ScenarioSpec.AsWritten(deal), FourPeriodProgram.TenantDefaults(deal)]));

        // The first fills make the path source's memo for these buffers (once per set of buffers). Only path 1 is
        // measured: this hand-written program builds its as-written flows in arrays (a compiled deal allocates on
        // no path: Cli.Tests' PathRunnerHyperionTests).
        runner.Run(0, 2);
        int windows = AllocationWindows.AssertOneAllocatesNothing("100 paths", () =>
        {
            for (int i = 0; i < 100; i++)
            {
                runner.Run(1);
            }
        });

        Assert.Equal(2 + (100 * windows), runner.Summaries.Paths);
        Assert.Null(runner.Result.Ledger);
    }

    [Fact]
    public void EquityIrrsAreLeftOutWhenAsked()
    {
        var program = new FourPeriodProgram();
        DealDescription deal = program.Description;
        var runner = new PathRunner(program, new ScenarioPaths(new DealPaths(deal), [ScenarioSpec.AsWritten(deal)]), equityIrr: false);
        runner.Run(0);
        Assert.Equal(0, runner.Summaries.EquityIrr(0).Paths + runner.Summaries.EquityIrr(0).Undefined);
        Assert.True(double.IsNaN(runner.Summaries.LastEquityIrr[0]));
        Assert.Equal(0.05, runner.Summaries.LastTrancheIrr[0], 1e-12);
    }

    [Fact]
    public void ARangeOfPathsMustLieInTheSource()
    {
        var program = new FourPeriodProgram();
        var runner = new PathRunner(program, new ScenarioPaths(new DealPaths(program.Description), [ScenarioSpec.AsWritten(program.Description)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(-1, 1));
    }

    [Fact]
    public void MeasureStatisticsByHandAndMergedInAnyOrder()
    {
        var all = new MeasureStatistics();
        foreach (double v in new[] { 0.05, double.NaN, -0.25, 0.125 })
        {
            all.Add(v);
        }

        Assert.Equal(3, all.Paths);
        Assert.Equal(1, all.Undefined);
        Assert.Equal(-0.25, all.Min);
        Assert.Equal(0.125, all.Max);
        Assert.Equal((0.05 - 0.25 + 0.125) / 3, all.Mean, 1e-9);

        // Shards in the other order give the same sums, bit for bit.
        var a = new MeasureStatistics();
        var b = new MeasureStatistics();
        a.Add(0.125);
        a.Add(-0.25);
        b.Add(double.NaN);
        b.Add(0.05);
        b.Merge(a);
        Assert.True(all.SameAs(b));
        Assert.True(double.IsNaN(new MeasureStatistics().Min));
        Assert.Throws<OverflowException>(() => new MeasureStatistics().Add(double.PositiveInfinity));
    }
}
