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
    public void RanksInOneBucketAreReadSpreadEvenlyAcrossIt()
    {
        // At 7 bits the octave [64, 128) is cut into 128 buckets of 0.5: 100.1 … 100.4 all fall in [100, 100.5), whose
        // values span [lo, hi] = [100.1, 100.4]. With 50 (rank 1) below and 200 (rank 6) above, the bucket holds ranks 2
        // to 5 (c = 4, one value before it), read at lo + (j − 1)/(c − 1) × (hi − lo):
        //   rank 3 is its j = 2nd value: 100.1 + 1/3 × 0.3 = 100.2;  rank 4, j = 3: 100.1 + 2/3 × 0.3 = 100.3.
        // The middle of [lo, hi] read both as 100.25 until 2026-12-05, and their distance, a quantile's standard error, as 0.
        var h = new LogHistogram(7);
        foreach (double v in (double[])[50, 100.1, 100.2, 100.3, 100.4, 200])
        {
            h.Add(v);
        }

        Assert.Equal(100.2, h.ValueAtRank(3), 12);
        Assert.Equal(100.3, h.ValueAtRank(4), 12);
        Assert.Equal(100.1, h.ValueAtRank(2)); // the bucket's first and last values exactly
        Assert.Equal(100.4, h.ValueAtRank(5));
        Assert.Equal(50, h.ValueAtRank(1));
        Assert.Equal(200, h.ValueAtRank(6));

        // A negative bucket runs from its most negative value up: −100.4 … −100.1 in (−100.5, −100], ranks 1 to 4 of 4.
        var negative = new LogHistogram(7);
        foreach (double v in (double[])[-100.4, -100.3, -100.2, -100.1])
        {
            negative.Add(v);
        }

        // Rank 2, j = 2: −100.4 + 1/3 × 0.3 = −100.3 (ranks 1 and 4 are the exact extremes).
        Assert.Equal(-100.3, negative.ValueAtRank(2), 12);
        Assert.Equal(-100.4, negative.ValueAtRank(1), 12);
    }

    [Fact]
    public void WhereTheDensityIsFlatAcrossABucketItsReadingErrorIsAFractionOfItsHalfSpan()
    {
        // 150 values 99.5 + (k + 0.5)/100, k = 0 … 149: 50 in each of the buckets [99.5, 100), [100, 100.5), [100.5, 101)
        // (0.5 wide at 7 bits in [64, 128)). The middle one's values span [lo, hi] = [100.005, 100.495], 0.49. Rank 75 is
        // its j = 25th of c = 50, u = 24/49, read at 100.005 + 24/49 × 0.49 = 100.245, the 75th value exactly.
        // Its reading error: the neighbours' densities are 50 / 0.5 = 100 each, so the slope between them (1 apart) is 0,
        // with a Poisson deviation √(50 / 0.25 + 50 / 0.25) / 1 = 20; over the bucket's own density 100 and times the span,
        // γ = 0.49 × 20 / 100 = 0.098. The density linear and changing by ±γ across the span shifts the place of u to
        // t = 2u / (b + √(b² + 2γu)), b = 1 − γ/2: for +γ, b = 0.951, t = 0.979592 / (0.951 + √1.000401) = 0.502046, 0.012250
        // from u; for −γ, b = 1.049, t = 0.979592 / (1.049 + √1.004401) = 0.477571, 0.012225 from u. E = 0.49 × 0.012250 =
        // 0.0060, a fortieth of the half-span R = 0.245 the ± was floored at before.
        var h = new LogHistogram(7);
        for (int k = 0; k < 150; k++)
        {
            h.Add(99.5 + ((k + 0.5) / 100));
        }

        Assert.Equal(100.245, h.ValueAtRank(75), 10);
        const double Gamma = 0.49 * 20 / 100;
        double u = 24 / 49.0;
        Assert.Equal(0.502046, LogHistogram.LinearDensityPlace(Gamma, u), 6);
        Assert.Equal(0.477571, LogHistogram.LinearDensityPlace(-Gamma, u), 6);
        Assert.Equal(0.49 * (LogHistogram.LinearDensityPlace(Gamma, u) - u), h.ReadingErrorAtRank(75), 10);
        Assert.InRange(h.ReadingErrorAtRank(75), 0.0059, 0.0061);

        // Its first and last values are read exactly: no reading error. At γ = 0 the place is u, at γ = 2 it is √u.
        Assert.Equal(0, h.ReadingErrorAtRank(51));
        Assert.Equal(0, h.ReadingErrorAtRank(100));
        Assert.Equal(0.3, LogHistogram.LinearDensityPlace(0, 0.3), 15);
        Assert.Equal(Math.Sqrt(0.3), LogHistogram.LinearDensityPlace(2, 0.3), 15);
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
        // The zero bucket holds ranks 1 … 3, read inside its [lo, hi] = [−1e-9, 1e-9]: its first and last exactly, the
        // middle one at 0.
        Assert.Equal(-1e-9, h.ValueAtRank(1));
        Assert.Equal(0.0, h.ValueAtRank(2));
        Assert.Equal(1e-9, h.ValueAtRank(3));
        Assert.Equal(2e20, h.ValueAtRank(5));

        // Rank 4 sits in the clamped bucket, whose midpoint (2^56 × 1.0039) is below the smallest value there; it is
        // read inside the values the bucket received, its first exactly.
        Assert.Equal(1e20, h.ValueAtRank(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Add(double.NaN));
        Assert.True(double.IsNaN(new LogHistogram(7).Quantile(500_000)));
    }

    static LogHistogram Of(int bits, params (double Value, int Count)[] values)
    {
        var h = new LogHistogram(bits);
        foreach (var (value, count) in values)
        {
            for (int i = 0; i < count; i++)
            {
                h.Add(value);
            }
        }

        return h;
    }

    [Fact]
    public void APercentileAtAnAtomOfZeroIsExactlyZero()
    {
        // 70 of 100 losses exactly 0, 30 spread from 10 to 300: p5 … p70 (ranks 5 … 70) fall on the atom and read 0, the
        // atom's last value (rank 70) too; rank 71 is the first value of 10's bucket, exactly 10.
        var h = Of(7, [(0.0, 70), .. Enumerable.Range(1, 30).Select(k => (10.0 * k, 1))]);
        Assert.Equal(0.0, h.Quantile(500_000));
        Assert.Equal(0.0, h.Quantile(700_000));
        Assert.Equal(0.0, h.ReadingErrorAtRank(50));
        Assert.Equal(10.0, h.ValueAtRank(71));
    }

    [Fact]
    public void AnAtomInsideTheRangeIsReadExactlyNotAtItsBucketsMidpoint()
    {
        // Equity IRRs: 30 paths wiped out at exactly −100%, 50 exactly at the coupon 8%, 20 spread from 20% to 39%. 8% lies
        // in the bucket [0.0625 + 35 × 2⁻¹¹, 0.0625 + 36 × 2⁻¹¹) = [0.07958984375, 0.080078125) of the octave [1/16, 1/8)
        // at 7 bits, whose midpoint 0.079833984375 p50 (rank 50) printed: 0.21% off a figure every analyst knows is 8%.
        // Now every rank of the atom reads 0.08 exactly, and −100% (ranks 1 … 30) −1 exactly.
        var h = Of(7, [(-1.0, 30), (0.08, 50), .. Enumerable.Range(0, 20).Select(k => (0.20 + (0.01 * k), 1))]);
        Assert.Equal(-1.0, h.Quantile(50_000));
        Assert.Equal(-1.0, h.Quantile(250_000));
        Assert.Equal(-1.0, h.Quantile(300_000));
        Assert.Equal(0.08, h.Quantile(310_000));
        Assert.Equal(0.08, h.Quantile(500_000));
        Assert.Equal(0.08, h.Quantile(750_000));
        Assert.Equal(0.0, h.ReadingErrorAtRank(50));

        // The same atoms as a loss: 60 paths losing 0, 30 losing 40m (a partial loss, exactly), 10 losing all 100m.
        // 40,000,000 lies in a bucket of 2²⁵⁻⁷ = 262,144 of the octave [2²⁵, 2²⁶), whose midpoint p75 printed.
        var losses = Of(7, (0.0, 60), (40e6, 30), (100e6, 10));
        Assert.Equal(0.0, losses.Quantile(500_000));
        Assert.Equal(40e6, losses.Quantile(750_000));
        Assert.Equal(40e6, losses.Quantile(900_000));
        Assert.Equal(100e6, losses.Quantile(950_000));

        // ES's tail means read each bucket's values at the middle of its [lo, hi], an atom's at its value: the 10 largest
        // are all 100m, the 20 largest (10 × 100m + 10 × 40m) / 20 = 70m, exactly.
        Assert.Equal(100e6, losses.Tail(10).Mean);
        Assert.Equal(70e6, losses.Tail(20).Mean);
    }

    [Fact]
    public void ATailMeansReadingErrorIsTheWorstCaseOfReadingItsBucketsAtTheirMiddles()
    {
        // One bit an octave: [8, 12), [12, 16), [16, 24) are buckets. 8, 9, 11 (span 3, middle 9.5); 12, 13, 15 (span 3,
        // middle 13.5); 20 alone, the largest, read exactly.
        var h = Of(1, (8, 1), (9, 1), (11, 1), (12, 1), (13, 1), (15, 1), (20, 1));

        // k = 1: the largest alone, exactly. k = 4: 20 and all of [12, 16), whose 12 and 15 are read at 13.5 (−1.5 and
        // +1.5: they cancel) and 13, which may be anywhere in [12, 15], within 1.5: (3 − 2) × 3 / 2 / 4 = 0.375. The mean
        // read, (20 + 3 × 13.5) / 4 = 15.125, is within it of the true (20 + 12 + 13 + 15) / 4 = 15.
        Assert.Equal(0.0, h.TailReadingError(1));
        Assert.Equal(0.375, h.TailReadingError(4), 12);
        Assert.Equal(15.125, h.Tail(4).Mean, 12);
        Assert.InRange(15.125 - 15, -0.375, 0.375);

        // k = 6: two of [8, 12)'s three as well, its top two, read as their ranks are (places 2 and 3 of 3 across [8, 11]:
        // 8 + 1/2 × 3 = 9.5 and 11, sum 20.5; at the middle until 2026-12-07, 9.5 each, below the VaR of their lowest
        // rank). Truly 11 (its hi) and a value in [8, 11]: the sum lies in [19, 22], within 1.5 of 20.5: (1.5 + 1.5) / 6
        // = 0.5. The mean read, (20 + 3 × 13.5 + 20.5) / 6 = 13.5, is within it of the true 80 / 6 = 13.333.
        // k = 7: all of it, lo and hi cancelling again: (1.5 + 1.5) / 7.
        Assert.Equal(0.5, h.TailReadingError(6), 12);
        Assert.Equal(13.5, h.Tail(6).Mean, 12);
        Assert.InRange(13.5 - (80.0 / 6), -0.5, 0.5);
        Assert.Equal(3.0 / 7, h.TailReadingError(7), 12);

        // The largest value's bucket: 17, 18 and 20 in [16, 24), 20 read exactly, 17 and 18 at 18.5. The two others
        // include its lo, 17, but not its hi (the largest, already exact): both may lie anywhere in [17, 20] (17 among
        // them), so 2 × 3 / 2 = 3: E = 3 / 3 = 1 (the true 55 / 3 is read as (20 + 2 × 18.5) / 3 = 19, 2 / 3 above).
        var top = Of(1, (17, 1), (18, 1), (20, 1));
        Assert.Equal(1.0, top.TailReadingError(3), 12);

        // An atom reads exactly: 10 losses of 100m, E = 0.
        Assert.Equal(0.0, Of(7, (100e6, 10)).TailReadingError(10));
    }

    [Fact]
    public void AQuantileBetweenAtomsInOneBucketIsReadInsideTheirRange()
    {
        // Two atoms closer than the bucket: 30 values at 0.0796 and 70 at 0.08, both in [0.07958984375, 0.080078125).
        // The bucket's first and last ranks are exact (rank 1: 0.0796, rank 100: 0.08); between, the values read as spread
        // evenly across [lo, hi]: rank 50, j = 50 of c = 100, at 0.0796 + 49/99 × 0.0004 = 0.07979798, 0.0004 × 50/99 off its
        // value 0.08. Its neighbouring buckets are empty, so the density across it is not told: the value may lie anywhere
        // in [lo, hi], and its reading error is (hi − lo) × max(u, 1 − u) = 0.0004 × 50/99 (u = 49/99), what it is off.
        var h = Of(7, (0.0796, 30), (0.08, 70));
        Assert.Equal(0.0796, h.ValueAtRank(1));
        Assert.Equal(0.08, h.ValueAtRank(100));
        Assert.Equal(0.0796 + (49 / 99.0 * (0.08 - 0.0796)), h.Quantile(500_000), 15);
        Assert.Equal((0.08 - 0.0796) * 50 / 99, h.ReadingErrorAtRank(50), 15);
        Assert.True(Math.Abs(0.08 - h.Quantile(500_000)) <= h.ReadingErrorAtRank(50) * (1 + 1e-12));
    }

    [Fact]
    public void MergedInAnyOrderTheBucketsExtremesAreTheSameBits()
    {
        // −0 and +0 share the zero bucket: Math.Min and Math.Max order −0 below +0, so whichever part comes first the merged
        // bucket's lo is −0 and its hi +0 (a comparison with < would keep whichever came first).
        LogHistogram[] parts = [Of(7, (0.0, 2), (5.0, 1)), Of(7, (-0.0, 1), (5.25, 1)), Of(7, (5.1, 1))];
        LogHistogram? first = null;
        foreach (int[] order in (int[][])[[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]])
        {
            var merged = new LogHistogram(7);
            foreach (int i in order)
            {
                merged.Merge(parts[i]);
            }

            first ??= merged;
            Assert.True(first.SameAs(merged));
            Assert.Equal(6, merged.Count);
            Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(merged.ValueAtRank(1)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(merged.ValueAtRank(3)));
        }

        Assert.True(Of(7, (-0.0, 1), (0.0, 2), (5.0, 1), (5.1, 1), (5.25, 1)).SameAs(first!));
        Assert.Equal(5.1, first!.Quantile(750_000)); // rank 5: 5, 5.1 and 5.25 each alone in a bucket of 2²⁻⁷ = 0.03125
    }

    [Fact]
    public void WithoutExtremesARankIsReadAtItsBucketsMidpointClampedAsBefore()
    {
        // At 6 bits the octave [64, 128) is cut into 64 buckets of 1: 100.1, 100.2 and 100.3 fall in [100, 101), midpoint
        // 100.5. With 50 (rank 1) below and 200 (rank 5) above, ranks 1 and 5 are exact (Min and Max) and ranks 2 to 4 read
        // the midpoint, 100.5, as the sketch did before it kept extremes (with them: 100.1, 100.2, 100.3).
        LogHistogram h = LogHistogram.WithoutExtremes(6);
        foreach (double v in (double[])[50, 100.1, 100.2, 100.3, 200])
        {
            h.Add(v);
        }

        Assert.False(h.KeepsExtremes);
        Assert.Equal(50, h.ValueAtRank(1));
        Assert.Equal(100.5, h.ValueAtRank(2));
        Assert.Equal(100.5, h.ValueAtRank(3));
        Assert.Equal(100.5, h.ValueAtRank(4));
        Assert.Equal(200, h.ValueAtRank(5));

        // The midpoint is clamped into [Min, Max]: three values of 100.1 read 100.1 at every rank, the middle one too.
        LogHistogram atom = LogHistogram.WithoutExtremes(6);
        for (int i = 0; i < 3; i++)
        {
            atom.Add(100.1);
        }

        Assert.Equal(100.1, atom.ValueAtRank(2));

        // Only a ± reads a bucket's extremes, and a fan prints none: asked for them, it says it has none.
        Assert.Throws<InvalidOperationException>(() => h.ReadingErrorAtRank(3));
        Assert.Throws<InvalidOperationException>(() => LogHistogram.WithoutExtremes(6).ReadingErrorAtRank(1)); // empty too
        Assert.Throws<ArgumentException>(() => h.Merge(new LogHistogram(6)));
        Assert.Throws<ArgumentException>(() => new LogHistogram(6).Merge(h));
    }

    [Fact]
    public void WithoutExtremesHistogramsOfAnySplitMergeIntoTheWholeInAnyOrder()
    {
        var random = new Random(5);
        double[] values = [.. Enumerable.Range(0, 3000).Select(_ => random.NextDouble() < 0.1 ? 0.0 : (random.NextDouble() - 0.2) * 1e3), -0.0];
        LogHistogram whole = LogHistogram.WithoutExtremes(6);
        LogHistogram[] parts = [LogHistogram.WithoutExtremes(6), LogHistogram.WithoutExtremes(6), LogHistogram.WithoutExtremes(6)];
        for (int i = 0; i < values.Length; i++)
        {
            whole.Add(values[i]);
            parts[(i * 7919) % 3].Add(values[i]);
        }

        foreach (int[] order in (int[][])[[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]])
        {
            LogHistogram merged = LogHistogram.WithoutExtremes(6);
            foreach (int i in order)
            {
                merged.Merge(parts[i]);
            }

            Assert.True(whole.SameAs(merged));
            foreach (int q in (int[])[10_000, 50_000, 250_000, 500_000, 950_000, 990_000])
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(whole.Quantile(q)), BitConverter.DoubleToInt64Bits(merged.Quantile(q)));
            }
        }

        Assert.False(whole.SameAs(new LogHistogram(6)));
    }

    [Fact]
    public void AFansHistogramsTakeAFifthOfTheMemoryOfOnesWithExtremes()
    {
        // A deal of 10 indices over 120 periods has 1,200 fan histograms per thread. At 6 bits each has
        // 2 × (56 + 26) × 64 + 1 = 10,497 buckets: at most 42 KB of int counts (50 MB in all, were every bucket reached),
        // where two doubles of extremes per bucket would add 168 KB each (250 MB in all). A fan makes a bucket's row of
        // counts when a level first falls in it (LevelFan), so an empty one holds its 10,497 row references (84 KB) and
        // its periods' extremes: 0.9 MB for the ten. 60 MB allows for the arrays' headers and the totals' other parts.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var totals = new SimulationTotals(tranches: 1, equities: 1, parties: 1, indices: 10, periods: 120);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, 10 * 10_497 * 8, 60_000_000);
        Assert.All(totals.IndexLevels, fan => Assert.False(fan[0].KeepsExtremes)); // one table of counts a fan (LevelFan)
        Assert.True(totals.Tranches[0].LossHistogram.KeepsExtremes);
        Assert.True(totals.EquityIrrHistogram[0].KeepsExtremes);
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
