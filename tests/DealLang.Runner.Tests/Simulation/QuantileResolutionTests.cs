using DealLang.Runner.Simulation;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>A VaR's or percentile's ± (docs/language.md, "A quantile's ±"): the count below it deviates by at least one
/// path, and the error of reading its rank inside its histogram bucket joins the SE.</summary>
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
        // and so exact, SE = (21 − 19)/2 = 1; no reading error (20 alone in its bucket): ± = √(1² + 0²) = 1.
        var (all, low, high) = Pairs(Enumerable.Range(1, 20).Select(k => ((double)k, 41.0 - k)));
        Assert.Equal(0, CreditMetrics.PairedCountDeviation(all, low, high, 20));
        Estimate median = CreditMetrics.Quantile(all, 500_000, low, high);
        Assert.Equal(20, median.Value);
        Assert.Equal(1, median.StdError);
    }

    [Fact]
    public void AMedianAtItsBucketsLastValueIsReadExactlyAndOneInsideABucketAtTheEdgeOfTheValuesCarriesItsSpan()
    {
        // 64 pairs 10 ± k/1024, k = 1 … 64 (n = 128). At 7 bits the octave [8, 16) has buckets of 1/16 = 64/1024:
        // [9.9375, 10) holds all 64 smaller halves (10 − 64/1024 = 9.9375 … 10 − 1/1024), [10, 10.0625) the larger ones
        // but 10 + 64/1024. The median, rank 64, is 10 − 1/1024, the bucket's last value, exactly: no reading error.
        // σ_C = 0 (every pair straddles it), so r± = ⌈64 ± 1⌉ = 65 and 63: rank 65 is 10 + 1/1024 (its bucket's first,
        // exact), rank 63 the 63rd of the lower bucket's 64, lo + 62/63 × (hi − lo) = 9.9375 + 62/1024 = 10 − 2/1024; SE =
        // (3/1024)/2 = 3/2048, the ±. (Floored at R = (hi − lo)/2 = 63/2048 until 2026-12-05, twenty times the SE, though the
        // figure was exact.)
        var (all, low, high) = Pairs(Enumerable.Range(1, 64).Select(k => (10 - (k / 1024.0), 10 + (k / 1024.0))));
        Estimate paired = CreditMetrics.Quantile(all, 500_000, low, high);
        Assert.Equal(10 - (1 / 1024.0), paired.Value);
        Assert.Equal(0, all.ReadingErrorAtRank(64));
        Assert.Equal(3 / 2048.0, paired.StdError, 15);

        // Independent paths: σ = √(128 × 0.25) = 5.657, r± = ⌈64 ± 5.657⌉ = 70 and 59, 10 + 6/1024 and 10 − 6/1024 (the
        // 59th of the lower bucket: 9.9375 + 58/1024), SE = 6/1024 = 0.00586, the ±.
        Assert.Equal(6 / 1024.0, CreditMetrics.Quantile(all, 500_000).StdError, 15);

        // Rank 32, inside the lower bucket (j = 32 of 64, u = 31/63), read at 9.9375 + 31/1024, its value exactly (the
        // values are evenly spaced). The bucket below is empty (the edge of the values): its density is not told by its
        // neighbours, so its reading error is what the span allows, (63/1024) × max(u, 1 − u) = 32/1024.
        Assert.Equal(9.9375 + (31 / 1024.0), all.ValueAtRank(32), 15);
        Assert.Equal(32 / 1024.0, all.ReadingErrorAtRank(32), 15);
    }

    [Fact]
    public void OverSeedsAMedianFinerThanItsBucketSpreadsAsItsPlusMinusSays()
    {
        // 40 seeds of 20,000 values normal with mean 1.41 and deviation 0.1 (an IRR median like CoreWeave's Parent's): the
        // median's SE is about 1.2533 × 0.1 / √20,000 = 0.00089, a quarter of its bucket's half-span (buckets of 1/128 in
        // [1, 2): R ≈ 0.0039). Read at the middle of [lo, hi] and floored at R, it printed ± R and moved between
        // neighbouring buckets' middles. Read as spread evenly, with its reading error joined to the SE, its spread over
        // the seeds is its ± (a standard deviation over 40 seeds is good to about 11%), and the ± is well under R.
        const int Seeds = 40, N = 20_000;
        var medians = new double[Seeds];
        var errors = new double[Seeds];
        for (int seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(1000 + seed);
            var h = new LogHistogram(7);
            for (int i = 0; i < N; i++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                h.Add(1.41 + (0.1 * z));
            }

            Estimate median = CreditMetrics.Quantile(h, 500_000);
            medians[seed] = median.Value;
            errors[seed] = median.StdError;
            Assert.InRange(h.ReadingErrorAtRank(LogHistogram.RankOf(500_000, N)), 0, 0.0002); // a smooth density: E a twentieth of R
        }

        double mean = medians.Average();
        double spread = Math.Sqrt(medians.Sum(m => (m - mean) * (m - mean)) / (Seeds - 1));
        double rms = Math.Sqrt(errors.Average(e => e * e));
        Assert.InRange(rms, 0.0007, 0.0011);
        Assert.InRange(spread / rms, 0.75, 1.3);
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
