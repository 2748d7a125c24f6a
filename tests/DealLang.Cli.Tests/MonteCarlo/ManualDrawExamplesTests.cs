using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// The worked examples docs/language.md §10 "Stochastic scenarios" gives of its draws on corpus deals (a term-structure
/// PD's default date, Marsaglia and Tsang's beta recoveries with a shape below 1, a process of volatility 0, a chain's
/// one default time in every entity and the path shock its replay shows), each computed here by hand from the formulas the manual states and checked
/// against what `deallang run` and `deallang mc --replay-path` print, so that the manual's figures stay the code's.
/// </summary>
public sealed class ManualDrawExamplesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-manualdraws-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_term_structure_pd_defaults_where_the_cumulative_hazard_reaches_minus_ln_s()
    {
        // Corpus 020's campus (closing 2026-01-01, maturity 2036-01-01, semiannual), renewals kept so the run reaches
        // the date, `Tenant defaults drawn pd 1% per year until 2028-01-01 then 20% per year` at seed 3, nothing else
        // drawn: path 0's η is its stream's first normal, Φ⁻¹(0.8167) = 0.9027; S = Φ(−η) = 0.18334, −ln S = 1.69639.
        // The first piece, 730 / 365 = 2 years at h₀ = −ln 0.99 = 0.010050, holds 0.020101 of it; the rest at
        // h₁ = −ln 0.8 = 0.223144 takes (1.69639 − 0.020101) / 0.223144 = 7.51214 years: τ = 9.51214 years,
        // ⌈365 τ⌉ = ⌈3,471.93⌉ = 3,472 days, 2035-07-05 (in the last period, which ends 2036-01-01). PD to maturity:
        // 1 − e^{−(0.020101 + 2,922 / 365 × 0.223144)} = 83.5767%.
        var rng = new PathStream(3, 0, mirrored: false);
        double eta = rng.Normal();
        Assert.Equal(0.9027, eta, 4);
        double h0 = -Math.Log(0.99), h1 = -Math.Log(0.8);
        double tau = 2 + ((-Math.Log(NormalQuantile.Cdf(-eta)) - (2 * h0)) / h1);
        Assert.Equal(9.51214, tau, 5);
        Date expected = new Date(2026, 1, 1).AddDays((int)Math.Ceiling(365 * tau));
        Assert.Equal(new Date(2035, 7, 5), expected);

        string[] summary = Run("020-stochastic-sobol-campus.deal", """
            scenario Steps for Campus {
              paths 64
              seed 3
              Anchor renewals taken 2
              Tenant defaults drawn pd 1% per year until 2028-01-01 then 20% per year
            }
            """, "Steps");
        Assert.Contains(summary, l => l.TrimEnd() == "Tenant (A),defaults on,2035-07-05");
        double pdToMaturity = 1 - Math.Exp(-((2 * h0) + (2922 / 365.0 * h1)));
        Assert.Equal(0.835767, pdToMaturity, 6);
        Assert.Equal(pdToMaturity, Value(summary, "Tenant (A),PD to maturity,"), 1e-12);
    }

    [Fact]
    public void Beta_recoveries_are_marsaglia_and_tsang_gammas_drawn_in_the_documented_order()
    {
        // Corpus 044 at seed 44, path 0, no factor: Cloud's default normal is the stream's first number; then Cloud's
        // drawn recovery, mean 30% sd 15% (ν = 0.21 / 0.0225 − 1 = 8.3333: α = 2.5, β = 5.8333), then Hyper's dated
        // one. At mean 45% sd 20% (α = 2.3344, β = 2.8531) it is 65.87%; at mean 20% sd 25% (ν = 0.16 / 0.0625 − 1 =
        // 1.56: α = 0.312 < 1, β = 1.248) Gamma(α) is Gamma(α + 1) × U^(1/α), its U drawn after Gamma(α + 1)'s draws:
        // 20.35%. Cloud's 14.04% does not move with Hyper's terms (it is drawn before).
        static (double Cloud, double Hyper) ByHand(double mean, double sd)
        {
            var rng = new PathStream(44, 0, mirrored: false);
            _ = rng.Normal();
            double cloud = BetaVariate.Draw(ref rng, new RecoveryBeta(0.3, 0.15));
            return (cloud, BetaVariate.Draw(ref rng, new RecoveryBeta(mean, sd)));
        }

        // The gamma variates as the manual writes them, for the shape below 1 (the boost, then U).
        var check = new PathStream(44, 0, mirrored: false);
        _ = check.Normal();
        _ = BetaVariate.Draw(ref check, new RecoveryBeta(0.3, 0.15));
        double x = Gamma(ref check, 0.312), y = Gamma(ref check, 1.248);
        Assert.Equal(0.2035, x / (x + y), 4);

        var (cloud, hyper) = ByHand(0.45, 0.2);
        Assert.Equal(0.1404, cloud, 4);
        Assert.Equal(0.6587, hyper, 4);
        string[] given = Run("044-dated-default-with-a-drawn-recovery.deal", "", "AnchorDefaultsRecoveryDrawn");
        Assert.Equal(cloud, Value(given, "Cloud (BB),recovery,"), 1e-12);
        Assert.Equal(hyper, Value(given, "Hyper (BBB),recovery,"), 1e-12);

        var (_, small) = ByHand(0.2, 0.25);
        Assert.Equal(x / (x + y), small, 12);
        string[] smallShape = Run("044-dated-default-with-a-drawn-recovery.deal", """
            scenario SmallAlpha for DatedRecovery {
              paths 10
              seed 44
              Hyper defaults on 2029-03-15 recovery beta mean 20% sd 25%
              Cloud defaults drawn recovery beta mean 30% sd 15%
            }
            """, "SmallAlpha");
        Assert.Equal(small, Value(smallShape, "Hyper (BBB),recovery,"), 1e-12);
        Assert.Equal(cloud, Value(smallShape, "Cloud (BB),recovery,"), 1e-12);
    }

    [Fact]
    public void A_process_of_volatility_zero_is_its_mean_on_every_path()
    {
        // Corpus 008 (quarterly from 2026-01-01): H100Rent gbm drift −10% volatility 0 reads X₀ e^{μt}, 2.35 ×
        // e^{−0.1 × 90/365} = 2.292763 at 2026-04-01; SOFR reverting to 3.5% at 30% a year with volatility 0 reads
        // L + (X₀ − L) e^{−κt}, 3.5% + 0.8% × e^{−0.3 × 90/365} = 4.242958%. t in ACT/365F years from the closing; the
        // GBM's e^x is RowExp's, within a few units of the last place of Math.Exp's (1e-12 relative allowed).
        string[] ledger = Run("008-sofr-margin-and-gpu-rent-index.deal", """
            scenario ZeroVol for Floating {
              paths 4
              seed 42
              H100Rent gbm drift -10% per year volatility 0% per year
              SOFR reverts to 3.5% speed 30% per year volatility 0% per year
            }
            """, "ZeroVol");
        string[] header = ledger.First(l => l.StartsWith("period,", StringComparison.Ordinal)).Split(',');
        int rent = Array.IndexOf(header, "H100Rent"), sofr = Array.IndexOf(header, "SOFR");
        string[] rows = [.. ledger.Where(l => l.Length > 0 && char.IsDigit(l[0]) && l.Contains(",20", StringComparison.Ordinal)).Take(8)];
        Assert.Equal(8, rows.Length);
        foreach (string row in rows)
        {
            string[] cells = row.Split(',');
            Assert.True(Date.TryParseIso(cells[1], out Date start), row);
            double t = Date.DaysBetween(new Date(2026, 1, 1), start) / 365.0;
            Assert.Equal(2.35 * Math.Exp(-0.1 * t), double.Parse(cells[rent], System.Globalization.CultureInfo.InvariantCulture), 12);
            Assert.Equal(0.035 + (0.008 * Math.Exp(-0.3 * t)), double.Parse(cells[sofr], System.Globalization.CultureInfo.InvariantCulture), 14);
        }

        Assert.Equal(2.292763, 2.35 * Math.Exp(-0.1 * 90 / 365), 6);
        Assert.Equal(0.04242958, 0.035 + (0.008 * Math.Exp(-0.3 * 90 / 365)), 8);
    }

    [Fact]
    public void A_chains_drawn_default_is_one_date_in_every_entity_from_the_tops_per_period_shocks()
    {
        // Corpus 026 at seed 26, path 1: the top (semiannual, 2026-01-01 to 2031-01-01, T = 1,826 / 365) draws
        // NotePrice by a process, one normal a period (the stream's numbers 0 to 9), its path shock
        // Z = Σ_t √(Δ_t / T) ε_t = 0.0927; Tenant's η is number 10, −1.1525; loaded 50%: v = 0.25, z = 0.5 Z + √0.75 η
        // = −0.9517, τ = ln Φ(−z) / ln 0.92 = 2.2436 years, ⌈365 τ⌉ = 819 days: 2028-03-30, in the SPV and the parent.
        var rng = new PathStream(26, 1, mirrored: false);
        Date[] b = [.. Enumerable.Range(0, 11).Select(i => new Date(2026 + (i / 2), 1 + (6 * (i % 2)), 1))];
        double horizon = Date.DaysBetween(b[0], b[10]) / 365.0, z = 0;
        for (int t = 0; t < 10; t++)
        {
            z += Math.Sqrt(Date.DaysBetween(b[t], b[t + 1]) / 365.0 / horizon) * rng.Normal();
        }

        Assert.Equal(0.0927, z, 4);
        double eta = rng.Normal();
        Assert.Equal(-1.1525, eta, 4);
        double mixed = (0.5 * z) + (Math.Sqrt(0.75) * eta);
        double tau = Math.Log(NormalQuantile.Cdf(-mixed)) / Math.Log(0.92);
        Assert.Equal(2.2436, tau, 4);
        Assert.Equal(819, (int)Math.Ceiling(365 * tau));

        CliOutcome replay = CliHarness.Run("mc", Corpus("026-stochastic-chain-run-by-mc.deal"), "--scenario", "TenantRisk", "--replay-path", "1", "--format", "csv");
        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.Equal(2, replay.Out.Split('\n').Count(l => l.Contains("defaults on,2028-03-30", StringComparison.Ordinal)));

        // The top's summary shows the path shock it drew (its row's 'NotePrice shock'), the same ten terms summed in the
        // same order: within 1e-12.
        string shock = Assert.Single(replay.Out.Split('\n'), l => l.StartsWith("drawn,NotePrice shock,", StringComparison.Ordinal));
        Assert.Equal(z, double.Parse(shock.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
    }

    /// <summary>Marsaglia and Tsang's gamma variate as docs/language.md §10 writes it (a v ≤ 0 draws no uniform; a
    /// shape below 1 boosted by one, its U drawn after).</summary>
    private static double Gamma(ref PathStream rng, double a)
    {
        if (a < 1)
        {
            double boosted = Gamma(ref rng, a + 1);
            return boosted * Math.Pow(rng.Uniform(), 1 / a);
        }

        double d = a - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = rng.Normal(), v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = rng.Uniform();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (x * x / 2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private static string Corpus(string name) => Path.Combine(RepoPaths.Root, "tests/corpus/valid", name);

    /// <summary>`deallang run` of a corpus deal's scenario (with <paramref name="scenarios"/> given beside it when not
    /// empty) as CSV lines.</summary>
    private string[] Run(string deal, string scenarios, string scenario)
    {
        List<string> args = ["run", Corpus(deal), "--scenario", scenario, "--format", "csv"];
        if (scenarios.Length > 0)
        {
            string file = Path.Combine(folder, scenario + ".deal");
            File.WriteAllText(file, scenarios);
            args.AddRange(["--scenarios", file]);
        }

        CliOutcome outcome = CliHarness.Run([.. args]);
        Assert.True(outcome.Exit == 0, outcome.ToString());
        return outcome.Out.Split('\n');
    }

    private static double Value(string[] lines, string prefix) =>
        double.Parse(lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
}
