using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// Wrong-way recoveries (docs/language.md §10, "Wrong-way recoveries"): <c>recovery beta mean m sd s loading F γ</c>
/// turns the path's beta variate R₀ into its normal η = Φ⁻¹(I_{R₀}(α, β)) and draws R = I⁻¹_U(α, β) at
/// U = Φ(√(1 − γᵀRγ) η + Σ γ_k Z_k), Z_k the factors' path shocks. The campus's value deflation is the one factor:
/// its rate is 5% + 10% × Z, so a path's Z is (rate − 5%) / 10%, and a high Z is a value falling fast.
/// </summary>
public sealed class WrongWayRecoveryTests : IDisposable
{
    // DatedRecoveryTests' lease, and a bullet loan owed by Other (no recovery of its own, so it recovers Other's drawn
    // recovery): on a path where Other defaults before 2029-12-31 the loan loses 20m × (1 − R).
    internal const string Deal = """
        deal Leased {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Other { pd 5% }
          party Owner { }
          facility Campus { cost 80m  value straight_line 20y }
          lease L on Campus {
            lessee    Tenant
            rent      12m per year
            starts    2026-01-01
            term      2y
            rvg       guarantees 120m cap 30m until 2029-01-01
            termination_fee 8m amortising to 2m
          }
          loan Credit {
            obligor  Other
            balance  20m
            coupon   8% fixed
            amortize bullet
            maturity 2029-12-31
          }

          tranche Notes { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Eq
          }
        }
        """;

