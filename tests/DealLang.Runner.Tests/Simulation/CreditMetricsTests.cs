using DealLang.Runner.Analytics;
using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>
/// The credit metrics and their standard errors by hand, on <see cref="LossProgram"/> with 100 paths whose losses are
/// 0, 1, …, 99 (path p loses p of the Notes' 100) and whose obligor defaults on the ten paths losing 90 or more.
/// </summary>
public sealed class CreditMetricsTests
{
    internal static CreditMetrics Run()
    {
        var program = new LossProgram();
        DealDescription deal = program.Description;
        double[] losses = [.. Enumerable.Range(0, 100).Select(p => (double)p)];
        var source = new ListSource(deal, losses, [.. losses.Select(l => l >= 90)]);
        SimulationTotals totals = new SimulationEngine(program, source, checkCash: false).Run(0, 100, threads: 2);
        return CreditMetrics.Compute(SimulationFrame.Of(deal, "hash", "Hand", 1, 100), totals);
    }

    [Fact]
    public void ProbabilityOfLossExpectedLossAndLgdWithTheirStandardErrors()
    {
        TrancheRisk notes = Run().Tranches[0];

        // 99 of 100 paths lose at least half a cent (path 0 loses nothing): p = 0.99, SE = √(0.99 × 0.01 / 100) = 0.0099499.
        Assert.Equal(99, notes.PathsWithLoss);
        Assert.Equal(0.99, notes.LossProbability.Value, 12);
        Assert.Equal(0.0099499, notes.LossProbability.StdError, 7);

        // EL = (0 + … + 99) / 100 = 49.5; s² = Σ(x − 49.5)² / 99 = (100 × (100² − 1) / 12) / 99 = 83,325 / 99 = 841.667,
        // s = 29.0115, SE = s / √100 = 2.90115. As a share of the 100 funded: 0.495 ± 0.0290115.
        Assert.Equal(49.5, notes.ExpectedLoss.Value, 9);
        Assert.Equal(2.90115, notes.ExpectedLoss.StdError, 5);
        Assert.Equal(0.495, notes.ExpectedLossShare.Value, 9);
        Assert.Equal(0.0290115, notes.ExpectedLossShare.StdError, 7);

        // Given a loss (paths 1 … 99): mean 50; s² = (99 × (99² − 1) / 12) / 98 = 825, s = 28.7228, SE = s / √99 = 2.88675.
        Assert.Equal(50, notes.LossGivenLoss.Value, 9);
        Assert.Equal(2.88675, notes.LossGivenLoss.StdError, 5);
        Assert.Equal(0.50, notes.LossGivenLossShare.Value, 9);
        Assert.Equal(0.0288675, notes.LossGivenLossShare.StdError, 7);
        Assert.Equal(99, notes.MaxLoss);

        // Unpaid interest is L / 10: 99 paths have some, 4.95 on average, SE 0.290115.
        Assert.Equal(0.99, notes.ShortfallProbability.Value, 12);
        Assert.Equal(4.95, notes.ExpectedUnpaidInterest.Value, 6);
        Assert.Equal(0.290115, notes.ExpectedUnpaidInterest.StdError, 5);
    }

