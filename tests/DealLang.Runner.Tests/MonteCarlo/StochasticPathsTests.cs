using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// Stochastic paths against closed forms, each within three standard errors (the computation in a comment). The deal:
/// quarterly from 2026-01-01 to 2030-01-01 (16 periods, 1,461 days), one index at 2.00 (say $/GPU-hour), one party.
/// Period 15 starts on 2029-10-01, 1,369 days (T = 3.750685 years) after the closing.
/// </summary>
public class StochasticPathsTests
{
    static readonly Date Closing = new(2026, 1, 1);
    const int Last = 15;
    const double T = 1369 / 365.0;

    static DealDescription Deal() =>
        TestDeals.Make(Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lessee", "B", 0.05, 0.4)],
            indices: [new IndexInfo("Rent", 2.0, 0.0, null, [])]);

    static ScenarioSpec Stochastic(DealDescription deal, StochasticSpec spec) => ScenarioSpec.AsWritten(deal) with { Name = "Mc", Stochastic = spec };

    static FactorSpec Gbm(double mu, double sigma) => new("Rent", FactorTarget.Index, 0, FactorProcess.Gbm) { Drift = mu, Volatility = sigma };

    static double[] Terminal(StochasticPaths source, int paths)
    {
        var inputs = new PathInputs(source.Deal);
        var x = new double[paths];
        for (int p = 0; p < paths; p++)
        {
            source.Fill(p, inputs);
            x[p] = inputs.IndexLevel[0][Last];
        }

        return x;
    }

