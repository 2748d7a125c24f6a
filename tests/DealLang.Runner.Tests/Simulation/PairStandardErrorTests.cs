using System.Text;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>An antithetic run's standard errors come from its mirrored pairs (docs/language.md, "Monte Carlo results"):
/// by hand on a few paths, over seeds against the spread of the estimates, and the same on any threads and shards.</summary>
public sealed class PairStandardErrorTests
{
    static SimulationFrame Frame(DealDescription deal, int paths) =>
        SimulationFrame.Of(deal, "test", "Pairs", 42, paths) with { Sampling = SimulationFrame.Antithetic };

    static CreditMetrics Metrics(double[] losses)
    {
        var program = new LossProgram();
        var source = new ListSource(program.Description, losses, pairs: true);
        SimulationTotals totals = new SimulationEngine(program, source).Run(0, losses.Length, threads: 1);
        return CreditMetrics.Compute(Frame(program.Description, losses.Length), totals);
    }

    [Fact]
    public void TwoPairsSumsGiveTheStandardErrorOfTheirPairMeans()
    {
        // Losses 1, 3 | 2, 6: pair sums y = 4, 8, m = 2, ȳ = 6, s_y² = ((4 − 6)² + (8 − 6)²) / 1 = 8, so the mean loss 3
        // has SE = s_y / (2√m) = 2√2 / (2√2) = 1 (the independent formula: s = √(14/3), s/√4 = 1.0801).
        // As a ratio Σa/Σb: A = 12, B = 4, Σa² = 80, Σab = 4·2 + 8·2 = 24, Σb² = 8, so B²Σa² − 2ABΣab + A²Σb² = 1280 − 2304 +
        // 1152 = 128 and SE = √(128 · m / (m − 1)) / B² = √256 / 16 = 1.
        var sums = new PairSums();
        sums.Add(4, 2);
        sums.Add(8, 2);
        Assert.Equal(1.0, sums.StandardError(2, 1), 12);

        CreditMetrics m = Metrics([1, 3, 2, 6]);
        TrancheRisk t = m.Tranches[0];
        Assert.Equal(3.0, t.ExpectedLoss.Value, 12);
        Assert.Equal(1.0, t.ExpectedLoss.StdError, 12);
        Assert.Equal(1.0, t.LossGivenLoss.StdError, 12); // every path loses: the same pairs
        // Unpaid interest L / 10 in 1/1,024ths: 102, 307 | 205, 614 (0.1 · 1,024 = 102.4 rounds to 102), y = 409, 819, so
        // s_y = 410 / √2 and SE = 410 / (√2 · 2√2) = 102.5 units, 0.10009765625 (not 0.1: the sums hold the rounded units).
        Assert.Equal(102.5 / 1024, t.ExpectedUnpaidInterest.StdError, 12);
        // Every path loses: no standard error (it would be 0), but the lower 95% bound over the m = 2 pairs, each of which
        // lost twice: 0.05^(1/2) = 0.223607 (a pair's chance of a path without a loss is at most 1 − 0.223607 with 95%).
        Assert.True(double.IsNaN(t.LossProbability.StdError));
        Assert.Equal(Math.Sqrt(0.05), t.LossProbability.Bound, 12);
    }

    [Fact]
    public void AMeanOverTheLosingPathsIsARatioOverThePairs()
    {
        // Losses 4, 0 | 3, 7 | 0, 0: m = 3 pairs.
        // P(loss) = 3/6: y = 1, 2, 0, ȳ = 1, s_y² = (0 + 1 + 1) / 2 = 1, SE = 1 / (2√3) = 0.288675.
        // Expected loss 14/6: y = 4, 10, 0, ȳ = 14/3, s_y² = ((4/9) + (256/9) + (196/9)) / 2 = 25.3333, SE = 5.033223 / (2√3) = 1.452967.
        // Loss given a loss: a = 4, 10, 0 and b = 1, 2, 0: R = 14/3, a − Rb = −2/3, 2/3, 0, Σ(a − Rb)² = 8/9, b̄ = 1,
        // SE = √((8/9) / (3 · 2)) / 1 = 2 / (3√3) = 0.384900; LGD the same over the principal funded, 100: 0.00384900.
        CreditMetrics m = Metrics([4, 0, 3, 7, 0, 0]);
        TrancheRisk t = m.Tranches[0];
        Assert.Equal(0.5, t.LossProbability.Value, 12);
        Assert.Equal(1 / (2 * Math.Sqrt(3)), t.LossProbability.StdError, 12);
        Assert.Equal(Math.Sqrt(76.0 / 3) / (2 * Math.Sqrt(3)), t.ExpectedLoss.StdError, 12);
        Assert.Equal(14.0 / 3, t.LossGivenLoss.Value, 12);
        Assert.Equal(2 / (3 * Math.Sqrt(3)), t.LossGivenLoss.StdError, 12);
        Assert.Equal(0.02 / (3 * Math.Sqrt(3)), t.LossGivenLossShare.StdError, 9);
    }

