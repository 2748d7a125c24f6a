using DealLang.Runner.Simulation;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>A VaR's or percentile's ± is never finer than the estimate's resolution (docs/language.md, "A quantile's ± is
/// never finer than its resolution"): the count below it deviates by at least one path, and the ± is at least half the
/// span of the values in its histogram bucket.</summary>
public sealed class QuantileResolutionTests
{
    // An antithetic run's histograms of a figure: every value, each pair's smaller and each pair's larger.
    static (LogHistogram All, LogHistogram Low, LogHistogram High) Pairs(IEnumerable<(double A, double B)> pairs)
    {
        var (all, low, high) = (new LogHistogram(7), new LogHistogram(7), new LogHistogram(7));
        foreach (var (a, b) in pairs)
        {
            all.Add(a);
            all.Add(b);
            low.Add(Math.Min(a, b));
            high.Add(Math.Max(a, b));
        }

        return (all, low, high);
    }

    [Fact]
    public void TheMedianOfASymmetricMonotoneFigureEveryPairStraddlesIsNotExactlyKnown()
    {
        // 20 pairs (k, 41 − k), k = 1 … 20: a figure symmetric and monotone in the draw, each pair one value at or below
        // 20 and one above. The median, rank ⌈0.5 × 40⌉ = 20, is 20; every pair has S = 1 value at or below it, so
        // ΣS = 20, ΣS² = 20, ΣSb = 40, Σb² = 80, F = 0.5 and Σ(S − F b)² = 20 − 40 + 20 = 0: σ_C = 0, r± = 20, and the ±
        // printed (L(20) − L(20))/2 = 0. Now σ is at least 1: r± = ⌈20 ± 1⌉ = 21 and 19, each value alone in its bucket
        // and so exact, SE = (21 − 19)/2 = 1; R = 0 (20 alone in its bucket): ± = max(1, 0) = 1.
        var (all, low, high) = Pairs(Enumerable.Range(1, 20).Select(k => ((double)k, 41.0 - k)));
        Assert.Equal(0, CreditMetrics.PairedCountDeviation(all, low, high, 20));
        Estimate median = CreditMetrics.Quantile(all, 500_000, low, high);
        Assert.Equal(20, median.Value);
        Assert.Equal(1, median.StdError);
    }

    [Fact]
    public void AMedianInsideABucketOfManyValuesHasAtLeastHalfItsSpan()
    {
        // 64 pairs 10 ± k/1024, k = 1 … 64 (n = 128). At 7 bits the octave [8, 16) has buckets of 1/16 = 64/1024:
        // [9.9375, 10) holds all 64 smaller halves (10 − 64/1024 = 9.9375 … 10 − 1/1024), [10, 10.0625) the larger ones
        // but 10 + 64/1024. The median, rank 64, is 10 − 1/1024, the bucket's last value, exactly. σ_C = 0 (every pair
        // straddles it), so r± = ⌈64 ± 1⌉ = 65 and 63: rank 65 is 10 + 1/1024 (its bucket's first, exact), rank 63 the
        // 63rd of the lower bucket's 64, lo + 62/63 × (hi − lo) = 9.9375 + 62/1024 = 10 − 2/1024; SE = (3/1024)/2 =
        // 3/2048. R = (hi − lo)/2 = (63/1024)/2 = 63/2048 = 0.03076171875, the larger: ± = 63/2048.
        var (all, low, high) = Pairs(Enumerable.Range(1, 64).Select(k => (10 - (k / 1024.0), 10 + (k / 1024.0))));
        Estimate paired = CreditMetrics.Quantile(all, 500_000, low, high);
        Assert.Equal(10 - (1 / 1024.0), paired.Value);
        Assert.Equal(63 / 2048.0, paired.StdError);
        Assert.Equal(63 / 2048.0, all.ResolutionAtRank(64));

        // Independent paths have the same hole: σ = √(128 × 0.25) = 5.657, r± = ⌈64 ± 5.657⌉ = 70 and 59, 10 + 6/1024 and
        // 10 − 6/1024 (the 59th of the lower bucket: 9.9375 + 58/1024), SE = 6/1024 = 0.00586, below R: ± = 63/2048.
        Assert.Equal(63 / 2048.0, CreditMetrics.Quantile(all, 500_000).StdError);
    }

    [Fact]
    public void AQuantileWellInsideAnAtomHasNoSpreadToFloor()
    {
        // 70 of 100 losses exactly 0: p50's ranks ⌈50 ± √(100 × 0.25)⌉ = 55 and 45 and its own all read 0, and its bucket's
        // span is 0: the ± is 0, as over seeds (the 50th of 100 losses of which about 70 are 0 is 0 on every seed).
        var h = new LogHistogram(7);
        for (int i = 0; i < 100; i++)
        {
            h.Add(i < 70 ? 0 : i);
        }

        Assert.Equal(new Estimate(0, 0), CreditMetrics.Quantile(h, 500_000));
    }
}