    [Fact]
    public void ValueAtRiskAndExpectedShortfallFromTheHistogramWithinItsBound()
    {
        TrancheRisk notes = Run().Tranches[0];
        TailRisk at95 = notes.Tails[0], at99 = notes.Tails[1], at999 = notes.Tails[2];
        double bound = new LogHistogram(SimulationTotals.MeasureBits).RelativeError; // 2^-8 = 0.39%

        // VaR 95%: rank ⌈0.95 × 100⌉ = 95, the 95th smallest loss, 94; its bucket in the octave [64, 128) of 128
        // buckets of 0.5 is [94, 94.5), which holds 94 alone: read inside the values it holds, exactly 94 (its midpoint,
        // 94.25, was 0.27% off).
        Assert.Equal(94, at95.ValueAtRisk.Value);
        Assert.InRange(at95.ValueAtRisk.Value, 94 * (1 - bound), 94 * (1 + bound));

        // Its SE: ranks ⌈95 ∓ √(100 × 0.95 × 0.05) = 2.17945⌉ = 93 and 98, losses 92 and 97, exactly: (97 − 92) / 2 = 2.5,
        // with no reading error (94 is alone in its bucket, read exactly).
        Assert.Equal(2.5, at95.ValueAtRisk.StdError, 12);

        // ES 95%: the k = 100 − ⌊95⌋ = 5 largest, 95 … 99, each alone in its bucket and so exact: 485 / 5 = 97. Tail
        // variance (÷ k): deviations −2 … 2, squares summing to 10, so 2; SE = √((2 + 0.95 × (97 − 94)²) / 5) =
        // √(10.55 / 5) = √2.11 = 1.452584.
        Assert.Equal(97, at95.ExpectedShortfall.Value, 9);
        Assert.InRange(at95.ExpectedShortfall.Value, 97 * (1 - bound), 97 * (1 + bound));
        Assert.Equal(1.452584, at95.ExpectedShortfall.StdError, 6);

        // 99%: VaR the 99th smallest, 98, exactly; ES the one largest, 99, exactly; SE √(0 + 0.99 × 1²) = 0.994987.
        Assert.Equal(98, at99.ValueAtRisk.Value);
        Assert.Equal(99, at99.ExpectedShortfall.Value);
        Assert.Equal(0.994987, at99.ExpectedShortfall.StdError, 6);

        // 99.9%: rank ⌈99.9⌉ = 100, the largest, exactly; ES the k = 100 − ⌊99.9⌋ = 1 largest.
        Assert.Equal(99, at999.ValueAtRisk.Value);
        Assert.Equal(99, at999.ExpectedShortfall.Value);
        Assert.Equal([0.95, 0.99, 0.999], notes.Tails.Select(t => t.Level));
    }

    [Fact]
    public void ExpectedShortfallsPlusMinusAddsItsReadingErrorToItsStandardError()
    {
        // One bit an octave, so buckets are wide: [8, 12) holds 8, 9, 11; [12, 16) 12, 13, 15; [16, 24) 20 alone. At 50%
        // (n = 7): VaR is rank ⌈3.5⌉ = 4, 12, its bucket's first value, read exactly; ES the k = 7 − ⌊3.5⌋ = 4 largest,
        // 20 exactly and 12, 13, 15 read at 13.5: (20 + 40.5) / 4 = 15.125. Tail variance (÷ 4) at those readings:
        // (4.875² + 3 × 1.625²) / 4 = 31.6875 / 4 = 7.921875; SE = √((7.921875 + 0.5 × 3.125²) / 4) = √3.201171875.
        // The reading error (LogHistogramTests): (3 − 2) × 3 / 2 / 4 = 0.375. ± = √(3.201171875 + 0.375²) = √3.341796875
        // = 1.828058 (the SE alone 1.789182).
        var losses = new LogHistogram(1);
        foreach (double loss in new[] { 8.0, 9, 11, 12, 13, 15, 20 })
        {
            losses.Add(loss);
        }

        TailRisk tail = CreditMetrics.Tail(losses, 500_000);
        Assert.Equal(12, tail.ValueAtRisk.Value);
        Assert.Equal(15.125, tail.ExpectedShortfall.Value, 12);
        Assert.Equal(Math.Sqrt(3.341796875), tail.ExpectedShortfall.StdError, 12);
    }

    [Fact]
    public void ExpectedShortfallIsNotRoundedBelowItsValueAtRiskNorAboveTheLargestLoss()
    {
        // 10 paths losing nothing and 10 losing b = 0.30000000000000004 (the double after 0.3), found by fuzz6
        // (TailFuzzTests). At 52%: VaR is the loss of rank ⌈0.52 × 20⌉ = 11, b; ES the mean of the k = 20 − ⌊10.4⌋ = 10
        // largest, all b, so ES = b exactly. Read as the largest (b) plus 9 × b: 9 × b = 2.7000000000000006, + b =
        // 3.0000000000000004 (rounded), / 10 = 0.3 (rounded), one bit below the VaR. ES is clamped into [VaR, max].
        const double B = 0.30000000000000004;
        Assert.Equal(0.3, (B + (9 * B)) / 10); // the rounding the clamp corrects: the sum's mean is 0.3, not b
        var losses = new LogHistogram(SimulationTotals.MeasureBits);
        for (int i = 0; i < 10; i++)
        {
            losses.Add(0);
            losses.Add(B);
        }

        TailRisk tail = CreditMetrics.Tail(losses, 520_000);
        Assert.Equal(B, tail.ValueAtRisk.Value);
        Assert.Equal(B, tail.ExpectedShortfall.Value); // exact: the mean of ten values of b

        // Eleven paths of c = 0.10000000000000002 and one of 0: at 10%, VaR is rank ⌈1.2⌉ = 2, c, and ES the mean of the
        // k = 12 − ⌊1.2⌋ = 11 largest, all c; (c + 10 × c) / 11 rounds to 0.10000000000000003, above the largest loss.
        const double C = 0.10000000000000002;
        var ties = new LogHistogram(SimulationTotals.MeasureBits);
        ties.Add(0);
        for (int i = 0; i < 11; i++)
        {
            ties.Add(C);
        }

        Assert.Equal(0.10000000000000003, (C + (10 * C)) / 11);
        TailRisk tenth = CreditMetrics.Tail(ties, 100_000);
        Assert.Equal(C, tenth.ValueAtRisk.Value);
        Assert.Equal(C, tenth.ExpectedShortfall.Value);
    }

