using DealLang.Runner.Simulation;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>The sketch's error bound, exact merging, and its edges (zero bucket, clamping, negatives).</summary>
public sealed class LogHistogramTests
{
    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void EveryQuantileIsWithinTheRelativeBoundOfTheExactValueOfItsRank(int bits)
    {
        // Magnitudes log-uniform over 10^-6 … 10^12, both signs, and some exact zeros: the bound 2^-(bits+1) holds
        // for every rank (the same rank of the sorted values, ⌈q·n⌉).
        var random = new Random(12345);
        double[] values = [.. Enumerable.Range(0, 20_000).Select(_ =>
            random.NextDouble() < 0.05 ? 0.0 : (random.NextDouble() < 0.3 ? -1 : 1) * Math.Pow(10, -6 + (18 * random.NextDouble())))];
        var h = new LogHistogram(bits);
        foreach (double v in values)
        {
            h.Add(v);
        }

        double[] sorted = [.. values.Order()];
        double bound = Math.ScaleB(1.0, -(bits + 1));
        Assert.Equal(bound, h.RelativeError);
        for (int q = 1_000; q < 1_000_000; q += 7_919)
        {
            long rank = LogHistogram.RankOf(q, values.Length);
            double exact = sorted[rank - 1];
            Assert.InRange(h.Quantile(q), exact - (bound * Math.Abs(exact)), exact + (bound * Math.Abs(exact)));
        }

        Assert.Equal(sorted[0], h.ValueAtRank(1));
        Assert.Equal(sorted[^1], h.ValueAtRank(values.Length));
    }

    [Fact]
    public void RanksInOneBucketAreSpreadEvenlyAcrossItForTheirDistance()
    {
        // At 7 bits the octave [64, 128) is cut into 128 buckets of 0.5: 100.1 … 100.4 all fall in [100, 100.5).
        // With 50 (rank 1) below and 200 (rank 6) above, the bucket holds ranks 2 to 5 (c = 4, one value before it):
        //   rank 3 is its j = 2nd value: 100 + (2 − ½)/4 × 0.5 = 100.1875;  rank 4, j = 3: 100 + (3 − ½)/4 × 0.5 = 100.3125.
        // The midpoint reads both as 100.25, so their distance, a quantile's standard error, would read 0.
        var h = new LogHistogram(7);
        foreach (double v in (double[])[50, 100.1, 100.2, 100.3, 100.4, 200])
        {
            h.Add(v);
        }

        Assert.Equal(100.25, h.ValueAtRank(3));
        Assert.Equal(100.25, h.ValueAtRank(4));
        Assert.Equal(100.1875, h.InterpolatedValueAtRank(3), 12);
        Assert.Equal(100.3125, h.InterpolatedValueAtRank(4), 12);
        Assert.Equal(50, h.InterpolatedValueAtRank(1));
        Assert.Equal(200, h.InterpolatedValueAtRank(6));

        // A negative bucket runs from its most negative value up: −100.4 … −100.1 in (−100.5, −100], ranks 1 to 4 of 4.
        var negative = new LogHistogram(7);
        foreach (double v in (double[])[-100.4, -100.3, -100.2, -100.1])
        {
            negative.Add(v);
        }

        // Rank 2, j = 2: −100.5 + (2 − ½)/4 × 0.5 = −100.3125 (ranks 1 and 4 clamp to the exact extremes).
        Assert.Equal(-100.3125, negative.InterpolatedValueAtRank(2), 12);
        Assert.Equal(-100.4, negative.InterpolatedValueAtRank(1), 12);
    }

    [Fact]
    public void TheTailMeanIsWithinTheBoundOfTheExactTailMean()
    {
        var random = new Random(7);
        double[] losses = [.. Enumerable.Range(0, 10_000).Select(_ => random.NextDouble() < 0.9 ? 0 : 1e6 * random.NextDouble())];
        var h = new LogHistogram(7);
        foreach (double v in losses)
        {
            h.Add(v);
        }

        foreach (long k in new long[] { 1, 10, 100, 500, 1000, 5000 })
        {
            double exact = losses.OrderDescending().Take((int)k).Average();
            Assert.InRange(h.Tail(k).Mean, exact * (1 - h.RelativeError), exact * (1 + h.RelativeError));
        }
    }

    [Fact]
    public void HistogramsOfAnySplitMergeIntoTheWholeExactly()
    {
        var random = new Random(99);
        double[] values = [.. Enumerable.Range(0, 5000).Select(_ => (random.NextDouble() - 0.3) * 1e4)];
        var whole = new LogHistogram(7);
        var parts = new[] { new LogHistogram(7), new LogHistogram(7), new LogHistogram(7) };
        for (int i = 0; i < values.Length; i++)
        {
            whole.Add(values[i]);
            parts[(i * 7919) % 3].Add(values[i]);
        }

        var merged = new LogHistogram(7);
        merged.Merge(parts[2]);
        merged.Merge(parts[0]);
        merged.Merge(parts[1]);
        Assert.True(whole.SameAs(merged));
        Assert.Equal(whole.Quantile(500_000), merged.Quantile(500_000));
        Assert.Throws<ArgumentException>(() => merged.Merge(new LogHistogram(6)));
    }

    [Fact]
    public void TinyValuesShareTheZeroBucketAndHugeOnesAreClamped()
    {
        var h = new LogHistogram(7);
        h.Add(-1e-9); // below 2^-26 in magnitude: the zero bucket
        h.Add(1e-9);
        h.Add(0);
        h.Add(1e20); // beyond 2^56: the last bucket, reported clamped into [min, max]
        h.Add(2e20);
        Assert.Equal(-1e-9, h.ValueAtRank(1));
        Assert.Equal(0.0, h.ValueAtRank(2));
        Assert.Equal(0.0, h.ValueAtRank(3));
        Assert.Equal(2e20, h.ValueAtRank(5));

        // Rank 4 sits in the clamped bucket, whose midpoint (2^56 × 1.0039) is below the smallest value there;
        // a value is never reported outside the values added.
        Assert.InRange(h.ValueAtRank(4), -1e-9, 2e20);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Add(double.NaN));
        Assert.True(double.IsNaN(new LogHistogram(7).Quantile(500_000)));
    }

    [Fact]
    public void RanksAreComputedInIntegers()
    {
        // ⌈0.95 × 100⌉ = 95 (0.95 × 100 in doubles is 95.00000000000001, whose ceiling would be 96).
        Assert.Equal(95, LogHistogram.RankOf(950_000, 100));
        Assert.Equal(100, LogHistogram.RankOf(999_000, 100));
        Assert.Equal(1, LogHistogram.RankOf(50_000, 10));
        Assert.Equal(1, LogHistogram.RankOf(0, 10));
    }
}