    private const string Source = Deal + """

        scenario Independent for Leased {
          paths 1
          seed  3
          Campus.value deflate 5% per year volatility 10% per year
          Other defaults drawn pd 20% per year loading Campus.value -50% recovery beta mean 40% sd 20%
          Tenant defaults on 2026-08-15 recovery beta mean 40% sd 20%
        }

        scenario ZeroLoading for Leased {
          paths 1
          seed  3
          Campus.value deflate 5% per year volatility 10% per year
          Other defaults drawn pd 20% per year loading Campus.value -50% recovery beta mean 40% sd 20% loading Campus.value 0%
          Tenant defaults on 2026-08-15 recovery beta mean 40% sd 20%
        }

        scenario WrongWay for Leased {
          paths 1
          seed  3
          Campus.value deflate 5% per year volatility 10% per year
          Other defaults drawn pd 20% per year loading Campus.value -50% recovery beta mean 40% sd 20% loading Campus.value -60%
          Tenant defaults on 2026-08-15 recovery beta mean 40% sd 20% loading Campus.value 100%
        }

        scenario Regimes for Leased {
          paths 1
          seed  3
          Campus.value deflate 5% per year volatility 10% per year
          market_rent deflate 3% per year volatility 10% per year
          correlate Campus.value with market_rent 20% stress 90%
          regimes stress 50% per year normal 50% per year
          Other defaults drawn recovery beta mean 40% sd 20% loading Campus.value 50% loading market_rent 50%
        }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-wrongway-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void An_unloaded_recovery_draws_what_it_drew_before_loadings_existed()
    {
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        var (independent, zero, wrongWay) = (compiled.Source("Independent", 3, 200), compiled.Source("ZeroLoading", 3, 200), compiled.Source("WrongWay", 3, 200));
        var (a, b, c) = (new PathInputs(compiled.Deal), new PathInputs(compiled.Deal), new PathInputs(compiled.Deal));
        int other = compiled.Party("Other"), tenant = compiled.Party("Tenant");
        for (int p = 0; p < 200; p++)
        {
            independent.Fill(p, a);
            zero.Fill(p, b);
            wrongWay.Fill(p, c);

            // A loading of 0% is no loading: the beta variate itself, bit for bit.
            Assert.Equal(a.PartyRecovery[other], b.PartyRecovery[other]);
            Assert.Equal(a.PartyRecovery[tenant], b.PartyRecovery[tenant]);

            // A loaded recovery draws no number of its own: the factor's shock and every default date are the unloaded
            // scenario's, bit for bit.
            Assert.Equal(independent.Drawn(a).PartyDefaults[other], wrongWay.Drawn(c).PartyDefaults[other]);
            Assert.Equal(Deflation(independent, a), Deflation(wrongWay, c));
        }

        // Path 0 of seed 3, pinned: Other's recovery is the beta variate drawn as before loadings existed, after the
        // campus's path shock (one normal) and Other's default normal, R₀ = 0.1962.
        independent.Fill(0, a);
        var rng = new PathStream(3, 0, mirrored: false);
        rng.Normal();
        rng.Normal();
        Assert.Equal(BetaVariate.Draw(ref rng, new RecoveryBeta(0.4, 0.2)), a.PartyRecovery[other]);
        Assert.Equal(0.1962, a.PartyRecovery[other], 4);
    }

    [Fact]
    public void A_loading_of_100_percent_makes_the_recovery_the_betas_quantile_at_the_factors_shock()
    {
        // Tenant's dated recovery loads 100% on Campus.value: v = 1, so √(1 − v) η = 0, U = Φ(Z) and R = I⁻¹_U(2, 3)
        // (α = 2, β = 3 for mean 40%, sd 20%: ν = 0.24 / 0.04 − 1 = 5), whose distribution function is
        // I_R(2, 3) = ∫₀^R 12 x (1 − x)² dx = 6R² − 8R³ + 3R⁴.
        // Path 0 of seed 3: the campus deflates at 5% + 10% Z = 14.0269%, so Z = 0.902691, U = Φ(0.902691) = 0.816655,
        // and R = 0.596423: 6 × 0.596423² − 8 × 0.596423³ + 3 × 0.596423⁴ = 2.134324 − 1.697280 + 0.379612 = 0.816655
        // (to 1e-12 below). The fixed 40% and the unloaded draw know nothing of Z.
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        StochasticPaths source = compiled.Source("WrongWay", 3, 1);
        var inputs = new PathInputs(compiled.Deal);
        source.Fill(0, inputs);
        double z = (Deflation(source, inputs) - 0.05) / 0.10;
        double u = NormalQuantile.Cdf(z);
        double r = inputs.PartyRecovery[compiled.Party("Tenant")];
        Assert.Equal(0.902691, z, 6);
        Assert.Equal(0.596423, r, 6);
        Assert.Equal(u, (6 * r * r) - (8 * r * r * r) + (3 * r * r * r * r), 1e-12);

        // Every path: the same function of Z, whatever the path's own beta variate.
        for (int p = 1; p < 50; p++)
        {
            source.Fill(p, inputs);
            double zp = (Deflation(source, inputs) - 0.05) / 0.10;
            double rp = inputs.PartyRecovery[compiled.Party("Tenant")];
            Assert.Equal(NormalQuantile.Cdf(zp), (6 * rp * rp) - (8 * rp * rp * rp) + (3 * rp * rp * rp * rp), 1e-12);
        }
    }

    [Fact]
    public void Over_many_paths_the_recovery_falls_with_the_campus_value_by_its_loading()
    {
        // Other's recovery loads −60% on Campus.value: its normal score Φ⁻¹(I_R(2, 3)) = −0.6 Z + 0.8 η has correlation
        // −0.6 with Z, whose sample estimate over n = 20,000 paths has standard error (1 − ρ²) / √n = 0.64 / 141.4 =
        // 0.0045: the test allows four, ±0.018. R itself is a monotone function of its score, so its correlation with
        // Z is −0.6 × corr(R, score) (Stein's lemma), corr(R, score) between 0.9 and 1 for a beta(2, 3): R's
        // correlation with Z is in [−0.6, −0.54], with the same four standard errors around it.
        const int n = 20_000;
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        StochasticPaths source = compiled.Source("WrongWay", 2026, n);
        var inputs = new PathInputs(compiled.Deal);
        int other = compiled.Party("Other");
        var z = new double[n];
        var r = new double[n];
        var score = new double[n];
        double meanR = 0;
        for (int p = 0; p < n; p++)
        {
            source.Fill(p, inputs);
            z[p] = (Deflation(source, inputs) - 0.05) / 0.10;
            r[p] = inputs.PartyRecovery[other];
            score[p] = NormalQuantile.Inverse(BetaQuantile.Cdf(r[p], 2, 3));
            meanR += r[p] / n;
        }

        Assert.InRange(Correlation(score, z), -0.618, -0.582);
        Assert.InRange(Correlation(r, z), -0.618, -0.522);

        // The recovery keeps its beta's mean, 40%: s / √n = 0.2 / 141.4 = 0.0014, four of them.
        Assert.InRange(meanR, 0.4 - 0.0057, 0.4 + 0.0057);
    }

    [Fact]
    public void Under_regimes_the_recovery_keeps_its_beta_because_its_own_weight_follows_the_stressed_share()
    {
        // Loadings 50% and 50% on factors correlated 20% (normal) and 90% (stress): γᵀRγ = 0.25 + 0.25 + 2 × 0.25 × 0.2
        // = 0.6 normal, 0.25 + 0.25 + 2 × 0.25 × 0.9 = 0.95 stress. With the own weight √(1 − v) at the path's v (the
        // stressed share s: v = 0.6 + 0.35 s), the normal score √(1 − v) η + γᵀZ has variance 1 on every path; with the
        // normal regime's v alone it would be 1 + 0.35 s, about 1.17 (an sd of 1.08) with half the time stressed. Over
        // n = 20,000 paths the score's sample sd has standard error 1 / √(2n) = 0.005: the test allows ±0.02, and the
        // recovery's mean 40% within four standard errors, 0.2 / √n × 4 = 0.0057.
        const int n = 20_000;
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        StochasticPaths source = compiled.Source("Regimes", 2026, n);
        var inputs = new PathInputs(compiled.Deal);
        int other = compiled.Party("Other");
        double sum = 0, scores = 0, squares = 0;
        for (int p = 0; p < n; p++)
        {
            source.Fill(p, inputs);
            double r = inputs.PartyRecovery[other];
            double score = NormalQuantile.Inverse(BetaQuantile.Cdf(r, 2, 3));
            sum += r;
            scores += score;
            squares += score * score;
        }

        double sd = Math.Sqrt((squares - (scores * scores / n)) / (n - 1));
        Assert.InRange(sd, 0.98, 1.02);
        Assert.InRange(sum / n, 0.4 - 0.0057, 0.4 + 0.0057);
    }

    [Fact]
    public void The_expected_loss_rises_with_a_wrong_way_loading()
    {
        // The same seed and the same default dates (the recovery draws nothing of its own); Other defaults more when
        // the campus's value falls (loading −50%) and, wrong-way, recovers less then (−60%). Over n = 4,000 paths the
        // mean of the paired difference in Credit's loss must be above 0 by three of its standard errors.
        const int n = 4_000;
        using var compiled = CompiledStochasticDeal.Of("leased.deal", Source);
        double[] independent = compiled.LoanLosses("Credit", "Independent", 7, n), wrongWay = compiled.LoanLosses("Credit", "WrongWay", 7, n);
        double mean = 0, squares = 0;
        for (int p = 0; p < n; p++)
        {
            double d = wrongWay[p] - independent[p];
            mean += d / n;
            squares += d * d;
        }

        double se = Math.Sqrt(((squares / n) - (mean * mean)) / (n - 1));
        Assert.True(mean > 3 * se, $"expected loss difference {mean} (se {se})");
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_on_one_and_two_threads()
    {
        // 9,000 paths: two blocks of 4,096 and a part, so two threads really share the work.
        string file = Path.Combine(folder, "leased.deal");
        File.WriteAllText(file, Source);
        string[] Mc(string threads) => ["mc", file, "--scenario", "WrongWay", "--paths", "9000", "--seed", "5", "--threads", threads, "--format", "json"];
        CliOutcome one = CliHarness.Run(Mc("1"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        CliOutcome two = CliHarness.Run(Mc("2"));
        Assert.Equal(one.Out, two.Out);
    }

    private static double Deflation(StochasticPaths source, PathInputs inputs) =>
        source.Drawn(inputs).FacilityStress[Array.FindIndex(source.Deal.Facilities, f => f.Name == "Campus")].DeflatePerYear;

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
