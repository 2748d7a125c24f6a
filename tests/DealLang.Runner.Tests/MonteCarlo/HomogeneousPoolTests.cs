using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using MathNet.Numerics.Distributions;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// The number of defaults in a homogeneous pool of obligors whose drawn defaults load on one factor, against
/// Vasicek's one-factor model (docs/language.md §10, "Stochastic scenarios": Z = β Z₁ + √(1 − β²) η, default by T
/// when Z ≤ Φ⁻¹(PD_T)). The deal: quarterly from 2026-01-01 to 2030-01-01 (1,461 days; a party is flagged defaulted in
/// the last period when ⌈365 τ⌉ ≤ 1,461, i.e. τ ≤ T = 1,461 / 365 = 4.002740 years), N = 40 parties each with PD 5% a
/// year and loading β = 0.5 (asset correlation ρ = β² = 25%) on the path shock of one GBM index.
/// </summary>
public class HomogeneousPoolTests
{
    const int N = 40;
    const double Beta = 0.5;
    const int Paths = 20_000;
    static readonly Date Closing = new(2026, 1, 1);

    // PD_T = 1 − 0.95^4.002740 = 0.185608 (as in StochasticPathsTests), so the default threshold is
    // a = Φ⁻¹(0.185608) = −0.894197.
    static readonly double PdT = 1 - Math.Pow(0.95, 1461 / 365.0);

    /// <summary>The draws of the number of defaults by the run's end, path by path.</summary>
    static int[] DefaultCounts()
    {
        var parties = Enumerable.Range(0, N).Select(i => new PartyInfo("Obligor" + i, "BB", 0.05, 0.4)).ToArray();
        DealDescription deal = TestDeals.Make(
            Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: parties,
            indices: [new IndexInfo("Rent", 2.0, 0.0, null, [])]);
        var spec = new StochasticSpec(
            null,
            null,
            false,
            [new FactorSpec("Rent", FactorTarget.Index, 0, FactorProcess.Gbm) { Drift = 0.0, Volatility = 0.2 }],
            null,
            [.. Enumerable.Range(0, N).Select(p => new DefaultModel(p, 0.05, [Beta]))]);
        var scenario = ScenarioSpec.AsWritten(deal) with { Name = "Pool", Stochastic = spec };
        var source = new StochasticPaths(deal, scenario, 2026, Paths);
        var inputs = new PathInputs(deal);
        var counts = new int[Paths];
        for (int path = 0; path < Paths; path++)
        {
            source.Fill(path, inputs);
            for (int p = 0; p < N; p++)
            {
                counts[path] += inputs.PartyDefaulted[p][^1] ? 1 : 0;
            }
        }

        return counts;
    }

    /// <summary>P(K ≤ k) for the finite pool, exactly: K given Z₁ = z is binomial(N, p(z)) with
    /// p(z) = Φ((a − β z) / √(1 − β²)), so P(K ≤ k) = ∫ BinomialCdf(k; N, p(z)) φ(z) dz (trapezoid on [−8, 8], step
    /// 0.002: the integrand is smooth and the tails beyond ±8 weigh below 1e-15). As N grows, K / N tends to
    /// Vasicek's distribution P(L ≤ x) = Φ((√(1 − ρ) Φ⁻¹(x) − a) / √ρ).</summary>
    static double PoolCdf(int k)
    {
        double a = Normal.InvCDF(0, 1, PdT);
        const double h = 0.002;
        double sum = 0;
        for (int i = 0; i <= 8000; i++)
        {
            double z = -8 + (i * h);
            double p = Normal.CDF(0, 1, (a - (Beta * z)) / Math.Sqrt(1 - (Beta * Beta)));
            double w = i == 0 || i == 8000 ? 0.5 : 1.0;
            sum += w * Binomial.CDF(p, N, k) * Normal.PDF(0, 1, z);
        }

        return sum * h;
    }

    [Fact]
    public void TheDefaultCountFollowsTheOneFactorMixture()
    {
        int[] counts = DefaultCounts();

        // The mean is N × PD_T whatever the correlation: 40 × 0.185608 = 7.424; its SE is √(Var K / paths), with
        // Var K = N PD_T (1 − PD_T) + N (N − 1) (Φ₂(a, a; ρ) − PD_T²) (the pairs' joint default); bounded here by the
        // sample variance.
        double mean = counts.Average();
        double variance = counts.Select(c => (c - mean) * (c - mean)).Sum() / (Paths - 1);
        Assert.Equal(7.424, N * PdT, 3);
        Assert.InRange(mean, (N * PdT) - (3 * Math.Sqrt(variance / Paths)), (N * PdT) + (3 * Math.Sqrt(variance / Paths)));

        // Correlation fattens the tail far beyond independent defaults' binomial (variance N PD_T (1 − PD_T) = 6.046):
        // with ρ = 25% the mixture's variance is several times that, and the sample must show it.
        Assert.True(variance > 3 * N * PdT * (1 - PdT), $"variance {variance} is not fat-tailed");

        // The distribution at several counts, each within 4 SE of the exact mixture (√(F (1 − F) / paths); 4 rather
        // than 3 as five points are compared at once).
        foreach (int k in new[] { 1, 4, 8, 14, 22 })
        {
            double expected = PoolCdf(k);
            double observed = counts.Count(c => c <= k) / (double)Paths;
            double se = Math.Sqrt(expected * (1 - expected) / Paths);
            Assert.InRange(observed, expected - (4 * se), expected + (4 * se));
        }
    }

    [Fact]
    public void TheMixtureTendsToVasicekForALargePool()
    {
        // A check of the oracle itself, not of the simulation: at x = 30% (12 defaults of 40) Vasicek's large-pool
        // CDF Φ((√0.75 Φ⁻¹(0.3) − a) / 0.5) = Φ((0.866025 × −0.524401 + 0.894197) / 0.5) = Φ(0.880106) = 0.810599;
        // the finite pool of 40 lies near it (its granularity moves it by a few points).
        double a = Normal.InvCDF(0, 1, PdT);
        double vasicek = Normal.CDF(0, 1, ((Math.Sqrt(0.75) * Normal.InvCDF(0, 1, 0.3)) - a) / 0.5);
        Assert.Equal(0.810599, vasicek, 4);
        Assert.InRange(PoolCdf(12), vasicek - 0.06, vasicek + 0.06);
    }
}
