using System.Text;
using System.Text.Json.Nodes;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>An antithetic run's VaR, ES and percentiles take their standard errors over its mirrored pairs
/// (docs/language.md, "Under antithetic"), read from the histograms of each pair's smaller and larger value: by hand on
/// synthetic mirrored losses, and over seeds against the spread of the estimates.</summary>
public sealed class PairQuantileErrorTests
{
    // The losses 1 … 40 as 20 pairs: (k, 41 − k) mirrored like a loss monotone in its draw (one half of every pair at or
    // below 20, the other above), or (k, k) with both halves the same (a figure not monotone in its draw).
    static readonly double[] Monotone = [.. Enumerable.Range(1, 20).SelectMany(k => new double[] { k, 41 - k })];
    static readonly double[] Same = [.. Enumerable.Range(1, 20).SelectMany(k => new double[] { k, k })];

    static (LogHistogram All, LogHistogram Low, LogHistogram High) Histograms(double[] losses)
    {
        var program = new LossProgram();
        SimulationTotals totals = new SimulationEngine(program, new ListSource(program.Description, losses, pairs: true)).Run(0, losses.Length, threads: 1);
        PairExtremes extremes = totals.Pairs!.Extremes;
        int loss = PairExtremes.Tranche(0, 0);
        return (totals.Tranches[0].LossHistogram, extremes.Low[loss], extremes.High[loss]);
    }

    [Fact]
    public void AQuantileOfMirroredLossesHasTheSpreadOfItsPairsCount()
    {
        // (k, 41 − k), q = 40%: n = 40, rank 16, ξ = 16. The 16 pairs k = 1 … 16 have their smaller value at or below 16
        // (B = 16), none its larger (A = 0, the larger values are 25 … 40), so every pair has S = 1 or 0: ΣS = 16, ΣS² = 16,
        // ΣSb = 32, Σb² = 4 · 20 = 80, F = 16/40 = 0.4, Σ(S − F b)² = 16 − 2 · 0.4 · 32 + 0.16 · 80 = 3.2, and the count's
        // deviation √(3.2 · 20/19) = 1.835 against the independent √(40 · 0.4 · 0.6) = 3.098.
        // Ranks ⌈16 ± 1.835⌉ = 18 and 15, each value alone in its bucket and so read exactly (its bucket's [lo, hi] is the
        // value): SE = (18 − 15)/2 = 1.5; the independent ranks 20 and 13 give (20 − 13)/2 = 3.5, what every run printed
        // before. The quantile itself, 16, is exact (it read 16.0625, its bucket's midpoint).
        var (all, low, high) = Histograms(Monotone);
        Assert.Equal(Math.Sqrt(3.2 * 20 / 19), CreditMetrics.PairedCountDeviation(all, low, high, 16), 12);
        Assert.Equal(16, CreditMetrics.Quantile(all, 400_000, low, high).Value);
        Assert.Equal(1.5, CreditMetrics.Quantile(all, 400_000, low, high).StdError, 12);
        Assert.Equal(3.5, CreditMetrics.Quantile(all, 400_000).StdError, 12);
    }

    [Fact]
    public void AQuantileOfPairsWhoseHalvesAgreeHasAWiderSpread()
    {
        // (k, k), q = 25%: the losses 1, 1, 2, 2, …; rank 10 is the second 5, ξ = 5. The pairs 1 … 5 have both values at or
        // below it (A = B = 5): S = 2 or 0, ΣS = 10, ΣS² = 3 · 5 + 5 = 20, ΣSb = 20, Σb² = 80, F = 0.25,
        // Σ(S − F b)² = 20 − 10 + 5 = 15: deviation √(15 · 20/19) = 3.974 against the independent 2.739. Ranks
        // ⌈10 ± 3.974⌉ = 14 and 7, the second 7 and the first 4; the independent ranks 13 and 8, the first 7 and the second
        // 4. Each value's two paths are an atom of its bucket, read exactly, so both give (7 − 4)/2 = 1.5: the wider count
        // reaches no further value here (read spread across each bucket's bounds, the two had been 1.5078125 and 1.4921875).
        var (all, low, high) = Histograms(Same);
        Assert.Equal(Math.Sqrt(15.0 * 20 / 19), CreditMetrics.PairedCountDeviation(all, low, high, 10), 12);
        Assert.Equal(1.5, CreditMetrics.Quantile(all, 250_000, low, high).StdError, 12);
        Assert.Equal(1.5, CreditMetrics.Quantile(all, 250_000).StdError, 12);
    }

