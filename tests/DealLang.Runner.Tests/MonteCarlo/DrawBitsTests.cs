using System.Runtime.Intrinsics;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// The draws' bits pinned: a speed-up of the path source (bench/HISTORY.md, "What changed for throughput": AS 241's
/// polynomials written out, the regime switch probabilities and Poisson e^(−λΔ) computed once per source) must leave
/// every drawn number as it was. The hashes were taken at c313836, before those changes, over every kind of draw: GBM,
/// OU, log-OU to trend with Poisson jumps, correlated shocks with Markov regimes, antithetic pairs, copula defaults with
/// a constant hazard and with a term structure. A change of the documented formulas changes them on purpose: re-pin
/// with the reason in the commit. Drawn-rate factors' path shocks, drawn directly since issue 10's "direct path shocks"
/// (k normals a path instead of k a period: the same distribution, other numbers), are pinned by
/// <see cref="DrawnRatesKeepTheirBits"/>, taken when that change was made. The index rows' exponentials by the draw's
/// own <see cref="RowExp"/> in place of <see cref="Math.Exp"/> (a row at a time, the same bits on every machine, within
/// a unit of the last place of the C library's) moved <see cref="PinnedDraws"/>, re-pinned then. The copula's
/// idiosyncratic weight √(1 − βᵀRβ) in place of √(1 − Σβ²) (2026-12-05: with loadings on correlated factors the old
/// weight made Z's variance above 1 and the default rate above the PD) moved both, whose defaults load on correlated
/// factors, re-pinned then.
/// </summary>
public class DrawBitsTests
{
    const ulong PinnedDraws = 7055009197908541555UL;
    const ulong PinnedQuantiles = 12367410988677436694UL;
    const ulong PinnedDirect = 9930632306110779346UL;

    [Fact]
    public void EveryKindOfDrawKeepsItsBits()
    {
        // Quarterly 2026-01-01 to 2030-01-01 (16 periods); a rent index at 2.00 deflating 10% a year, a rate at 3.5%, a
        // third index for GBM; two parties.
        DealDescription deal = TestDeals.Make(
            Schedule.Boundaries(new Date(2026, 1, 1), new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lab", "BB-", 0.04, 0.3), new PartyInfo("Hyperscaler", "AAA", 0.001, 0.6)],
            indices: [new IndexInfo("Rent", 2.0, 0.10, null, []), new IndexInfo("Rate", 0.035, 0.0, null, []), new IndexInfo("Coin", 60_000.0, 0.0, null, [])]);
        FactorSpec[] factors =
        [
            new("Rent", FactorTarget.Index, 0, FactorProcess.LogMeanReverting) { Speed = 0.8, Volatility = 0.35, JumpIntensity = 0.5, JumpDown = 0.25 },
            new("Rate", FactorTarget.Index, 1, FactorProcess.MeanReverting) { LongRun = 0.035, Speed = 0.3, Volatility = 0.01 },
            new("Coin", FactorTarget.Index, 2, FactorProcess.Gbm) { Drift = 0.05, Volatility = 0.6 },
        ];
        var correlation = new CorrelationSpec([1, -0.2, 0.3, -0.2, 1, 0, 0.3, 0, 1], [1, -0.6, 0.7, -0.6, 1, -0.1, 0.7, -0.1, 1], 0.25, 1.0);
        DefaultModel[] defaults =
        [
            new(0, 0.04, [0.5, 0, 0.2]),
            new(1, 0.001, [0.1, 0.1, 0]) { Steps = [new PdStep(new Date(2028, 1, 1), 0.003)] },
        ];
        var spec = new StochasticSpec(null, null, true, factors, correlation, defaults);
        ScenarioSpec scenario = ScenarioSpec.AsWritten(deal) with { Name = "Mc", Stochastic = spec };
        var source = new StochasticPaths(deal, scenario, 42, 4_000);
        var inputs = new PathInputs(deal);
        var hash = new Fnv();
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            foreach (double[] row in inputs.IndexLevel)
            {
                foreach (double x in row)
                {
                    hash.Add(BitConverter.DoubleToUInt64Bits(x));
                }
            }

            foreach (bool[] flags in inputs.PartyDefaulted)
            {
                foreach (bool flag in flags)
                {
                    hash.Add(flag ? 1UL : 0UL);
                }
            }
        }

        Assert.Equal(PinnedDraws, hash.Value);
    }