    [Fact]
    public void AnOddRunsLastPathIsAPairOfOne()
    {
        // Losses 4, 0 | 3, 7 | 5: the last path has no mirror (it is stream 2, unmirrored), a cluster of b = 1.
        // Loss given a loss: a = 4, 10, 5, b = 1, 2, 1: R = 19/4 = 4.75, a − Rb = −0.75, 0.5, 0.25, Σ = 0.875, b̄ = 4/3,
        // SE = √(0.875 / (3 · 2)) / (4/3) = 0.381881 / 1.333333 = 0.286411.
        // Expected loss 19/5: a = 4, 10, 5, b = 2, 2, 1, R = 3.8, a − Rb = −3.6, 2.4, 1.2, Σ = 12.96 + 5.76 + 1.44 = 20.16,
        // b̄ = 5/3, SE = √(20.16 / 6) / (5/3) = 1.833030 / 1.666667 = 1.099818.
        CreditMetrics m = Metrics([4, 0, 3, 7, 5]);
        TrancheRisk t = m.Tranches[0];
        Assert.Equal(Math.Sqrt(0.875 / 6) * 3 / 4, t.LossGivenLoss.StdError, 12);
        Assert.Equal(Math.Sqrt(20.16 / 6) * 3 / 5, t.ExpectedLoss.StdError, 12);
    }

    [Fact]
    public void AMeanOverPathsOfOnePairHasNoStandardError()
    {
        // Losses 4, 3 | 0, 0: both losing paths are one pair, so nothing measures how much pairs differ (the independent
        // formula's s needs two paths; this needs two pairs with a loss): none, as for a single losing path.
        TrancheRisk t = Metrics([4, 3, 0, 0]).Tranches[0];
        Assert.Equal(3.5, t.LossGivenLoss.Value, 12);
        Assert.True(double.IsNaN(t.LossGivenLoss.StdError));
        Assert.False(double.IsNaN(t.ExpectedLoss.StdError));
    }

    [Fact]
    public void OverSeedsThePairStandardErrorIsTheSpreadOfTheEstimatesWhereTheIndependentOneIsNot()
    {
        // 40 seeds of 2,000 antithetic paths (MirroredSource: P(loss) 40%, a pair never loses twice). The estimates'
        // standard deviation over the seeds against the root mean square of the printed ±: about 1 (the standard
        // deviation of 40 values is good to about 1/√78 = 11%, so within 0.75 to 1.3; measured 1.04 for P(loss) and 1.01
        // for the expected loss), where the independent paths' formulas, √(p(1 − p)/n) and s/√n, give about 0.58 and
        // 0.61 (MirroredSource's variances; measured 0.60 and 0.61): the old ± overstated the error by 1/0.6.
        var program = new LossProgram();
        const int Seeds = 40, Paths = 2000;
        var p = new List<(double Value, double Pair, double Independent)>();
        var loss = new List<(double Value, double Pair, double Independent)>();
        for (int seed = 1; seed <= Seeds; seed++)
        {
            SimulationTotals totals = new SimulationEngine(program, new MirroredSource(program.Description, seed, Paths)).Run(0, Paths, threads: 1);
            TrancheRisk t = CreditMetrics.Compute(Frame(program.Description, Paths), totals).Tranches[0];
            double share = t.LossProbability.Value;
            p.Add((share, t.LossProbability.StdError, Math.Sqrt(share * (1 - share) / Paths)));
            loss.Add((t.ExpectedLoss.Value, t.ExpectedLoss.StdError, totals.Tranches[0].Loss.StandardDeviation / Math.Sqrt(Paths)));
        }

        foreach (var estimates in new[] { p, loss })
        {
            double mean = estimates.Average(e => e.Value);
            double spread = Math.Sqrt(estimates.Sum(e => (e.Value - mean) * (e.Value - mean)) / (Seeds - 1));
            double pair = Math.Sqrt(estimates.Average(e => e.Pair * e.Pair));
            double independent = Math.Sqrt(estimates.Average(e => e.Independent * e.Independent));
            Assert.InRange(spread / pair, 0.75, 1.3);
            Assert.InRange(spread / independent, 0.4, 0.72);
        }
    }

