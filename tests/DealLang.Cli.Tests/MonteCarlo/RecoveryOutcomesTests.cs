using DealLang.Cli.Tests.Corrections;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A default's recovery drawn from outcomes (docs/language.md §10, "Drawn recovery outcomes"):
/// <c>recovery drawn at 0% with 30%, 60% with 70%</c> turns the path's uniform U into the smallest R_j with
/// p_1 + … + p_j ≥ U, U one number of the path's stream where a beta draws its gamma variates (1 − u on an antithetic
/// mirror), or, loaded, Φ(√(1 − γᵀRγ) ε + Σ γ_k Z_k) as a beta's is.
/// </summary>
public sealed class RecoveryOutcomesTests
{
    // DatedRecoveryTests' lease to Tenant (a fee of 8m amortising to 2m over the 730-day term, an RVG of 120m capped at
    // 30m), and WrongWayRecoveryTests' bullet loan of 20m to Other (no recovery of its own, so it recovers Other's drawn
    // recovery: on a path where Other defaults by 2029-12-31 it loses 20m × (1 − R)).
    private const string Source = WrongWayRecoveryTests.Deal + """

        scenario NoBuyer for Leased {
          paths 1
          seed  3
          Tenant defaults on 2026-08-15 recovery drawn at 0% with 30%, 60% with 70%
        }

        scenario Mirrored for Leased {
          paths 2
          seed  3
          antithetic
          Tenant defaults on 2026-08-15 recovery drawn at 0% with 30%, 60% with 70%
        }

        scenario ThreeBuyers for Leased {
          paths 1
          seed  3
          Tenant defaults on 2026-08-15 recovery drawn at 15% with 20%, 30% with 30%, 50% with 50%
        }

        scenario OnTheFactor for Leased {
          paths 1
          seed  3
          Campus.value deflate 5% per year volatility 10% per year
          Tenant defaults on 2026-08-15 recovery drawn at 0% with 30%, 60% with 70% loading Campus.value -100%
        }

        scenario TwoPoint for Leased {
          paths 1
          seed  3
          Other defaults drawn recovery drawn at 0% with 30%, 60% with 70%
        }

        scenario NoBuyerElseBeta for Leased {
          paths 1
          seed  3
          Tenant defaults on 2026-08-15 recovery drawn at 0% with 30% else beta mean 50% sd 22.3606797749979%
        }

        scenario SameMeanBeta for Leased {
          paths 1
          seed  3
          Other defaults drawn recovery beta mean 42% sd 27.4955%
        }
        """;

    [Fact]
    public void A_path_gets_the_outcome_its_uniform_gives_and_it_reaches_the_fee_and_the_rvg()
    {
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        int tenant = compiled.Party("Tenant");

        // NoBuyer draws nothing but the recovery, so its U is path 0's first uniform at seed 3, u = 0.8167 (pinned
        // below): above p_1 = 30%, so R = 60% (the smallest R_j with p_1 + … + p_j ≥ u: 30% < u ≤ 100%).
        var rng = new PathStream(3, 0, mirrored: false);
        double u = rng.Uniform();
        Assert.Equal(0.8167, u, 4);
        var inputs = new PathInputs(compiled.Deal);
        compiled.Source("NoBuyer", 3, 1).Fill(0, inputs);
        Assert.Equal(0.6, inputs.PartyRecovery[tenant]);

        // The antithetic mirror, path 1, draws 1 − u = 0.1833 ≤ 30%: no buyer, R = 0. Path 0 is path 0 of the plain stream.
        StochasticPaths mirrored = compiled.Source("Mirrored", 3, 2);
        mirrored.Fill(0, inputs);
        Assert.Equal(0.6, inputs.PartyRecovery[tenant]);
        mirrored.Fill(1, inputs);
        Assert.Equal(0.0, inputs.PartyRecovery[tenant]);

        // Three outcomes at the same u: c = (20%, 50%, 100%), the first c_j ≥ 0.8167 is the third, R = 50%.
        compiled.Source("ThreeBuyers", 3, 1).Fill(0, inputs);
        Assert.Equal(0.5, inputs.PartyRecovery[tenant]);

        // The recovery reaches what the party's fixed one does: the fee owed on 2026-08-15 with 504 of the 730 days left,
        // 2m + 6m × 504/730 = 6,142,465.75, received × 60% = 3,685,479.45 in Q3 2026 (period 2); the RVG
        // min(30m, 120m − 77m) × 60% (the campus's value at the period's end 80m × (1 − 0.75 / 20) = 77m): 30m × 60% = 18m.
        var small = new SmallDeal(Source);
        Assert.Equal((2_000_000 + (6_000_000.0 * 504 / 730)) * 0.6, small.Ledger("termination fee L", 2, "NoBuyer"), 1e-3);
        Assert.Equal(18_000_000, small.Ledger("rvg L", 2, "NoBuyer"), 1e-3);

        // Every path of many: R is the quantile of the path's one uniform.
        StochasticPaths many = compiled.Source("NoBuyer", 2026, 500);
        for (int p = 0; p < 500; p++)
        {
            var stream = new PathStream(2026, (uint)p, mirrored: false);
            double up = stream.Uniform();
            many.Fill(p, inputs);
            Assert.Equal(up <= 0.3 ? 0.0 : 0.6, inputs.PartyRecovery[tenant]);
        }
    }