    [Fact]
    public void AnExpectedShortfallOfOneLossBelowTheSampleMaximumRankKeepsItsStandardError()
    {
        // Losses 1 … 20, each alone in its bucket (b = 7: 0.78% wide), so every reading is exact (E = 0). At 95% with
        // n = 20, q n = 19 is whole: VaR is rank ⌈19⌉ = 19, 19, not the largest, so it has a ±; ES is the m = 20 − 19 = 1
        // largest, 20, yet its ± is the formula's, not none: SE = √((0 + 0.95 × (20 − 19)²) / 1) = √0.95 = 0.974679
        // (docs/language.md's ES row: none only when VaR's is, rank n). At 99%, rank ⌈19.8⌉ = 20 is the largest: none.
        var losses = new LogHistogram(7);
        for (int i = 1; i <= 20; i++)
        {
            losses.Add(i);
        }

        TailRisk tail = CreditMetrics.Tail(losses, 950_000);
        Assert.Equal(19, tail.ValueAtRisk.Value, 12);
        Assert.Equal(20, tail.ExpectedShortfall.Value, 12);
        Assert.Equal(Math.Sqrt(0.95), tail.ExpectedShortfall.StdError, 12);
        Assert.True(double.IsNaN(CreditMetrics.Tail(losses, 990_000).ExpectedShortfall.StdError));
    }

    [Fact]
    public void ExpectedShortfallIsNeverBelowTheValueAtRiskItStartsAt()
    {
        // 900 paths without a loss; 90 partial losses, 1.5 + i × 0.0069 / 90 − 0.00002 for i = 1 … 89 and 1.5069, and 10
        // full losses of 1.507 (an atom): the 100 all in one bucket, [1.5, 1.5078125) (b = 7: 2⁰⁻⁷ wide), lo = 1.5000567
        // and hi = 1.507. As tests/corpus/valid/044's Senior (312 full losses of 550m beside partial losses within 0.78%
        // of it), which printed ES 95% 549.797m under VaR 95% 549.804m.
        // VaR 99%: rank 990, place j = 90 of c = 100 across [lo, hi]: lo + 89/99 × (hi − lo) = 1.5062987. ES 99%: the
        // m = n − ⌊0.99 n⌋ = 10 largest, ranks 991 … 1,000: 1.507 exactly and 9 others; read at the bucket's middle, 1.5035284, they gave (1.507 + 9 ×
        // 1.5035284) / 10 = 1.5038755, below the VaR; read at their places 91 … 99 (of the 99 beside the largest), mean
        // offset j − 1 = 94: lo + 94/99 × (hi − lo) = 1.5066493, so ES = (1.507 + 9 × 1.5066493) / 10 = 1.5066844 ≥ VaR. The true
        // ES, 1.507, is within the ± of it.
        var losses = new LogHistogram(7);
        for (int i = 0; i < 900; i++)
        {
            losses.Add(0);
        }

        for (int i = 1; i <= 90; i++)
        {
            losses.Add(1.5 + (i * 0.0069 / 90.0) - (i < 90 ? 0.00002 : 0));
        }

        for (int i = 0; i < 10; i++)
        {
            losses.Add(1.507);
        }

        const double Lo = 1.5 + (0.0069 / 90.0) - 0.00002;
        TailRisk tail = CreditMetrics.Tail(losses, 990_000);
        Assert.Equal(Lo + (89.0 / 99 * (1.507 - Lo)), tail.ValueAtRisk.Value, 12);
        Assert.Equal((1.507 + (9 * (Lo + (94.0 / 99 * (1.507 - Lo))))) / 10, tail.ExpectedShortfall.Value, 12);
        Assert.Equal(1.5066844, tail.ExpectedShortfall.Value, 6);
        Assert.True(tail.ExpectedShortfall.Value >= tail.ValueAtRisk.Value);
        Assert.InRange(1.507 - tail.ExpectedShortfall.Value, 0, tail.ExpectedShortfall.StdError);

        // Every level, whichever place in the bucket its tail starts at: ES ≥ VaR.
        foreach (int q in new[] { 500_000, 900_000, 905_000, 930_000, 950_000, 960_000, 980_000, 990_000, 995_000, 999_000 })
        {
            TailRisk t = CreditMetrics.Tail(losses, q);
            Assert.True(t.ExpectedShortfall.Value >= t.ValueAtRisk.Value, $"q = {q}: ES {t.ExpectedShortfall.Value} < VaR {t.ValueAtRisk.Value}");
        }
    }