    [Fact]
    public void DrawnRatesKeepTheirBits()
    {
        // A facility's value deflation and the market-rent deflation, correlated 70%, antithetic, one regime (so the path
        // shocks are drawn directly, Z = L ξ), two drawn defaults loading on them, one with a drawn recovery: the drawn
        // rates, default dates and recovery of 4,000 paths.
        DealDescription deal = TestDeals.Make(
            Schedule.Boundaries(new Date(2026, 1, 1), new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lab", "BB-", 0.04, 0.3), new PartyInfo("Hyperscaler", "AAA", 0.001, 0.6)],
            facilities: [TestDeals.StraightLine(1000, 120, 0.2, new Date(2026, 1, 1))],
            indices: [new IndexInfo("Rent", 2.0, 0.10, null, [])]);
        FactorSpec[] factors =
        [
            new("Campus.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 },
            new("market_rent", FactorTarget.MarketRentDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.03, Volatility = 0.04 },
        ];
        DefaultModel[] defaults =
        [
            new(0, 0.04, [0.4, 0.3]) { Recovery = new RecoveryBeta(0.4, 0.2) },
            new(1, 0.01, [0.1, -0.2]),
        ];
        var spec = new StochasticSpec(null, null, true, factors, new CorrelationSpec([1, 0.7, 0.7, 1], null, 0, 0), defaults);
        ScenarioSpec scenario = ScenarioSpec.AsWritten(deal) with { Name = "Mc", Stochastic = spec };
        var source = new StochasticPaths(deal, scenario, 42, 4_000);
        Assert.True(source.DrawsPathShocksDirectly);
        var inputs = new PathInputs(deal);
        var hash = new Fnv();
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            hash.Add(BitConverter.DoubleToUInt64Bits(drawn.FacilityStress[0].DeflatePerYear));
            hash.Add(BitConverter.DoubleToUInt64Bits(drawn.MarketRentDeflation));
            foreach (Date? date in drawn.PartyDefaults)
            {
                hash.Add(date is { } x ? (ulong)Date.DaysBetween(deal.Closing, x) : ulong.MaxValue);
            }

            hash.Add(BitConverter.DoubleToUInt64Bits(drawn.PartyRecoveries[0] ?? double.NaN));
        }

        Assert.Equal(PinnedDirect, hash.Value);
    }

    [Fact]
    public void TheNormalQuantileKeepsItsBits()
    {
        // Every region of AS 241 (central |p − ½| ≤ 0.425, r ≤ 5, r > 5) and the 53-bit uniforms' extremes.
        var hash = new Fnv();
        for (int i = 0; i < 100_000; i++)
        {
            hash.Add(BitConverter.DoubleToUInt64Bits(NormalQuantile.Inverse((i + 0.5) / 100_000)));
        }

        for (int e = 1; e < 1000; e++)
        {
            double p = Math.Pow(2, -e);
            hash.Add(BitConverter.DoubleToUInt64Bits(NormalQuantile.Inverse(p)));
            if (e < 53)
            {
                hash.Add(BitConverter.DoubleToUInt64Bits(NormalQuantile.Inverse(1 - (p / 2))));
            }
        }

        Assert.Equal(PinnedQuantiles, hash.Value);
    }

    [Fact]
    public void TheBatchQuantileHasTheScalarsBits()
    {
        // Four at a time in the central region, the scalar way for a draw in a tail: every region mixed in each group
        // of four, in place and into another span, over lengths that leave 0 to 3 draws after the last group.
        var rng = new Random(7);
        double[] regions = [0.5, 0.3, 0.074, 0.925, 1e-3, 1 - 1e-12, 1e-20, 1e-300, 0.0751, 0.9249];
        for (int length = 0; length <= 67; length++)
        {
            double[] p = [.. Enumerable.Range(0, length).Select(i => i % 3 == 0 ? regions[rng.Next(regions.Length)] : rng.NextDouble() * 0.999 + 0.0005)];
            double[] into = new double[length];
            NormalQuantile.Inverse(p, into);
            double[] inPlace = (double[])p.Clone();
            NormalQuantile.Inverse(inPlace, inPlace);
            for (int i = 0; i < length; i++)
            {
                ulong expected = BitConverter.DoubleToUInt64Bits(NormalQuantile.Inverse(p[i]));
                Assert.Equal(expected, BitConverter.DoubleToUInt64Bits(into[i]));
                Assert.Equal(expected, BitConverter.DoubleToUInt64Bits(inPlace[i]));
            }
        }

        Assert.Throws<ArgumentException>(() => NormalQuantile.Inverse(new double[3], new double[2]));
        double[] shifted = new double[9];
        Assert.Throws<ArgumentException>(() => NormalQuantile.Inverse(shifted.AsSpan(0, 8), shifted.AsSpan(1, 8)));
    }

    [Fact]
    public void NormalsDrawnLaterAreTheNormalsDrawnOneByOne()
    {
        // The same stream drawn both ways, plain and mirrored, with uniforms between: the same bits, the stream at the
        // same place after (the uniform drawn next is the same).
        foreach (bool mirrored in (bool[])[false, true])
        {
            var one = new PathStream(99, 3, mirrored);
            var later = new PathStream(99, 3, mirrored);
            double[] normals = new double[37];
            double[] expected = new double[37];
            for (int i = 0; i < normals.Length; i++)
            {
                expected[i] = one.Normal();
                normals[i] = later.NormalLater();
                if (i % 5 == 4)
                {
                    Assert.Equal(one.Uniform(), later.Uniform());
                }
            }

            later.ToNormals(normals);
            Assert.Equal(expected.Select(BitConverter.DoubleToUInt64Bits), normals.Select(BitConverter.DoubleToUInt64Bits));
            Assert.Equal(one.Uniform(), later.Uniform());
        }
    }

    [Fact]
    public void FourBlocksAtATimeAreTheBlocksOneByOne() =>
        AssertLanesAreBlocks(11, [0, 1, (1UL << 32) - 2, (1UL << 32) - 1, ulong.MaxValue - 3], 4, (b, stream, k0, k1, lane) =>
        {
            var (x0, x1, x2, x3) = Philox.Blocks(b, stream, k0, k1);
            return (x0.GetElement(lane), x1.GetElement(lane), x2.GetElement(lane), x3.GetElement(lane));
        });

    [Fact]
    public void EightBlocksAtATimeAreTheBlocksOneByOne() =>
        // The 512-bit lanes PathStream.Take uses where the runtime takes them as hardware's (elsewhere Vector512 runs
        // in software, with the same words).
        AssertLanesAreBlocks(12, [0, 1, (1UL << 32) - 4, (1UL << 32) - 1, ulong.MaxValue - 7], 8, (b, stream, k0, k1, lane) =>
        {
            var (x0, x1, x2, x3) = Philox.Blocks8(b, stream, k0, k1);
            return (x0.GetElement(lane), x1.GetElement(lane), x2.GetElement(lane), x3.GetElement(lane));
        });

    [Fact]
    public void EightBlocksInTwoGroupsAreTheBlocksOneByOne() =>
        // The two groups of 256-bit lanes PathStream.Take uses where 512-bit vectors are not the hardware's: lanes 0-3
        // the first group's, 4-7 the second's.
        AssertLanesAreBlocks(13, [0, 1, (1UL << 32) - 4, (1UL << 32) - 6, (1UL << 32) - 1, ulong.MaxValue - 7], 8, (b, stream, k0, k1, lane) =>
        {
            Philox.Blocks(b, stream, k0, k1, out Philox.Words low4, out Philox.Words high4);
            Philox.Words w = lane < 4 ? low4 : high4;
            return (w.X0.GetElement(lane % 4), w.X1.GetElement(lane % 4), w.X2.GetElement(lane % 4), w.X3.GetElement(lane % 4));
        });

    // Each lane of a batch of blocks from counter b (counters across a carry into the high word and two at random, under
    // random keys) is Philox.Block's block b + lane.
    static void AssertLanesAreBlocks(int seed, ulong[] counters, int lanes, Func<ulong, uint, uint, uint, int, (ulong, ulong, ulong, ulong)> lane)
    {
        var rng = new Random(seed);
        foreach (ulong b in (ulong[])[.. counters, (ulong)rng.NextInt64(), (ulong)rng.NextInt64()])
        {
            uint stream = (uint)rng.Next(), k0 = (uint)rng.Next(), k1 = (uint)rng.Next();
            for (int l = 0; l < lanes; l++)
            {
                ulong c = b + (ulong)l;
                var one = Philox.Block((uint)c, (uint)(c >> 32), stream, 0, k0, k1);
                Assert.Equal(((ulong)one.X0, (ulong)one.X1, (ulong)one.X2, (ulong)one.X3), lane(b, stream, k0, k1, l));
            }
        }
    }

    [Fact]
    public void DrawsTakenInABatchAreTheDrawsOneByOne()
    {
        // From an even and an odd place in a block, batches of every length to 40 (whole groups of sixteen draws, of
        // eight, and what is left over), then one more draw each way: the same bits and the stream at the same place;
        // taken each way (sixteen at a time: eight blocks in 512-bit lanes with AVX-512, else in two groups of 256-bit
        // ones; eight; one).
        int[] widths = [16, 8, 1];
        Assert.Contains(PathStream.Widest, widths);
        foreach (int widest in widths)
        {
            foreach (bool mirrored in (bool[])[false, true])
            {
                for (int skip = 0; skip < 2; skip++)
                {
                    for (int length = 0; length <= 40; length++)
                    {
                        var one = new PathStream(5, 9, mirrored);
                        var batch = new PathStream(5, 9, mirrored);
                        for (int i = 0; i < skip; i++)
                        {
                            Assert.Equal(one.Uniform(), batch.Uniform());
                        }

                        ulong[] bits = new ulong[length];
                        batch.Take(bits, widest);
                        for (int i = 0; i < length; i++)
                        {
                            double expected = i % 2 == 0 ? one.Uniform() : one.NormalLater();
                            double taken = i % 2 == 0 ? batch.Uniform(bits[i]) : PathStream.NormalLater(bits[i]);
                            Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), BitConverter.DoubleToUInt64Bits(taken));
                        }

                        Assert.Equal(one.Normal(), batch.Normal());
                    }
                }
            }
        }
    }

    /// <summary>FNV-1a over 64-bit words, byte by byte.</summary>
    sealed class Fnv
    {
        public ulong Value { get; private set; } = 14695981039346656037UL;

        public void Add(ulong word)
        {
            for (int b = 0; b < 8; b++)
            {
                Value = (Value ^ ((word >> (8 * b)) & 0xFF)) * 1099511628211UL;
            }
        }
    }
}