    [Fact]
    public void Loaded_on_a_factor_the_outcome_is_the_quantile_of_the_copulas_uniform()
    {
        // Loaded −100% on the campus's value deflation: v = 1, so the own normal's weight √(1 − v) is 0 and U = Φ(−Z),
        // Z = (rate − 5%) / 10% the path's shock. R = 0 (no buyer) exactly where Φ(−Z) ≤ 30%, i.e. Z ≥ −Φ⁻¹(0.3) = 0.5244:
        // the value falling fast. A negative loading on a deflation is wrong-way, as for a beta.
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        StochasticPaths source = compiled.Source("OnTheFactor", 3, 400);
        var inputs = new PathInputs(compiled.Deal);
        int tenant = compiled.Party("Tenant");
        int campus = Array.FindIndex(compiled.Deal.Facilities, f => f.Name == "Campus");
        int noBuyer = 0;
        for (int p = 0; p < 400; p++)
        {
            source.Fill(p, inputs);
            double z = (source.Drawn(inputs).FacilityStress[campus].DeflatePerYear - 0.05) / 0.10;
            double expected = NormalQuantile.Cdf(-z) <= 0.3 ? 0.0 : 0.6;
            Assert.Equal(expected, inputs.PartyRecovery[tenant]);
            noBuyer += expected == 0 ? 1 : 0;
        }

        // Both outcomes come (about 120 of 400 paths have no buyer).
        Assert.InRange(noBuyer, 60, 180);
    }

    [Fact]
    public void Over_many_paths_each_outcome_comes_in_its_share()
    {
        // n = 20,000 paths of 15% with 20%, 30% with 30%, 50% with 50%: each share's standard error √(p (1 − p) / n) is
        // 0.00283, 0.00324 and 0.00354; the test allows four of each (a false failure about once in 5,000 seeds). The
        // mean, 0.2 × 15% + 0.3 × 30% + 0.5 × 50% = 37%, has sd √(Σ p R² − 0.37²) = √(0.1565 − 0.1369) = 0.14 per path,
        // a standard error of 0.00099: four of them, 0.004.
        const int n = 20_000;
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        StochasticPaths source = compiled.Source("ThreeBuyers", 2026, n);
        var inputs = new PathInputs(compiled.Deal);
        int tenant = compiled.Party("Tenant");
        var counts = new Dictionary<double, int> { [0.15] = 0, [0.3] = 0, [0.5] = 0 };
        double sum = 0;
        for (int p = 0; p < n; p++)
        {
            source.Fill(p, inputs);
            double r = inputs.PartyRecovery[tenant];
            Assert.Contains(r, counts.Keys);
            counts[r]++;
            sum += r;
        }

        foreach ((double r, double share) in new[] { (0.15, 0.2), (0.3, 0.3), (0.5, 0.5) })
        {
            double se = Math.Sqrt(share * (1 - share) / n);
            Assert.InRange((double)counts[r] / n, share - (4 * se), share + (4 * se));
        }

        Assert.InRange(sum / n, 0.37 - 0.004, 0.37 + 0.004);
    }

