using DealLang.Runner.Running;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Running;

/// <summary>Streaming summaries of many paths: hand-checked statistics, shards that merge to exactly one run's
/// numbers whatever the order, and no allocation per path.</summary>
public sealed class PathSummariesTests
{
    [Fact]
    public void LossStatisticsOfFourPathsByHand()
    {
        var s = new LossStatistics();
        foreach (double loss in new[] { 0.0, 1.5, 2.25, 0.001 })
        {
            s.Add(loss);
        }

        // In 1/1024ths: 0, 1536, 2304 and 1 (0.001 × 1024 = 1.024, rounded). Sum 3841, squares 1536² + 2304² + 1 =
        // 7,667,713. Only 1.5 and 2.25 reach half a cent.
        Assert.Equal(4, s.Paths);
        Assert.Equal(2, s.PathsWithLoss);
        Assert.Equal(0.5, s.LossProbability);
        Assert.Equal(2.25, s.MaxLoss);
        Assert.Equal(3841 / 1024.0, s.SumLoss);
        Assert.Equal(3841 / 4.0 / 1024.0, s.MeanLoss);

        // n·Σx² − (Σx)² = 4 × 7,667,713 − 3841² = 30,670,852 − 14,753,281 = 15,917,571;
        // sd = √(15,917,571 / (4 × 3)) / 1024 = √1,326,464.25 / 1024 ≈ 1.12473.
        Assert.Equal(Math.Sqrt(15_917_571 / 12.0) / 1024, s.StandardDeviation);
        Assert.Equal(1.12473, s.StandardDeviation, 1e-5);

        Assert.True(double.IsNaN(new LossStatistics().MeanLoss));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Add(-1));
        // A loss that is not finite is an overflow of the path's amounts, which the engine reports as the input's scale.
        Assert.Throws<OverflowException>(() => s.Add(double.NaN));
        Assert.Throws<OverflowException>(() => s.Add(double.PositiveInfinity));
    }

    [Fact]
    public void LossesEitherSideOfTheLongRangeSumAsInt128s()
    {
        // Add takes a loss below 2^63 units in one test and sums it through a long; from 2^63 units on, the 128-bit
        // path. Either side of that line, by hand: 2^53 − 1 currency units are 2^63 − 1024 units (a long), 2^53 are
        // 2^63 (not a long). Sum 2^64 − 1024; squares (2^63 − 1024)² + 2^126 = 2^126 − 2^74 + 2^20 + 2^126 =
        // 2^127 − 2^74 + 2^20, under Int128's 2^127 − 1. −0.0 counts as a path of 0 units and leaves the largest at +0.
        const double twoTo53 = 9007199254740992.0;
        var s = new LossStatistics();
        s.Add(-0.0);
        Assert.True(s.SameAs(LossStatistics.FromParts(0, 0, 1, 0, 0.0)));
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(s.MaxLoss)); // +0.0, not −0.0

        s = new LossStatistics();
        s.Add(twoTo53 - 1);
        s.Add(twoTo53);
        Int128 twoTo63 = Int128.One << 63;
        Int128 sum = (twoTo63 - 1024) + twoTo63;
        Int128 squares = (Int128.One << 127) - (Int128.One << 74) + (Int128.One << 20);
        Assert.Equal((Int128.One << 64) - 1024, sum);
        Assert.True(s.SameAs(LossStatistics.FromParts(sum, squares, 2, 2, twoTo53)));

        // Past the squares' range the 128-bit path still refuses it: 2^64 units squared is 2^128.
        Assert.Throws<OverflowException>(() => new LossStatistics().Add(twoTo53 * 2));
    }

    [Fact]
    public void StandardDeviationOfAMillionLargeLossesDoesNotOverflow()
    {
        // A million paths each losing 100bn and 100bn + 1: Σx² fits in Int128 but n·Σx² (about 10^40) does not, which
        // threw OverflowException from the report (an internal error) for a run whose sums were all exact.
        const long paths = 1_000_000;
        Int128 low = 100_000_000_000L * 1024L;
        Int128 high = low + 1024;
        Int128 sum = (low + high) * (paths / 2);
        Int128 squares = ((low * low) + (high * high)) * (paths / 2);
        var s = LossStatistics.FromParts(sum, squares, paths, paths, 100_000_000_001);

        Assert.Equal(0.5, s.StandardDeviation, 1e-6); // half the paths 1 away from the mean either side
    }

    [Fact]
    public void ShardsMergedInAnyOrderEqualOneRunBitForBit()
    {
        // Losses over 13 orders of magnitude, where a sum of doubles would depend on the order of the paths.
        var random = new Random(7);
        double[] losses = [.. Enumerable.Range(0, 3000).Select(_ => random.NextDouble() < 0.3 ? 0.0 : Math.Pow(10, random.NextDouble() * 13 - 3))];

        var single = new LossStatistics();
        foreach (double loss in losses)
        {
            single.Add(loss);
        }

        var shards = new LossStatistics[3];
        for (int i = losses.Length - 1; i >= 0; i--)
        {
            shards[i % 3].Add(losses[i]);
        }

        var merged = new LossStatistics();
        merged.Merge(shards[2]);
        merged.Merge(shards[0]);
        merged.Merge(shards[1]);
        Assert.True(single.SameAs(merged));
        Assert.Equal(single.MeanLoss, merged.MeanLoss);
        Assert.Equal(single.StandardDeviation, merged.StandardDeviation);

        // Where a double sum depends on the order: (1e16 + 1) + 1 = 1e16 (the ulp there is 2), 1 + 1 + 1e16 = 1e16 + 2.
        Assert.NotEqual((1e16 + 1) + 1, (1.0 + 1) + 1e16);
        var big = new LossStatistics();
        var small = new LossStatistics();
        big.Add(1e16);
        small.Add(1);
        small.Add(1);
        var bigFirst = big;
        bigFirst.Merge(small);
        small.Merge(big);
        Assert.True(bigFirst.SameAs(small));
        Assert.Equal(1e16 + 2, small.SumLoss);
    }

    [Fact]
    public void PathSummariesCountLossesDefaultsAndSalesAndMerge()
    {
        var program = new FourPeriodProgram();
        DealDescription deal = program.Description;
        var result = new RunResult(deal, program.Layout, fullLedger: false);
        var asWritten = Run(program, result, ScenarioSpec.AsWritten(deal));
        var all = new PathSummaries(deal);
        var shard = new PathSummaries(deal);

        // Three paths: as written (no loss), and twice the tenant's default (Notes lose 20m, Junior 50m; event of
        // default and sale; FourPeriodProgram's comment has the arithmetic).
        all.Add(asWritten);
        all.Add(Run(program, result, FourPeriodProgram.TenantDefaults(deal)));
        shard.Add(Run(program, result, FourPeriodProgram.TenantDefaults(deal)));
        all.Merge(shard);

        Assert.Equal(3, all.Paths);
        Assert.Equal(2, all.PathsWithDefault);
        Assert.Equal(2, all.PathsWithSale);
        Assert.Equal(2, all.Tranche(0).PathsWithLoss);
        Assert.Equal(40e6 / 3, all.Tranche(0).MeanLoss, 1e-6);
        Assert.Equal(50e6, all.Tranche(1).MaxLoss);
        Assert.Equal(100e6, all.Tranche(1).SumLoss);
    }

    [Fact]
    public void AddingAPathDoesNotAllocate()
    {
        var program = new FourPeriodProgram();
        var result = Run(program, new RunResult(program.Description, program.Layout, fullLedger: false),
            FourPeriodProgram.TenantDefaults(program.Description));
        var summaries = new PathSummaries(program.Description);
        var other = new PathSummaries(program.Description);
        summaries.Add(result);
        summaries.Merge(other);

        int windows = AllocationWindows.AssertOneAllocatesNothing("100 adds and a merge", () =>
        {
            for (int i = 0; i < 100; i++)
            {
                summaries.Add(result);
            }

            summaries.Merge(other);
        });

        Assert.Equal(1 + (100 * windows), summaries.Paths);
    }

    static RunResult Run(FourPeriodProgram program, RunResult result, ScenarioSpec scenario)
    {
        var inputs = new PathInputs(program.Description);
        Runner.Paths.PathBuilder.Build(program.Description, scenario, inputs);
        result.Reset();
        program.Run(inputs, result);
        return result;
    }
}