    [Fact]
    public void GbmHasItsClosedFormTerminalMeanAndVariance()
    {
        // X_T = X0 exp((μ − σ²/2)T + σW_T): E = X0 e^(μT) = 2 e^(0.05 × 3.750685) = 2 × 1.206272 = 2.412543;
        // Var = X0² e^(2μT)(e^(σ²T) − 1) = 5.820364 × (e^(0.150027) − 1 = 0.161866) = 0.942120.
        DealDescription deal = Deal();
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [Gbm(0.05, 0.20)], null, [])), 7, 40_000);
        double[] x = Terminal(source, source.Count);
        double mean = x.Average(), var = x.Select(v => (v - mean) * (v - mean)).Sum() / (x.Length - 1);
        double m4 = x.Select(v => Math.Pow(v - mean, 4)).Average();
        double expectedMean = 2 * Math.Exp(0.05 * T), expectedVar = 4 * Math.Exp(0.1 * T) * (Math.Exp(0.04 * T) - 1);
        Assert.Equal(2.412543, expectedMean, 5);
        Assert.Equal(0.942120, expectedVar, 5);
        Assert.InRange(mean, expectedMean - (3 * Math.Sqrt(expectedVar / x.Length)), expectedMean + (3 * Math.Sqrt(expectedVar / x.Length)));
        // The sample variance's standard error: √((m4 − s⁴) / N).
        double seVar = Math.Sqrt((m4 - (var * var)) / x.Length);
        Assert.InRange(var, expectedVar - (3 * seVar), expectedVar + (3 * seVar));
    }

    [Fact]
    public void AConstantHazardDefaultsAtOneMinusSurvivalToThePower()
    {
        // PD 5% a year over the run's 1,461 days (T = 4.002740): 1 − 0.95^4.002740 = 1 − 0.814392 = 0.185608.
        // SE = √(p(1 − p) / N) = √(0.185608 × 0.814392 / 40,000) = 0.001944.
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, false, [], null, [new DefaultModel(0, 0.05, [])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 11, 40_000);
        Assert.Equal(1 - Math.Pow(0.95, 1461 / 365.0), source.DefaultInputs[0].HorizonPd, 12);
        Assert.Equal(0.185608, source.DefaultInputs[0].HorizonPd, 5);
        var inputs = new PathInputs(deal);
        int hits = 0;
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            hits += inputs.PartyDefaulted[0][^1] ? 1 : 0;
        }

        double pd = source.DefaultInputs[0].HorizonPd, se = Math.Sqrt(pd * (1 - pd) / source.Count);
        Assert.InRange(hits / (double)source.Count, pd - (3 * se), pd + (3 * se));
    }

    [Fact]
    public void APathIsTheSameBytesFromAnyThreadInAnyOrder()
    {
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, true, [Gbm(0.02, 0.3)], null, [new DefaultModel(0, 0.05, [-0.5])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 99, 64);
        byte[][] Run(IEnumerable<int> order)
        {
            var inputs = new PathInputs(deal);
            var bytes = new byte[64][];
            foreach (int p in order)
            {
                source.Fill(p, inputs);
                bytes[p] = [.. inputs.IndexLevel[0].SelectMany(BitConverter.GetBytes), .. inputs.PartyDefaulted[0].Select(b => (byte)(b ? 1 : 0))];
            }

            return bytes;
        }

        byte[][] forward = Run(Enumerable.Range(0, 64));
        byte[][][] threads = new byte[2][][];
        Parallel.For(0, 2, i => threads[i] = Run(i == 0 ? Enumerable.Range(0, 64).Reverse() : Enumerable.Range(0, 64).Select(p => (p * 37) % 64)));
        for (int p = 0; p < 64; p++)
        {
            Assert.Equal(forward[p], threads[0][p]);
            Assert.Equal(forward[p], threads[1][p]);
        }
    }

    [Fact]
    public void BuffersFilledByTwoSourcesInTurnFindEachItsOwnWork()
    {
        // A source keeps its work arrays (with the drawn default dates and its path memo) on the buffers it fills
        // (PathInputs.SourceMemo) and looks there first: two sources of the same scenario at other seeds filling one set of
        // buffers in turn must each fill its path as into buffers of its own (the two seeds draw other levels and
        // defaults, so a borrowed work or memo would let the other's numbers through), and a path's factor draws read
        // back after its fill stay its own source's (ReadFactorDraws finds the work in the source's table).
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, false, [Gbm(0.02, 0.3)], null, [new DefaultModel(0, 0.2, [-0.5])]);
        var one = new StochasticPaths(deal, Stochastic(deal, spec), 3, 16);
        var other = new StochasticPaths(deal, Stochastic(deal, spec), 4, 16);
        var shared = new PathInputs(deal);
        var alone = new PathInputs(deal);
        var otherAlone = new PathInputs(deal);
        Span<double> sharedShock = stackalloc double[1], aloneShock = stackalloc double[1];
        int differ = 0;
        for (int p = 0; p < 16; p++)
        {
            one.Fill(p, shared);
            one.Fill(p, alone);
            AssertSameInputs(alone, shared, p);
            one.ReadFactorDraws(shared, p, deal.Periods, sharedShock, [0.0], [], []);
            one.ReadFactorDraws(alone, p, deal.Periods, aloneShock, [0.0], [], []);
            Assert.Equal(aloneShock[0], sharedShock[0]);
            other.Fill(p, shared);
            other.Fill(p, otherAlone);
            AssertSameInputs(otherAlone, shared, p);
            differ += alone.IndexLevel[0][Last] != otherAlone.IndexLevel[0][Last] ? 1 : 0;
        }

        Assert.Equal(16, differ); // the seeds' paths differ, so the comparisons above could fail
    }

    static void AssertSameInputs(PathInputs expected, PathInputs actual, int path)
    {
        for (int s = 0; s < expected.Series.Length; s++)
        {
            Assert.True(
                expected.Series[s].Select(BitConverter.DoubleToInt64Bits).SequenceEqual(actual.Series[s].Select(BitConverter.DoubleToInt64Bits)),
                $"path {path}: series {s} differs");
        }

        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.Scalars.Select(BitConverter.DoubleToInt64Bits), actual.Scalars.Select(BitConverter.DoubleToInt64Bits));
    }

    static DealDescription TwoIndexDeal() =>
        TestDeals.Make(Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lessee", "B", 0.05, 0.4)],
            facilities: [TestDeals.StraightLine(1000, 120, 0.2, Closing)],
            indices: [new IndexInfo("Rent", 2.0, 0.0, null, []), new IndexInfo("Sofr", 0.04, 0.0, null, [])]);

    static (double Mean, double Se) MeanAndError(double[] x)
    {
        double mean = x.Average();
        double var = x.Select(v => (v - mean) * (v - mean)).Sum() / (x.Length - 1);
        return (mean, Math.Sqrt(var / x.Length));
    }

    static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    [Fact]
    public void OrnsteinUhlenbeckHasItsClosedFormMeanAndVarianceAtT()
    {
        // Sofr from 4% toward θ = 3% at κ = 0.5, σ = 1% per √year, exact over each period, so at T = 3.750685:
        // E = θ + (X0 − θ) e^(−κT) = 3% + 1% × e^(−1.875342) = 3% + 1% × 0.153302 = 3.153302%;
        // Var = σ² (1 − e^(−2κT)) / 2κ = 0.0001 × (1 − 0.023502) = 0.00009765 (sd 0.988179%).
        DealDescription deal = TwoIndexDeal();
        var factor = new FactorSpec("Sofr", FactorTarget.Index, 1, FactorProcess.MeanReverting) { Speed = 0.5, LongRun = 0.03, Volatility = 0.01 };
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [factor], null, [])), 3, 40_000);
        var inputs = new PathInputs(deal);
        var x = new double[source.Count];
        for (int p = 0; p < x.Length; p++)
        {
            source.Fill(p, inputs);
            x[p] = inputs.IndexLevel[1][Last];
        }

        (double mean, double se) = MeanAndError(x);
        Assert.Equal(0.03153302, 0.03 + (0.01 * Math.Exp(-0.5 * T)), 8);
        Assert.InRange(mean, 0.03153302 - (3 * se), 0.03153302 + (3 * se));
        double var = x.Select(v => (v - mean) * (v - mean)).Sum() / (x.Length - 1);
        // The sample variance of a normal has standard error Var √(2 / (N − 1)).
        double expectedVar = 0.0001 * (1 - Math.Exp(-T));
        Assert.Equal(0.00009765, expectedVar, 8);
        Assert.InRange(var, expectedVar * (1 - (3 * Math.Sqrt(2.0 / (x.Length - 1)))), expectedVar * (1 + (3 * Math.Sqrt(2.0 / (x.Length - 1)))));
        // The index that has no process keeps the deal's row (4% flat).
        Assert.All(inputs.IndexLevel[1].Take(1), v => Assert.Equal(0.04, v));
        Assert.All(inputs.IndexLevel[0], v => Assert.Equal(2.0, v));
    }

    [Theory]
    [InlineData(false, 0.6)]
    [InlineData(true, -0.5)]
    public void CorrelatedShocksReproduceTheInputCorrelation(bool alwaysStressed, double expected)
    {
        // Two GBMs with the same σ and period lengths: ln X_T − ln X0 = Σ_t (a_t + s_t ε_t), so the log levels'
        // correlation is the shocks' ρ. Normal ρ = 60%; stress ρ = −50% with a switch to stress at 1,000 a year (so
        // every path is stressed from its first period: 1 − e^(−1000 × 0.25) = 1) and none back. The sample
        // correlation's standard error is (1 − ρ²) / √N: 0.64 / 141.4 = 0.0045 and 0.75 / 141.4 = 0.0053.
        DealDescription deal = TwoIndexDeal();
        FactorSpec[] factors =
        [
            new("Rent", FactorTarget.Index, 0, FactorProcess.Gbm) { Volatility = 0.3 },
            new("Sofr", FactorTarget.Index, 1, FactorProcess.Gbm) { Volatility = 0.3 },
        ];
        var correlation = new CorrelationSpec([1, 0.6, 0.6, 1], alwaysStressed ? [1, -0.5, -0.5, 1] : null, alwaysStressed ? 1000 : 0, 0);
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, factors, correlation, [])), 5, 20_000);
        var inputs = new PathInputs(deal);
        double[] a = new double[source.Count], b = new double[source.Count];
        for (int p = 0; p < a.Length; p++)
        {
            source.Fill(p, inputs);
            a[p] = Math.Log(inputs.IndexLevel[0][Last]);
            b[p] = Math.Log(inputs.IndexLevel[1][Last]);
        }

        double se = (1 - (expected * expected)) / Math.Sqrt(a.Length);
        Assert.InRange(Correlation(a, b), expected - (3 * se), expected + (3 * se));
    }

    [Fact]
    public void AntitheticPairsReduceTheVarianceOfAMonotonePayoff()
    {
        // A call on the GBM's terminal level, max(X_T − 2, 0), is monotone in every shock, so f(Z) and f(−Z) are
        // negatively correlated: the variance of a pair's mean is below half the variance of one path (what two
        // independent paths give). Measured, it is about a fifth of it here; the test asks for below 60%.
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, true, [Gbm(0.05, 0.2)], null, []);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 21, 20_000);
        double[] x = Terminal(source, source.Count).Select(v => Math.Max(v - 2, 0)).ToArray();
        double[] pairs = Enumerable.Range(0, x.Length / 2).Select(k => (x[2 * k] + x[(2 * k) + 1]) / 2).ToArray();
        double Var(double[] v)
        {
            double m = v.Average();
            return v.Select(y => (y - m) * (y - m)).Sum() / (v.Length - 1);
        }

        Assert.True(Var(pairs) < 0.6 * Var(x) / 2, $"pair variance {Var(pairs)}, half the single-path variance {Var(x) / 2}");
    }

    [Fact]
    public void LogReversionToTheTrendKeepsTheTrendAsItsMeanAndJumpsStepItDown()
    {
        // Log-OU around the trend (2.00 flat), mean-corrected: E[X_T] = trend_T = 2.00. With Poisson launches at
        // λ = 0.5 a year, each 30% down, E[(1 − d)^N_T] = e^(−λ T d) = e^(−0.5 × 3.750685 × 0.3) = 0.569724, so the
        // mean is 2 × 0.569724 = 1.139449.
        DealDescription deal = Deal();
        var plain = new FactorSpec("Rent", FactorTarget.Index, 0, FactorProcess.LogMeanReverting) { Speed = 1.0, Volatility = 0.4 };
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [plain], null, [])), 8, 40_000);
        (double mean, double se) = MeanAndError(Terminal(source, source.Count));
        Assert.InRange(mean, 2 - (3 * se), 2 + (3 * se));

        var jumps = plain with { JumpIntensity = 0.5, JumpDown = 0.3 };
        source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [jumps], null, [])), 8, 40_000);
        (mean, se) = MeanAndError(Terminal(source, source.Count));
        Assert.Equal(1.139449, 2 * Math.Exp(-0.5 * T * 0.3), 6);
        Assert.InRange(mean, 1.139449 - (3 * se), 1.139449 + (3 * se));
    }

    [Fact]
    public void LogReversionToARisingTrendKeepsTheTrendAsItsMeanPath()
    {
        // The deal's index deflates 10% a year; the scenario's 'Rent grow 10% per year' (a deflation of −10%) replaces
        // it, so the trend rises: trend_t = 2 × 1.1^(days_t / 365), 2.859440 at period 15 (2 × e^(3.750685 × ln 1.1 =
        // 0.3574785)). Log-OU around it, mean-corrected, has the trend as its mean at every period start: each within
        // three standard errors.
        DealDescription deal = TestDeals.Make(Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lessee", "B", 0.05, 0.4)],
            indices: [new IndexInfo("Rent", 2.0, 0.10, null, [])]);
        var process = new FactorSpec("Rent", FactorTarget.Index, 0, FactorProcess.LogMeanReverting) { Speed = 0.6, Volatility = 0.25 };
        ScenarioSpec scenario = Stochastic(deal, new StochasticSpec(null, null, false, [process], null, [])) with
        {
            Indices = [new IndexOverride(null, -0.10, null, [], 0)],
        };
        var source = new StochasticPaths(deal, scenario, 39, 20_000);
        var inputs = new PathInputs(deal);
        var sums = new double[Last + 1];
        var squares = new double[Last + 1];
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            for (int t = 0; t <= Last; t++)
            {
                double x = inputs.IndexLevel[0][t];
                sums[t] += x;
                squares[t] += x * x;
            }
        }

        Assert.Equal(2.859440, 2 * Math.Pow(1.1, T), 6);
        for (int t = 0; t <= Last; t++)
        {
            double trend = 2 * Math.Pow(1.1, Date.DaysBetween(Closing, deal.Boundaries[t]) / 365.0);
            double mean = sums[t] / source.Count;
            double se = Math.Sqrt(Math.Max(0, (squares[t] / source.Count) - (mean * mean)) / source.Count);
            Assert.InRange(mean, trend - (3 * se) - 1e-12, trend + (3 * se) + 1e-12);
        }

        // Not the declared deflating trend: by period 15 the mean is far above 2 × 0.9^T = 1.347.
        Assert.True(sums[Last] / source.Count > 2.5, $"mean {sums[Last] / source.Count}");
    }

    [Fact]
    public void ADrawnCompletionIndexKeepsItsScheduleApartFromThePathsLevels()
    {
        // A completion index (0%, 50% from 2027-01-01, 100% from 2027-07-01) in a deal whose forward tests project it
        // (ProjectsCompletion): its schedule slot is the row without the path's draws, the forward projection's
        // (docs/language.md §7, "Forward debt service"); the level slot the path's. Jumps alone (λ = 2 a year, 50% down)
        // step the level below the schedule; the schedule stays the deterministic row on every path, and a
        // deterministic scenario's schedule is its level row to the bit.
        DealDescription deal = TestDeals.Make(Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lessee", "B", 0.05, 0.4)],
            indices: [new IndexInfo("Built", 0.0, 0.0, new IndexPoints(false, [new Date(2027, 1, 1), new Date(2027, 7, 1)], [0.5, 1.0]), [])],
            projectsCompletion: true);
        var deterministic = new PathInputs(deal);
        DealPaths.For(deal).Fill(ScenarioSpec.AsWritten(deal), deterministic);
        double[] schedule = [.. deterministic.IndexLevel[0]];
        Assert.Equal(schedule, deterministic.IndexSchedule[0]);
        Assert.Equal([0.0, 0.5, 1.0], schedule.Distinct());

        var jumps = new FactorSpec("Built", FactorTarget.Index, 0, FactorProcess.LogMeanReverting) { JumpIntensity = 2.0, JumpDown = 0.5 };
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [jumps], null, [])), 3, 200);
        var inputs = new PathInputs(deal);
        int behind = 0;
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            Assert.Equal(schedule, inputs.IndexSchedule[0]);
            behind += inputs.IndexLevel[0][Last] < schedule[Last] ? 1 : 0;
        }

        // P(no jump over 3.75 years) = e^(−7.5) = 0.06%: nearly every path ends behind the schedule.
        Assert.True(behind > 190, $"{behind} of 200 paths behind the schedule");
    }

    [Fact]
    public void ACopulaKeepsTheMarginalPdAndTiesDefaultsToTheFactor()
    {
        // A loading of 60% on the rent factor leaves the horizon PD at 18.5608% (the copula keeps the marginal), and
        // makes the lessee default more on paths whose rent shock is negative than on those where it is positive.
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, false, [Gbm(0, 0.3)], null, [new DefaultModel(0, 0.05, [0.6])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 13, 40_000);
        var inputs = new PathInputs(deal);
        int hits = 0, downHits = 0, down = 0;
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            bool defaulted = inputs.PartyDefaulted[0][^1];
            hits += defaulted ? 1 : 0;
            if (inputs.IndexLevel[0][Last] < 2 * Math.Exp(-0.045 * T))
            {
                // Below its median 2 e^(−σ²T/2) over the first 15 periods: a negative shock.
                down++;
                downHits += defaulted ? 1 : 0;
            }
        }

        double pd = 0.185608, se = Math.Sqrt(pd * (1 - pd) / source.Count);
        Assert.InRange(hits / (double)source.Count, pd - (3 * se), pd + (3 * se));
        Assert.True(downHits / (double)down > 1.5 * (hits - downHits) / (double)(source.Count - down));
    }

    [Theory]
    [InlineData(0.0, 0.0)]    // one regime: Z's loaded part has variance βᵀRβ = 0.25 + 0.25 + 2 × 0.25 × 0.8 = 0.9
    [InlineData(1000.0, 0.0)] // stressed from the first period: βᵀR′β = 0.25 + 0.25 + 2 × 0.25 × (−0.5) = 0.25
    [InlineData(2.0, 2.0)]    // switching both ways at 2 a year: each path its own mix of the two
    public void ACopulaOnCorrelatedFactorsKeepsTheMarginalPd(double toStress, double toNormal)
    {
        // Loadings of 50% on two factors correlated 80% (stress −50%). The idiosyncratic weight must be √(1 − βᵀRβ),
        // βᵀRβ under the regimes the path went through, for Z to be a standard normal and the horizon PD to stay
        // 1 − 0.95^(1461/365) = 18.5608% (the lessee's 5% a year over the 16 quarters). With √(1 − Σβ²) = √0.5, Z's
        // variance would be 0.9 + 0.5 = 1.4 and the PD Φ(Φ⁻¹(0.185608) / √1.4) = Φ(−0.8942 / 1.1832) = 22.5% (one
        // regime), or with the stress 0.25 + 0.5 = 0.75 and Φ(−0.8942 / 0.8660) = 15.1%: far outside three standard
        // errors, √(0.1856 × 0.8144 / 40,000) = 0.19%.
        DealDescription deal = TwoIndexDeal();
        FactorSpec[] factors =
        [
            new("Rent", FactorTarget.Index, 0, FactorProcess.Gbm) { Volatility = 0.3 },
            new("Sofr", FactorTarget.Index, 1, FactorProcess.Gbm) { Volatility = 0.3 },
        ];
        CorrelationSpec correlation = toStress == 0
            ? new CorrelationSpec([1, 0.8, 0.8, 1], null, 0, 0)
            : new CorrelationSpec([1, 0.8, 0.8, 1], [1, -0.5, -0.5, 1], toStress, toNormal);
        var spec = new StochasticSpec(null, null, false, factors, correlation, [new DefaultModel(0, 0.05, [0.5, 0.5])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 17, 40_000);
        var inputs = new PathInputs(deal);
        int hits = 0;
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            hits += inputs.PartyDefaulted[0][^1] ? 1 : 0;
        }

        double pd = 1 - Math.Pow(0.95, 1461 / 365.0), se = Math.Sqrt(pd * (1 - pd) / source.Count);
        Assert.Equal(0.185608, pd, 6);
        Assert.InRange(hits / (double)source.Count, pd - (3 * se), pd + (3 * se));
    }

    [Fact]
    public void LoadingsWhoseVarianceWithTheCorrelationsPassesOneAreRefused()
    {
        // 0.6 and 0.6 on factors correlated 80%: Σβ² = 0.72 would pass, but βᵀRβ = 0.72 + 2 × 0.36 × 0.8 = 1.296.
        DealDescription deal = TwoIndexDeal();
        FactorSpec[] factors =
        [
            new("Rent", FactorTarget.Index, 0, FactorProcess.Gbm) { Volatility = 0.3 },
            new("Sofr", FactorTarget.Index, 1, FactorProcess.Gbm) { Volatility = 0.3 },
        ];
        var spec = new StochasticSpec(null, null, false, factors, new CorrelationSpec([1, 0.8, 0.8, 1], null, 0, 0), [new DefaultModel(0, 0.05, [0.6, 0.6])]);
        var error = Assert.ThrowsAny<ArgumentException>(() => new StochasticPaths(deal, Stochastic(deal, spec), 17, 10));
        Assert.Contains("βᵀRβ", error.Message, StringComparison.Ordinal);
        Assert.Contains("above 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADrawnDeflationHasItsMeanAndVolatilityAndReachesTheFacilityValue()
    {
        // Campus.value deflate 4% volatility 3%: d = 4% + 3% Z per path; the sample mean within 3 × 3% / √N of 4%.
        DealDescription deal = TwoIndexDeal();
        var factor = new FactorSpec("Campus.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 };
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [factor], null, [])), 4, 20_000);
        var inputs = new PathInputs(deal);
        var d = new double[source.Count];
        var unstressed = new PathInputs(deal);
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), unstressed);
        for (int p = 0; p < d.Length; p++)
        {
            source.Fill(p, inputs);
            d[p] = source.Drawn(inputs).FacilityStress[0].DeflatePerYear;
            // The value at the last period end is the unstressed one times (1 − d)^years (MonthCount, ACT/365.25).
            double years = Date.DaysBetween(Closing, new Date(2030, 1, 1)) / 365.25;
            Assert.Equal(unstressed.FacilityValue[0][^1] * Math.Pow(1 - d[p], years), inputs.FacilityValue[0][^1], 9);
        }

        (double mean, _) = MeanAndError(d);
        Assert.InRange(mean, 0.04 - (3 * 0.03 / Math.Sqrt(d.Length)), 0.04 + (3 * 0.03 / Math.Sqrt(d.Length)));
        double sd = Math.Sqrt(d.Select(v => (v - mean) * (v - mean)).Sum() / (d.Length - 1));
        Assert.InRange(sd, 0.03 * (1 - (3 / Math.Sqrt(2.0 * d.Length))), 0.03 * (1 + (3 / Math.Sqrt(2.0 * d.Length))));
    }

    [Fact]
    public void DrawnRatesPathShocksAreDrawnDirectlyWithTheirCorrelationAndMirrored()
    {
        // Two drawn rates correlated 70%, one regime: each path draws Z = L ξ (two normals), so the rates d = 4% + 3% Z₀
        // and m = 3% + 4% Z₁ have correlation 0.7; the sample correlation's SE is about (1 − ρ²) / √N = 0.51 / √20,000
        // = 0.0036. Antithetic: path 2k+1's rates are path 2k's reflected about their means.
        DealDescription deal = TwoIndexDeal();
        FactorSpec[] factors =
        [
            new("Campus.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 },
            new("market_rent", FactorTarget.MarketRentDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.03, Volatility = 0.04 },
        ];
        var correlation = new CorrelationSpec([1, 0.7, 0.7, 1], null, 0, 0);
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, true, factors, correlation, [])), 6, 20_000);
        Assert.True(source.DrawsPathShocksDirectly);
        var inputs = new PathInputs(deal);
        var d = new double[source.Count];
        var m = new double[source.Count];
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            d[p] = drawn.FacilityStress[0].DeflatePerYear;
            m[p] = drawn.MarketRentDeflation;
            if ((p & 1) == 1)
            {
                Assert.Equal(0.04 - d[p - 1], d[p] - 0.04, 12);
                Assert.Equal(0.03 - m[p - 1], m[p] - 0.03, 12);
            }
        }

        double md = d.Average(), mm = m.Average();
        double cov = d.Zip(m, (x, y) => (x - md) * (y - mm)).Sum(), vd = d.Sum(x => (x - md) * (x - md)), vm = m.Sum(y => (y - mm) * (y - mm));
        double rho = cov / Math.Sqrt(vd * vm), se = (1 - (0.7 * 0.7)) / Math.Sqrt(source.Count);
        Assert.InRange(rho, 0.7 - (3 * se), 0.7 + (3 * se));

        // An index factor or a stress regime: the per-period draw stays (a process reads every period's shock).
        FactorSpec index = Gbm(0.0, 0.2);
        Assert.False(new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [factors[0], index], null, [])), 6, 1).DrawsPathShocksDirectly);
        var regimes = new CorrelationSpec([1, 0.2, 0.2, 1], [1, 0.9, 0.9, 1], 0.5, 1.0);
        Assert.False(new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, factors, regimes, [])), 6, 1).DrawsPathShocksDirectly);
    }

    [Fact]
    public void SobolPointsEstimateASmoothPayoffWithLessVarianceThanPlainMonteCarlo()
    {
        // Two drawn rates correlated 70% and a drawn default: 3 Sobol dimensions. The payoff: the campus's value at the
        // last period end, smooth in the drawn deflation (unstressed × (1 − d)^years). Its mean over N = 1,024 paths
        // is estimated R = 24 times, each with another seed (for Sobol: another digital shift, an independent
        // randomisation; for plain Monte Carlo: another Philox key). The replicates' variance of the Sobol estimate is
        // below a tenth of plain Monte Carlo's at the same N (in theory O(N^-2) against O(N^-1) for a smooth payoff);
        // both estimates are unbiased, so their grand means agree within 4 SE of the plain one.
        DealDescription deal = TwoIndexDeal();
        FactorSpec[] factors =
        [
            new("Campus.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 },
            new("market_rent", FactorTarget.MarketRentDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.03, Volatility = 0.04 },
        ];
        var correlation = new CorrelationSpec([1, 0.7, 0.7, 1], null, 0, 0);
        DefaultModel[] defaults = [new(0, 0.05, [0.3, 0.3])];
        const int n = 1024, r = 24;
        double[] Estimates(bool sobol)
        {
            var estimates = new double[r];
            var inputs = new PathInputs(deal);
            for (int rep = 0; rep < r; rep++)
            {
                var spec = new StochasticSpec(null, null, false, factors, correlation, defaults) { Sobol = sobol };
                var source = new StochasticPaths(deal, Stochastic(deal, spec), 1000UL + (ulong)rep, n);
                Assert.Equal(sobol, source.UsesSobol);
                double sum = 0;
                for (int p = 0; p < n; p++)
                {
                    source.Fill(p, inputs);
                    sum += inputs.FacilityValue[0][^1];
                }

                estimates[rep] = sum / n;
            }

            return estimates;
        }

        double[] quasi = Estimates(sobol: true), plain = Estimates(sobol: false);
        static double Variance(double[] x)
        {
            double mean = x.Average();
            return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
        }

        Assert.True(Variance(quasi) < Variance(plain) / 10, $"Sobol variance {Variance(quasi)}, plain {Variance(plain)}");
        double se = Math.Sqrt(Variance(plain) / r);
        Assert.InRange(quasi.Average() - plain.Average(), -4 * se, 4 * se);
    }

    [Fact]
    public void SobolPathsAreTheSameInAnyOrderAndTheSeedShiftsThem()
    {
        // Path i is point i under the seed's shift, computed alone: filling paths backwards gives the same numbers,
        // and another seed other numbers. A path's drawn rate is m + s Z with Z = Φ⁻¹((x ⊕ shift + ½) / 2³²) (one factor).
        DealDescription deal = TwoIndexDeal();
        var factor = new FactorSpec("Campus.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 };
        var spec = new StochasticSpec(null, null, false, [factor], null, []) { Sobol = true };
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 5, 64);
        var inputs = new PathInputs(deal);
        var forward = new double[64];
        for (int p = 0; p < 64; p++)
        {
            source.Fill(p, inputs);
            forward[p] = source.Drawn(inputs).FacilityStress[0].DeflatePerYear;
        }

        uint shift = StochasticPaths.SobolShift(5, 1)[0];
        for (int p = 63; p >= 0; p--)
        {
            source.Fill(p, inputs);
            Assert.Equal(forward[p], source.Drawn(inputs).FacilityStress[0].DeflatePerYear);
            double z = NormalQuantile.Inverse(((SobolPoints.Point((uint)p, 0) ^ shift) + 0.5) / 4294967296.0);
            Assert.Equal(0.04 + (0.03 * z), forward[p]);
        }

        var other = new StochasticPaths(deal, Stochastic(deal, spec), 6, 64);
        other.Fill(3, inputs);
        Assert.NotEqual(forward[3], other.Drawn(inputs).FacilityStress[0].DeflatePerYear);

        // Where it does not fit, the source refuses it as the compiler does (DL0542, DL0543).
        Assert.Throws<ArgumentException>(() => new StochasticPaths(deal, Stochastic(deal, spec with { Antithetic = true }), 5, 1));
        var index = new StochasticSpec(null, null, false, [Gbm(0, 0.2)], null, []) { Sobol = true };
        Assert.Contains("'sobol'", Assert.Throws<ArgumentException>(() => new StochasticPaths(deal, Stochastic(deal, index), 5, 1)).Message);
    }

    [Fact]
    public void AScenarioThatDoesNotFitIsAUserMessage()
    {
        DealDescription deal = Deal();
        var notPositive = new CorrelationSpec([1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1], null, 0, 0);
        FactorSpec[] three = [Gbm(0, 0.1), Gbm(0, 0.1) with { Name = "B" }, Gbm(0, 0.1) with { Name = "C" }];
        var e = Assert.Throws<ArgumentException>(() => new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, three, notPositive, [])), 1, 1));
        Assert.Contains("not positive semi-definite", e.Message);
        e = Assert.Throws<ArgumentException>(() => new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [Gbm(0, 0.1)], null, [new DefaultModel(0, 0.05, [0.8, 0.8])])), 1, 1));
        Assert.Contains("loadings", e.Message);
        e = Assert.Throws<ArgumentException>(() => new StochasticPaths(deal, ScenarioSpec.AsWritten(deal), 1, 1));
        Assert.Contains("no stochastic items", e.Message);
        Assert.Equal(StochasticSpec.DefaultPaths, StochasticPaths.DefaultPaths(Stochastic(deal, new StochasticSpec(null, null, false, [], null, []))));
        Assert.Equal(42UL, StochasticPaths.DefaultSeed(Stochastic(deal, new StochasticSpec(500, 42, false, [], null, []))));
    }

    [Fact]
    public void AFilledBufferAllocatesNothingOnItsNextPaths()
    {
        DealDescription deal = TwoIndexDeal();
        FactorSpec[] factors =
        [
            Gbm(0.02, 0.3),
            new("Sofr", FactorTarget.Index, 1, FactorProcess.MeanReverting) { Speed = 0.5, LongRun = 0.03, Volatility = 0.01, JumpIntensity = 0.3, JumpDown = 0.1 },
            new("Campus.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 },
        ];
        var correlation = new CorrelationSpec([1, 0.3, 0.2, 0.3, 1, 0.1, 0.2, 0.1, 1], [1, 0.7, 0.6, 0.7, 1, 0.5, 0.6, 0.5, 1], 0.2, 1.0);
        var spec = new StochasticSpec(null, null, true, factors, correlation, [new DefaultModel(0, 0.05, [0.3, 0.2, 0.1])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 9, 1000);
        var inputs = new PathInputs(deal);
        source.Fill(0, inputs);
        source.Fill(1, inputs);
        AllocationWindows.AssertOneAllocatesNothing("198 fills", () =>
        {
            for (int p = 2; p < 200; p++)
            {
                source.Fill(p, inputs);
            }
        });
    }

    [Fact]
    public void APdTermStructureCompoundsEachPiecesHazard()
    {
        // PD 2% a year to 2028-01-01 (730 days: 2 years), then 10%: H(T) = −ln 0.98 × 2 + −ln 0.90 × (4.002740 − 2)
        // = 0.040405 + 0.211010 = 0.251415, so the PD to maturity is 1 − e^(−0.251415) = 22.2301%; by 2028-01-01
        // (period 7 ends there) it is 1 − 0.98² = 3.96%. SEs √(p(1 − p) / 40,000): 0.002079 and 0.000975.
        DealDescription deal = Deal();
        var model = new DefaultModel(0, 0.02, []) { Steps = [new PdStep(new Date(2028, 1, 1), 0.10)] };
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [], null, [model])), 31, 40_000);
        Assert.Equal(0.222301, source.DefaultInputs[0].HorizonPd, 6);
        var inputs = new PathInputs(deal);
        int byMaturity = 0, by2028 = 0;
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            byMaturity += inputs.PartyDefaulted[0][^1] ? 1 : 0;
            by2028 += inputs.PartyDefaulted[0][7] ? 1 : 0;
        }

        Assert.Equal(new Date(2028, 1, 1), deal.Boundaries[8]);
        Assert.InRange(byMaturity / 40_000.0, 0.222301 - (3 * 0.002079), 0.222301 + (3 * 0.002079));
        Assert.InRange(by2028 / 40_000.0, 0.0396 - (3 * 0.000975), 0.0396 + (3 * 0.000975));
    }
}