    [Fact]
    public void A_two_point_recovery_has_the_fatter_tail_of_a_beta_with_the_same_mean_and_sd()
    {
        // {0% with 30%, 60% with 70%}: mean 0.7 × 60% = 42%, sd 60% × √(0.3 × 0.7) = 27.4955%. The beta of the same mean
        // and sd: ν = 0.42 × 0.58 / 0.274955² − 1 = 0.2436 / 0.0756 − 1 = 2.2222, α = 0.42ν = 0.9333, β = 0.58ν = 1.2889.
        // On a path where Other defaults, Credit loses 20m × (1 − R): 11.6m expected under both. The tail differs: the
        // whole 20m (R ≤ 1%, a loss of 19.8m or more) on 30% of the defaults with no buyer, and on
        // I_0.01(0.9333, 1.2889) ≈ 1.7% of them under the beta (BetaQuantile.Cdf, asserted below).
        // The two draw the same default dates (the recovery is drawn after them). Over n = 10,000 paths Other defaults
        // by the loan's maturity on about 1 − 0.95⁴ = 18.5% of them, some 1,850: the mean loss given default has a
        // standard error of 20m × 0.275 / √1,850 = 0.128m (four of them: 0.52m), the full-loss share one of
        // √(0.3 × 0.7 / 1,850) = 0.0107 (four: 0.043) with no buyer and √(0.017 × 0.983 / 1,850) = 0.003 (four: 0.012)
        // under the beta.
        const int n = 10_000;
        double alpha = 0.42 * ((0.2436 / (0.274955 * 0.274955)) - 1), beta = 0.58 * ((0.2436 / (0.274955 * 0.274955)) - 1);
        double betaTail = BetaQuantile.Cdf(0.01, alpha, beta);
        Assert.InRange(betaTail, 0.016, 0.018);

        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        // Whether Other defaulted by the loan's maturity on each path, read from each path's draws.
        int other = compiled.Party("Other");
        var twoPointDefaulted = new bool[n];
        var betaDefaulted = new bool[n];
        double[] twoPointLoss = compiled.LoanLosses("Credit", "TwoPoint", 11, n,
            (p, source, inputs) => twoPointDefaulted[p] = source.Drawn(inputs).PartyDefaults[other] is { } on && on <= new Date(2029, 12, 31));
        double[] betaLoss = compiled.LoanLosses("Credit", "SameMeanBeta", 11, n,
            (p, source, inputs) => betaDefaulted[p] = source.Drawn(inputs).PartyDefaults[other] is { } on && on <= new Date(2029, 12, 31));
        Assert.Equal(twoPointDefaulted, betaDefaulted);

        double[] twoPoint = [.. twoPointLoss.Where((_, p) => twoPointDefaulted[p])];
        double[] beta2 = [.. betaLoss.Where((_, p) => betaDefaulted[p])];
        Assert.InRange(twoPoint.Length, 1_700, 2_000);
        Assert.All(twoPoint, loss => Assert.True(Math.Abs(loss) < 1e-6 || Math.Abs(loss - 8_000_000) < 1e-3 || Math.Abs(loss - 20_000_000) < 1e-3, $"{loss}"));

        Assert.InRange(twoPoint.Average(), 11_600_000 - 520_000, 11_600_000 + 520_000);
        Assert.InRange(beta2.Average(), 11_600_000 - 520_000, 11_600_000 + 520_000);

        double FullLoss(double[] losses) => (double)losses.Count(l => l >= 19_800_000 - 1e-3) / losses.Length;
        Assert.InRange(FullLoss(twoPoint), 0.3 - 0.043, 0.3 + 0.043);
        Assert.InRange(FullLoss(beta2), betaTail - 0.012, betaTail + 0.012);
    }

    // Beta(2, 2) (mean 50%, sd √0.05 = 22.3606797749979%: ν = 0.25 / 0.05 − 1 = 4, α = β = 2) has I_x = 3x² − 2x³; its
    // inverse by bisection, independent of the runner's BetaQuantile.
    private static double Beta22Inverse(double u)
    {
        double lo = 0, hi = 1;
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            (lo, hi) = (3 * mid * mid) - (2 * mid * mid * mid) < u ? (mid, hi) : (lo, mid);
        }