    [Fact]
    public void ExpectedShortfallOfMirroredLossesIsOverItsPairs()
    {
        // (k, 41 − k), q = 90%: VaR the loss of rank 36, 36 (each value alone in its bucket, read exactly); k = 4,
        // ES = (40 + 39 + 38 + 37)/4 = 38.5. Excesses over VaR of the values above its bucket: 1, 2, 3 and 4, all the larger
        // values of pairs whose smaller value is in no tail: Y_k = 4, 3, 2, 1 and 0. ΣY = 10, ΣY² = 30, ΣYb = 2ΣY = 20,
        // ȳ = ΣY/40 = 0.25, Σ(Y − ȳ b)² = 30 − 2 · 0.25 · 20 + 0.25² · 80 = 25, and SE = √(25 · 20/19)/4 = 1.282473. The
        // independent formula: s²_tail = (1.5² + 0.5² + 0.5² + 1.5²)/4 = 1.25, √((1.25 + 0.9 · 2.5²)/4) = 1.311011 (a
        // tail's halves are rarely both in it, so pairing barely helps).
        var (all, low, high) = Histograms(Monotone);
        TailRisk paired = CreditMetrics.Tail(all, 900_000, low, high);
        Assert.Equal(36, paired.ValueAtRisk.Value);
        Assert.Equal(38.5, paired.ExpectedShortfall.Value, 12);
        Assert.Equal(Math.Sqrt(25.0 * 20 / 19) / 4, paired.ExpectedShortfall.StdError, 12);
        Assert.Equal(Math.Sqrt((1.25 + (0.9 * 2.5 * 2.5)) / 4), CreditMetrics.Tail(all, 900_000).ExpectedShortfall.StdError, 12);
    }

    [Fact]
    public void PairsWithBothValuesInTheTailCountTheirProductOnce()
    {
        // (k, k), q = 90%: VaR the second 18, exactly (an atom of two); k = 4, ES = (20 + 20 + 19 + 19)/4 = 19.5. Excesses
        // 2 (20, both halves of pair 20) and 1 (19, both of pair 19): Y = 4 and 2, ΣY = 6, ΣY² = 16 + 4 = 20 — per value
        // Σe² = 10 plus twice the products of the pairs' halves, 2 · (2 · 2 + 1 · 1) = 10, which the histograms bound by
        // matching the smaller values above VaR with the largest larger ones (exact here). ΣYb = 2ΣY = 12, ȳ = 0.15,
        // Σ(Y − ȳ b)² = 20 − 3.6 + 1.8 = 18.2, SE = √(18.2 · 20/19)/4 = 1.094243, where the independent formula gives
        // √((0.25 + 0.9 · 1.5²)/4) = 0.754155 (s²_tail = 0.25).
        var (all, low, high) = Histograms(Same);
        TailRisk paired = CreditMetrics.Tail(all, 900_000, low, high);
        Assert.Equal(19.5, paired.ExpectedShortfall.Value, 12);
        Assert.Equal(Math.Sqrt(18.2 * 20 / 19) / 4, paired.ExpectedShortfall.StdError, 12);
        Assert.Equal(Math.Sqrt((0.25 + (0.9 * 1.5 * 1.5)) / 4), CreditMetrics.Tail(all, 900_000).ExpectedShortfall.StdError, 12);
    }