    [Fact]
    public void AQuantileTheSameOnEveryPathHasNoStandardErrorButSaysSo()
    {
        // 2,000 paths, none losing (terawulf's LakeMariner Notes): VaR and ES printed 0.000 ± 0.000, "exactly known",
        // where no loss in 2,000 paths leaves P(loss) up to 1 − 0.05^(1/2000) = 0.150%, above the 0.1% beyond VaR 99.9%.
        // Now no ± and marked as a mean is (every path 0); a WAL of 4 on every path likewise (every path 4.000).
        var losses = new LogHistogram(7);
        var wal = new LogHistogram(7);
        for (int i = 0; i < 2000; i++)
        {
            losses.Add(0);
            wal.Add(4.0);
        }

        foreach (int q in new[] { 950_000, 990_000, 999_000 })
        {
            TailRisk tail = CreditMetrics.Tail(losses, q);
            Assert.Equal(0.0, tail.ValueAtRisk.Value);
            Assert.True(double.IsNaN(tail.ValueAtRisk.StdError));
            Assert.True(tail.ValueAtRisk.EveryPathZero);
            Assert.Equal(0.0, tail.ExpectedShortfall.Value);
            Assert.True(tail.ExpectedShortfall.EveryPathZero);
        }

        Estimate median = CreditMetrics.Quantile(wal, 500_000);
        Assert.Equal(4.0, median.Value);
        Assert.True(median.EveryPathSame);
        Assert.True(double.IsNaN(median.StdError));

        // One other value and it is a sample again: rank 1,900 of 1,999 zeros and one 5 reads 0 with its ± (0 here: an
        // atom's ranks read its value), not marked.
        losses.Add(5);
        Estimate var95 = CreditMetrics.Quantile(losses, 950_000);
        Assert.False(var95.EveryPathSame);
        Assert.Equal(0.0, var95.Value);
        Assert.Equal(0.0, var95.StdError);
    }

    [Fact]
    public void IrrAndWalDistributions()
    {
        TrancheRisk notes = Run().Tranches[0];

        // Every path repays something at the end of year 4 (1,460 / 365 = 4.0 years): WAL 4 on every path, exactly (an
        // atom), and its mean has no ± (s = 0 would print ± 0): every path 4.
        Assert.Equal(100, notes.Wal.Paths);
        Assert.Equal(4.0, notes.Wal.Mean.Value, 9);
        Assert.True(double.IsNaN(notes.Wal.Mean.StdError));
        Assert.True(notes.Wal.Mean.EveryPathSame);
        Assert.All(notes.Wal.Percentiles, p => Assert.Equal(4.0, p.Value));

        // The IRR of path L solves −100 + 5/(1+r) + 5/(1+r)² + 5/(1+r)³ + (105 − L)/(1+r)⁴ = 0; path 0's is the coupon, 5%.
        double[] irr = [.. Enumerable.Range(0, 100).Select(l => Irr.Solve([0, 1, 2, 3, 4], [-100, 5, 5, 5, 105 - l]))];
        Assert.Equal(0.05, notes.Irr.Max, 9);
        Assert.Equal(irr.Min(), notes.Irr.Min, 12);
        Assert.Equal(irr.Average(), notes.Irr.Mean.Value, 8);
        double sd = Math.Sqrt(irr.Select(x => (x - irr.Average()) * (x - irr.Average())).Sum() / 99);
        Assert.Equal(sd / 10, notes.Irr.Mean.StdError, 8);

        // The median, rank 50, is path 50's IRR (the IRR falls as the loss grows: the 50th smallest is loss 50), within 0.39%.
        double median = irr.OrderBy(x => x).ElementAt(49);
        Assert.Equal(irr[50], median);
        Assert.InRange(notes.Irr.Percentiles[2].Value, median - (Math.Abs(median) / 256), median + (Math.Abs(median) / 256));
    }