        return (lo + hi) / 2;
    }

    [Fact]
    public void A_mixture_gives_no_buyer_below_its_share_and_else_the_betas_price_and_it_reaches_the_fee()
    {
        // 0% with 30% else Beta(2, 2): F(r) = 0.3 + 0.7 I_r. Path 0's u at seed 3 is 0.8167 (as above), above 30%: R =
        // I⁻¹((0.8167 − 0.3) / 0.7) = I⁻¹(0.7381) = 0.6647 (3 × 0.6647² − 2 × 0.6647³ = 1.3255 − 0.5874 = 0.7381).
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        int tenant = compiled.Party("Tenant");
        var rng = new PathStream(3, 0, mirrored: false);
        double u = rng.Uniform();
        double r = Beta22Inverse((u - 0.3) / 0.7);
        Assert.Equal(0.6647, r, 4);
        var inputs = new PathInputs(compiled.Deal);
        compiled.Source("NoBuyerElseBeta", 3, 1).Fill(0, inputs);
        Assert.Equal(r, inputs.PartyRecovery[tenant], 1e-9);

        // The fee owed on 2026-08-15, 6,142,465.75 (above), received × R in Q3 2026 (period 2).
        var small = new SmallDeal(Source);
        Assert.Equal((2_000_000 + (6_000_000.0 * 504 / 730)) * r, small.Ledger("termination fee L", 2, "NoBuyerElseBeta"), 1e-3);

        // Every path of 500: no buyer exactly where u ≤ 30%, else the beta's price of the rest.
        StochasticPaths many = compiled.Source("NoBuyerElseBeta", 2026, 500);
        for (int p = 0; p < 500; p++)
        {
            var stream = new PathStream(2026, (uint)p, mirrored: false);
            double up = stream.Uniform();
            many.Fill(p, inputs);
            Assert.Equal(up <= 0.3 ? 0.0 : Beta22Inverse((up - 0.3) / 0.7), inputs.PartyRecovery[tenant], 1e-9);
        }
    }

    [Fact]
    public void Over_many_paths_a_mixture_has_its_no_buyer_share_its_mean_and_the_betas_median()
    {
        // n = 20,000 paths of 0% with 30% else Beta(2, 2): no buyer on 30% (standard error √(0.3 × 0.7 / n) = 0.00324,
        // four: 0.013); the mean 0.7 × 50% = 35%, with E[R²] = 0.7 × (0.05 + 0.25) = 0.21, sd √(0.21 − 0.1225) = 0.2958
        // per path, a standard error of 0.00209 (four: 0.0084); of the paths with a buyer, half below 50% (the beta's
        // median; about 14,000 paths, a standard error of 0.0042, four: 0.017).
        const int n = 20_000;
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        StochasticPaths source = compiled.Source("NoBuyerElseBeta", 2026, n);
        var inputs = new PathInputs(compiled.Deal);
        int tenant = compiled.Party("Tenant");
        int none = 0, below = 0;
        double sum = 0;
        for (int p = 0; p < n; p++)
        {
            source.Fill(p, inputs);
            double r = inputs.PartyRecovery[tenant];
            Assert.InRange(r, 0.0, 1.0);
            none += r == 0 ? 1 : 0;
            below += r is > 0 and < 0.5 ? 1 : 0;
            sum += r;
        }

        Assert.InRange((double)none / n, 0.3 - 0.013, 0.3 + 0.013);
        Assert.InRange(sum / n, 0.35 - 0.0084, 0.35 + 0.0084);
        Assert.InRange((double)below / (n - none), 0.5 - 0.017, 0.5 + 0.017);
    }

    [Fact]
    public void Cash_is_conserved_on_every_path()
    {
        // The engine's cash check (every entity, every period) on every path of the two-point, three-outcome and mixed draws.
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        foreach (string scenario in (string[])["TwoPoint", "ThreeBuyers", "OnTheFactor", "NoBuyerElseBeta"])
        {
            StochasticPaths source = compiled.Source(scenario, 5, 2_000);
            SimulationTotals totals = new SimulationEngine(compiled.Program, source, checkCash: true).Run(0, source.Count, threads: 2);
            Assert.Equal(2_000, totals.Paths);
        }
    }
}