    [Fact]
    public void ShardsOfPairsMergedOnAnyThreadsAreTheSingleRunByteForByte()
    {
        // 10,001 paths (an odd run: the last path is a pair of one) in three shards: split by paths they would start at
        // paths 3,333 and 6,667, inside pairs; split by the 5,001 pairs they start at paths 3,334 and 6,668.
        const int Paths = 10_001;
        var program = new LossProgram();
        var source = new MirroredSource(program.Description, 7, Paths);
        var engine = new SimulationEngine(program, source);
        SimulationFrame frame = Frame(program.Description, Paths);
        SimulationTotals one = engine.Run(0, Paths, threads: 1);
        SimulationTotals two = engine.Run(0, Paths, threads: 2);
        byte[] single = ShardFile.Write(new ShardResult(frame, Shard.Of(1, 1, Paths, pairs: true), one));
        Assert.Equal(single, ShardFile.Write(new ShardResult(frame, Shard.Of(1, 1, Paths, pairs: true), two)));
        Assert.Contains("\"pairs\":{\"count\":5001,", Encoding.UTF8.GetString(single), StringComparison.Ordinal);

        Assert.Equal(new Shard(1, 3, 0, 3334), Shard.Of(1, 3, Paths, pairs: true));
        Assert.Equal(new Shard(2, 3, 3334, 6668), Shard.Of(2, 3, Paths, pairs: true));
        Assert.Equal(new Shard(3, 3, 6668, Paths), Shard.Of(3, 3, Paths, pairs: true));
        foreach (int threads in (int[])[1, 2])
        {
            var shards = new List<(string, ShardResult)>();
            foreach (int i in (int[])[2, 3, 1])
            {
                Shard shard = Shard.Of(i, 3, Paths, pairs: true);
                shards.Add(($"shard{i}.json", ShardFile.Read(ShardFile.Write(new ShardResult(frame, shard, engine.Run(shard.From, shard.To, threads))))));
            }

            var (merged, totals) = ShardMerge.Merge(shards);
            Assert.Equal(single, ShardFile.Write(new ShardResult(merged, Shard.Of(1, 1, Paths, pairs: true), totals)));
            foreach (ReportFormat format in Enum.GetValues<ReportFormat>())
            {
                Assert.Equal(MonteCarloReport.Render(CreditMetrics.Compute(frame, one), format), MonteCarloReport.Render(CreditMetrics.Compute(merged, totals), format));
            }
        }

        // A range that would split a pair is refused; an independent run's shards split the paths as before.
        Assert.Throws<ArgumentException>(() => engine.Run(3333, 6667, threads: 1));
        Assert.Throws<ArgumentException>(() => engine.Run(0, 3333, threads: 1));
        Assert.Equal(new Shard(2, 3, 3333, 6667), Shard.Of(2, 3, Paths));
    }

    [Fact]
    public void AnAntitheticShardWithoutPairSumsIsRefusedAndAPlainShardHasNone()
    {
        const int Paths = 100;
        var program = new LossProgram();
        SimulationFrame frame = Frame(program.Description, Paths);
        SimulationTotals totals = new SimulationEngine(program, new MirroredSource(program.Description, 3, Paths)).Run(0, Paths, threads: 1);
        string text = Encoding.UTF8.GetString(ShardFile.Write(new ShardResult(frame, Shard.Of(1, 1, Paths, pairs: true), totals)));

        // A file written before the pair sums (its totals end where "pairs" begins): refused, saying to run it again.
        int at = text.IndexOf(",\"pairs\":", StringComparison.Ordinal);
        string old = text[..at] + "}}\n";
        var refused = Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(old)));
        Assert.Contains("without the sums over its mirrored pairs", refused.Message, StringComparison.Ordinal);
        Assert.Contains("run the shard again", refused.Message, StringComparison.Ordinal);

        // Pair sums that do not add up to the plain sums are damage.
        string damaged = text.Replace("\"pairs\":{\"count\":50,\"sums\":[[\"", "\"pairs\":{\"count\":50,\"sums\":[[\"1", StringComparison.Ordinal);
        Assert.NotEqual(text, damaged);
        Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(damaged)));
        Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(text.Replace("\"count\":50,", "\"count\":49,", StringComparison.Ordinal))));

        // An independent run keeps no pair sums and writes none.
        SimulationTotals plain = new SimulationEngine(program, new RandomSource(program.Description, 3, Paths)).Run(0, Paths, threads: 1);
        Assert.Null(plain.Pairs);
        Assert.Equal("sums over mirrored pairs, where these keep none", plain.ShapeDifference(totals));
        Assert.Equal("no sums over mirrored pairs, where these keep them", totals.ShapeDifference(plain));
        Assert.Throws<ArgumentException>(() => plain.Merge(totals));
        Assert.DoesNotContain("pairs", Encoding.UTF8.GetString(ShardFile.Write(new ShardResult(frame with { Sampling = SimulationFrame.Independent }, Shard.Of(1, 1, Paths), plain))),
            StringComparison.Ordinal);
    }

    // An edited shard's JSON with its checksum made again (ShardFile.Seal), so the reading gets past it to the check the
    // edit is aimed at; a shard changed without it is refused by its checksum (ShardFileTests).
    static byte[] Sealed(string json) => ShardFile.Seal(Encoding.UTF8.GetBytes(json));
}