    [Fact]
    public void AShareOfNoneOrAllHasItsOneSided95PercentBoundAndNoStandardError()
    {
        // 0 of 1,000: 1 − 0.05^(1/1000); x = 2.995732 / 1000 = 0.002995732, 1 − e^(−x) = x − x²/2 + x³/6 = 0.002995732 −
        // 0.000004487 + 0.0000000045 = 0.002991250 (3/n = 0.003). 1,000 of 1,000: its lower bound 0.05^(1/1000) = 0.997008750.
        Estimate none = CreditMetrics.Proportion(0, 1000), all = CreditMetrics.Proportion(1000, 1000);
        Assert.Equal((0.0, 0.002991250), (none.Value, Math.Round(none.Bound, 9)));
        Assert.Equal((1.0, 0.997008750), (all.Value, Math.Round(all.Bound, 9)));
        Assert.True(double.IsNaN(none.StdError) && double.IsNaN(all.StdError));

        // Past 10⁻⁴ the series takes over from 1 − Math.Exp(−x), which would keep only a few digits: at 10⁹ units
        // x = 2.995732·10⁻⁹ and the bound is x (1 − x/2) to 16 digits.
        double x = -Math.Log(0.05) / 1e9;
        Assert.Equal(1.0, CreditMetrics.ShareBound(none: true, 1_000_000_000) / (x * (1 - (x / 2))), 15);

        // One path in between keeps its standard error and has no bound; no paths, neither.
        Assert.True(double.IsNaN(CreditMetrics.Proportion(1, 1000).Bound));
        Assert.True(double.IsNaN(CreditMetrics.Proportion(0, 0).Bound));
    }

    [Fact]
    public void PartiesEventsAndFans()
    {
        CreditMetrics m = Run();

        // Ten of 100 paths default: 0.10 ± √(0.1 × 0.9 / 100) = 0.03, beside the input 10% a year, 1 − 0.9⁴ = 0.3439
        // over the 4.0 years.
        PartyRisk obligor = Assert.Single(m.Parties);
        Assert.Equal(("Obligor", 0.10, 10L), (obligor.Name, obligor.AnnualPd, obligor.Defaults));
        Assert.Equal(0.3439, obligor.HorizonPd, 12);
        Assert.Equal(0.10, obligor.DefaultRate.Value, 12);
        Assert.Equal(0.03, obligor.DefaultRate.StdError, 12);
        Assert.Equal(0.10, m.EventOfDefault.Value, 12);
        Assert.True(double.IsNaN(m.EventOfDefault.Bound));
        Assert.Equal(0.0, m.Sale.Value);

        // No path ends in a sale: no standard error (√(0 × 1 / 100) = 0 would read as "exactly 0") but the one-sided 95%
        // bound 1 − 0.05^(1/100): ln 0.05 = −2.995732, / 100 = −0.02995732, 1 − e^(−0.02995732) = 0.0295130 (the rule of
        // three, 3/100, is 0.03).
        Assert.True(double.IsNaN(m.Sale.StdError));
        Assert.Equal(0.0295130, m.Sale.Bound, 7);

        // The index's level is the path's loss in every period: percentiles of 0 … 99 at 6 bits an octave, from histograms
        // that keep no per-bucket extremes (a fan prints no ±), so each reads its bucket's midpoint: p5 is rank 5, 4, in
        // [4, 4.0625), at 4.03125; p50 rank 50, 49, in [49, 49.5), at 49.25; p95 rank 95, 94, in [94, 95), at 94.5.
        IndexFan fan = Assert.Single(m.Indices);
        Assert.Equal(4, fan.Dates.Length);
        Assert.Equal(new Date(2025, 1, 1), fan.Dates[0]);
        Assert.All(fan.Percentiles, row => Assert.Equal([4.03125, 24.125, 49.25, 74.5, 94.5], row));
    }
}