    [Fact]
    public void AnOddRunsLastPathAndPathsWithoutAValueAreSingles()
    {
        // Losses 1, 9 | 2, 8 | 5: the last path is a pair of one, in neither pair histogram (the run's has all 5). q = 60%:
        // rank 3, ξ = 5. A = 0 (larger values 8, 9), B = 2 (smaller 1, 2), the single c = 3 − 0 − 2 = 1 (5 ≤ 5): ΣS = 3,
        // ΣS² = 3 · 0 + 2 + 1 = 3, ΣSb = 2 · 2 + 1 = 5, Σb² = 4 · 2 + 1 = 9, F = 0.6, Σ(S − F b)² = 3 − 6 + 3.24 = 0.24,
        // m = 3 pairs: √(0.24 · 3/2) = 0.6.
        var (all, low, high) = Histograms([1, 9, 2, 8, 5]);
        Assert.Equal(5, all.Count);
        Assert.Equal(2, high.Count);
        Assert.Equal(0.6, CreditMetrics.PairedCountDeviation(all, low, high, 3), 12);
    }

    [Fact]
    public void AShardsPairHistogramsRoundTripAndDamagedOnesAreRefused()
    {
        // 100 antithetic paths of MirroredSource: 50 pairs, every pair's smaller and larger loss in "low" and "high"
        // (the loss, IRR and WAL of Notes and the IRR of Sponsor: 4 of each). Read back, the same bytes. One more count
        // in a "low" bucket makes more smaller values than larger ones; a "low" of the wrong size, 3 histograms, is
        // another deal's; a "low" missing is a file written before them.
        const int Paths = 100;
        var program = new LossProgram();
        SimulationFrame frame = SimulationFrame.Of(program.Description, "test", "Pairs", 42, Paths) with { Sampling = SimulationFrame.Antithetic };
        SimulationTotals totals = new SimulationEngine(program, new MirroredSource(program.Description, 3, Paths)).Run(0, Paths, threads: 1);
        byte[] bytes = ShardFile.Write(new ShardResult(frame, Shard.Of(1, 1, Paths, pairs: true), totals));
        ShardResult read = ShardFile.Read(bytes);
        Assert.True(read.Totals.Pairs!.SameAs(totals.Pairs!));
        Assert.Equal(bytes, ShardFile.Write(read));
        Assert.Equal(4, totals.Pairs!.Extremes.Low.Length);
        Assert.Equal(50, totals.Pairs.Extremes.High[PairExtremes.Tranche(0, 0)].Count);

        JsonNode Edited(Action<JsonObject> edit)
        {
            JsonNode root = JsonNode.Parse(bytes)!;
            edit(root["totals"]!["pairs"]!.AsObject());
            return root;
        }

        JsonNode oneMore = Edited(p => p["low"]![0]!["buckets"]![1] = p["low"]![0]!["buckets"]![1]!.GetValue<int>() + 1);
        Assert.Contains("pair histogram 0 does not fit", Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(oneMore.ToJsonString()))).Message, StringComparison.Ordinal);
        JsonNode fewer = Edited(p => p["low"]!.AsArray().RemoveAt(3));
        Assert.Contains("3 and 4 pair histograms where 4 were expected", Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(fewer.ToJsonString()))).Message, StringComparison.Ordinal);
        JsonNode missing = Edited(p => p.Remove("low"));
        Assert.Contains("no field \"low\"", Assert.Throws<FormatException>(() => ShardFile.Read(Sealed(missing.ToJsonString()))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0.9, 1.1)]
    [InlineData(true, 1.25, 1.6)]
    public void OverSeedsThePairStandardErrorOfVarAndEsIsTheSpreadOfTheEstimates(bool symmetric, double independentLow, double independentHigh)
    {
        // 40 seeds of 2,000 antithetic paths. MirroredSource: a loss 50 + 125 (40% − u) where u < 40%, the mirror 1 − u,
        // so a pair never loses twice; VaR 95% is the loss at u = 5%, 93.75, where the density is flat, and a pair's
        // count of losses above it is 0 or 1, of variance 0.1 · 0.9 = 0.09 against two independent paths' 2 · 0.05 · 0.95
        // = 0.095: both formulas agree (ratio √(0.09/0.095) = 0.97). SymmetricSource: a loss 100 |2u − 1|, the same on
        // both halves of a pair, so the pair is one draw counted twice: S = 0 or 2, of variance 4 · 0.05 · 0.95 = 0.19,
        // twice the independent one, which understates the error by √2 = 1.41. The estimates' standard deviation over the
        // seeds against the root mean square of the printed ± is about 1 for the pair formula (a standard deviation of 40
        // values is good to about 11%: 0.75 to 1.3), and the pair ± over the independent one as above.
        // Measured (seeds 1 … 40), spread over the pair ± (pair ± over the independent ±): MirroredSource VaR 0.98
        // (1.00), ES 0.91 (0.98); SymmetricSource VaR 0.90 (1.37), ES 0.87 (1.41).
        var program = new LossProgram();
        const int Seeds = 40, Paths = 2000;
        var var95 = new List<(double Value, double Pair, double Independent)>();
        var es95 = new List<(double Value, double Pair, double Independent)>();
        for (int seed = 1; seed <= Seeds; seed++)
        {
            IPathSource source = symmetric ? new SymmetricSource(program.Description, seed, Paths) : new MirroredSource(program.Description, seed, Paths);
            SimulationTotals totals = new SimulationEngine(program, source).Run(0, Paths, threads: 1);
            PairExtremes extremes = totals.Pairs!.Extremes;
            LogHistogram all = totals.Tranches[0].LossHistogram;
            TailRisk paired = CreditMetrics.Tail(all, 950_000, extremes.Low[0], extremes.High[0]);
            TailRisk independent = CreditMetrics.Tail(all, 950_000);
            var95.Add((paired.ValueAtRisk.Value, paired.ValueAtRisk.StdError, independent.ValueAtRisk.StdError));
            es95.Add((paired.ExpectedShortfall.Value, paired.ExpectedShortfall.StdError, independent.ExpectedShortfall.StdError));
        }

        foreach (var (estimates, name) in new[] { (var95, "VaR"), (es95, "ES") })
        {
            double mean = estimates.Average(e => e.Value);
            double spread = Math.Sqrt(estimates.Sum(e => (e.Value - mean) * (e.Value - mean)) / (Seeds - 1));
            double pair = Math.Sqrt(estimates.Average(e => e.Pair * e.Pair));
            double independent = Math.Sqrt(estimates.Average(e => e.Independent * e.Independent));
            Console.WriteLine($"{(symmetric ? "symmetric" : "mirrored")} {name}: spread {spread:F4}, pair {pair:F4} ({spread / pair:F2}x), independent {independent:F4} ({spread / independent:F2}x)");
            Assert.InRange(spread / pair, 0.75, 1.3);
            Assert.InRange(pair / independent, independentLow, independentHigh);
        }
    }

    /// <summary>Antithetic paths of <see cref="LossProgram"/> whose loss is the same on both halves of a pair: pair k draws u
    /// as <see cref="MirroredSource"/> does, and both its paths lose 100 |2u − 1| (u and 1 − u give the same).</summary>
    sealed class SymmetricSource(DealDescription deal, int seed, int count) : IPathSource
    {
        public DealDescription Deal => deal;

        public int Count => count;

        public bool MirroredPairs => true;

        public void Fill(int path, PathInputs into)
        {
            // SplitMix64's finaliser of (seed, pair), as MirroredSource (nearby seeds' first doubles of new Random lie on a lattice).
            ulong z = (((ulong)(uint)seed << 32) | (uint)(path >> 1)) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            double u = ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
            Array.Fill(into.IndexLevel[0], 100 * Math.Abs((2 * u) - 1));
            Array.Fill(into.PartyDefaulted[0], false);
        }
    }

    // An edited shard's JSON with its checksum made again (ShardFile.Seal), so the reading gets past it to the check the
    // edit is aimed at; a shard changed without it is refused by its checksum (ShardFileTests).
    static byte[] Sealed(string json) => ShardFile.Seal(Encoding.UTF8.GetBytes(json));
}
