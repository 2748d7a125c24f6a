using DealLang.Cli.Tests.Corrections;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A partial payment's share drawn per path (<c>MinerLoan pays beta mean m sd s [loading F γ]… from D1 to D2</c>,
/// docs/language.md §10, "Partial payments"): each path draws the window's share from the beta of that mean and sd (by
/// the method of moments, as a drawn recovery's), after every other draw of the path, so nothing else a path draws moves;
/// loaded, it is the beta's quantile at the copula's uniform, lower where the factor's shock is low; the window's ledger
/// is the fixed lever's at the share drawn; stepped windows each draw their own; a tiny sd gives the fixed share's
/// losses; the same seed gives the same report on one and two threads; every path conserves cash.
/// </summary>
public sealed class LoanDrawnShareTests : IDisposable
{
    // LoanPartialPaymentTests' deal (quarterly, 30/360, every year fraction 0.25): MinerLoan 100m at 12% (3% a quarter),
    // linear 10m a quarter to 2028-06-30, recovery 40%, no default interest. The window 'from 2026-04-01 to 2026-09-30'
    // is Q2 (t=1) and Q3 (t=2), the cure Q4 (t=3). BTC is a coin price the miner's revenue follows, a factor only.
    private const string Source = """
        deal Arrears {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          index BTC { level 90k per coin }

          loan MinerLoan { obligor Miner  balance 100m  coupon 12% fixed  amortize linear  maturity 2028-06-30  recovery 40% }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Fixed for Arrears { MinerLoan pays 40% from 2026-04-01 to 2026-09-30 }

        scenario Drawn for Arrears {
          paths 1
          seed  3
          MinerLoan pays beta mean 40% sd 20% from 2026-04-01 to 2026-09-30
        }

        scenario Stepped for Arrears {
          paths 1
          seed  3
          MinerLoan pays beta mean 40% sd 20% from 2026-04-01 to 2026-06-30
          MinerLoan pays beta mean 40% sd 20% from 2026-07-01 to 2026-09-30
        }

        scenario Loaded for Arrears {
          paths 200
          seed  3
          BTC gbm drift 0% per year volatility 60% per year
          MinerLoan pays beta mean 40% sd 20% loading BTC 100% from 2026-04-01 to 2026-09-30
        }

        scenario FixedDefault for Arrears {
          MinerLoan pays 40% from 2026-04-01 to 2026-09-30
          Miner defaults on 2026-08-15
        }

        scenario TinyDefault for Arrears {
          paths 2000
          seed  9
          MinerLoan pays beta mean 40% sd 0.01% from 2026-04-01 to 2026-09-30
          Miner defaults on 2026-08-15
        }

        scenario FixedDrawnDefault for Arrears {
          paths 2000
          seed  13
          Miner defaults drawn pd 30% per year
          MinerLoan pays 40% from 2026-04-01 to 2026-09-30
        }

        scenario TinyDrawnDefault for Arrears {
          paths 2000
          seed  13
          Miner defaults drawn pd 30% per year
          MinerLoan pays beta mean 40% sd 0.01% from 2026-04-01 to 2026-09-30
        }

        scenario Without for Arrears {
          paths 300
          seed  11
          BTC gbm drift 0% per year volatility 60% per year
          Miner defaults drawn pd 20% per year loading BTC 40% recovery beta mean 40% sd 20%
          MinerLoan pays 40% from 2026-04-01 to 2026-09-30
        }

        scenario With for Arrears {
          paths 300
          seed  11
          BTC gbm drift 0% per year volatility 60% per year
          Miner defaults drawn pd 20% per year loading BTC 40% recovery beta mean 40% sd 20%
          MinerLoan pays beta mean 40% sd 20% loading BTC 50% from 2026-04-01 to 2026-09-30
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-drawnshare-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_window_pays_the_share_path_0_drew_as_the_fixed_lever_pays_its_own()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // `run` runs Drawn as its path 0 at seed 3, which draws nothing else: the share is the first beta variate of the
        // path's stream, α = 0.4 × 5 = 2, β = 0.6 × 5 = 3 (ν = 0.24 / 0.04 − 1 = 5), s = X / (X + Y) = 0.637192 (the
        // number DatedRecoveryTests' recovery draws at the same seed).
        var rng = new PathStream(3, 0, mirrored: false);
        double s = BetaVariate.Draw(ref rng, new RecoveryBeta(0.4, 0.2));
        Assert.Equal(0.637192, s, 6);

        // t=1: due 90m × 3% = 2.7m and 10m = 12.7m; paid 12.7m × s (8.092338m), interest first: 2.7m interest,
        //      12.7m s − 2.7m principal; unpaid U₁ = 12.7m (1 − s), all principal (below the 10m due).
        // t=2: the arrears bear 3%: A₂ = 1.03 U₁ + U₂, U₂ = 12.4m (1 − s) (due 2.4m + 10m); 2.4m interest, 12.4m s − 2.4m principal.
        // t=3, the cure: the arrears bear 3% more and are paid with what falls due (2.1m + 10m): principal 10m + U₁ + U₂,
        //      interest 2.1m + 1.03 A₂ − (U₁ + U₂).
        // At s = 0.637192: U₁ = 4.607662m, U₂ = 4.498820m, A₂ = 1.03 × 4.607662m + 4.498820m = 9.244712m, bearing
        // 0.277341m to 9.522053m at the cure: 10m + 9.106482m = 19.106482m of principal and 2.1m + 9.522053m − 9.106482m
        // = 2.515571m of interest.
        double u1 = 12.7e6 * (1 - s), u2 = 12.4e6 * (1 - s), a2 = (1.03 * u1) + u2;
        double[] interest = [3e6, 2.7e6, 2.4e6, 2.1e6 + (1.03 * a2) - (u1 + u2), 1.8e6];
        double[] principal = [10e6, (12.7e6 * s) - 2.7e6, (12.4e6 * s) - 2.4e6, 10e6 + u1 + u2, 10e6];
        double[] arrears = [0, u1, a2, 0, 0];
        for (int t = 0; t < interest.Length; t++)
        {
            Assert.Equal(interest[t], Deal.Value.Ledger("interest MinerLoan", t, "Drawn"), 1e-6);
            Assert.Equal(principal[t], Deal.Value.Ledger("principal MinerLoan", t, "Drawn"), 1e-6);
            Assert.Equal(arrears[t], Deal.Value.Ledger("MinerLoan arrears", t, "Drawn"), 1e-6);
        }

        Assert.Equal(19.106482e6, principal[3], 1.0);
        Assert.Equal(2.515571e6, interest[3], 1.0);

        // The fixed 40% pays 5.08m in t=1 (2.7m, 2.38m), leaving 7.62m.
        Assert.Equal(2.38e6, Deal.Value.Ledger("principal MinerLoan", 1, "Fixed"), 1e-6);
        Assert.Equal(7.62e6, Deal.Value.Ledger("MinerLoan arrears", 1, "Fixed"), 1e-6);
    }

    [Fact]
    public void Stepped_windows_each_draw_their_own_share_in_the_order_written()
    {
        // Path 0 at seed 3: the first window's share is the stream's first beta variate, the second's the next one.
        var rng = new PathStream(3, 0, mirrored: false);
        double s1 = BetaVariate.Draw(ref rng, new RecoveryBeta(0.4, 0.2)), s2 = BetaVariate.Draw(ref rng, new RecoveryBeta(0.4, 0.2));
        Assert.NotEqual(s1, s2);

        // t=1 pays 12.7m s₁, leaving U₁ = 12.7m (1 − s₁); t=2 (no period between, so the arrears carry on) pays 12.4m s₂,
        // the arrears 1.03 U₁ + 12.4m (1 − s₂).
        Assert.Equal(2.7e6 + ((12.7e6 * s1) - 2.7e6), Deal.Value.Ledger("interest MinerLoan", 1, "Stepped") + Deal.Value.Ledger("principal MinerLoan", 1, "Stepped"), 1e-6);
        Assert.Equal(12.4e6 * s2, Deal.Value.Ledger("interest MinerLoan", 2, "Stepped") + Deal.Value.Ledger("principal MinerLoan", 2, "Stepped"), 1e-6);
        Assert.Equal((1.03 * 12.7e6 * (1 - s1)) + (12.4e6 * (1 - s2)), Deal.Value.Ledger("MinerLoan arrears", 2, "Stepped"), 1e-6);
    }

    [Fact]
    public void A_loading_of_100_percent_makes_the_share_the_betas_quantile_at_the_factors_shock()
    {
        // The share loads 100% on BTC: v = 1, so U = Φ(Z) and s = I⁻¹_U(2, 3), I_s(2, 3) = 6s² − 8s³ + 3s⁴: a function of
        // the coin's path shock alone, lower on the paths where BTC falls. Z is the per-path row's 'BTC shock'.
        using var compiled = CompiledStochasticDeal.Of("arrears.deal", Source);
        StochasticPaths source = compiled.Source("Loaded", 3, 200);
        var inputs = new PathInputs(compiled.Deal);
        var draws = PathDraws.Of(source);
        int loan = compiled.Loan("MinerLoan");
        double lowest = 1, highest = 0, zLowest = 0, zHighest = 0;
        for (int p = 0; p < 200; p++)
        {
            source.Fill(p, inputs);
            draws.Read(inputs, p, compiled.Deal.Periods); // not run: its periods only count jumps, which this scenario has none of
            double z = draws.Shocks[0], s = draws.PaymentShares[0];
            Assert.Equal(NormalQuantile.Cdf(z), (6 * s * s) - (8 * s * s * s) + (3 * s * s * s * s), 1e-12);

            // The share the loan ran with in each period of the window (t=1, 2), none outside it.
            Assert.Equal(s, inputs.LoanPaysShareByPeriod[loan][1]);
            Assert.Equal(s, inputs.LoanPaysShareByPeriod[loan][2]);
            Assert.Equal(-1.0, inputs.LoanPaysShareByPeriod[loan][3]);
            (lowest, zLowest) = s < lowest ? (s, z) : (lowest, zLowest);
            (highest, zHighest) = s > highest ? (s, z) : (highest, zHighest);
        }

        Assert.True(zLowest < zHighest, $"the lowest share's shock {zLowest} is not below the highest's {zHighest}");
        Assert.Equal(["MinerLoan pays share", "BTC shock"], PathDraws.Columns(source).Select(c => c.Name));
    }

    [Fact]
    public void The_share_draws_after_everything_else_so_no_other_draw_moves()
    {
        // The same seed with the fixed 40% and with the drawn share: the default dates, the drawn recoveries and the coin
        // levels are the same on every path, bit for bit; only the window's share differs.
        using var compiled = CompiledStochasticDeal.Of("arrears.deal", Source);
        StochasticPaths a = compiled.Source("Without", 11, 300), b = compiled.Source("With", 11, 300);
        var ia = new PathInputs(compiled.Deal);
        var ib = new PathInputs(compiled.Deal);
        int btc = Array.FindIndex(compiled.Deal.Indices, i => i.Name == "BTC"), loan = compiled.Loan("MinerLoan");
        var shares = new HashSet<double>();
        for (int p = 0; p < 300; p++)
        {
            a.Fill(p, ia);
            b.Fill(p, ib);
            Assert.Equal(a.Drawn(ia).PartyDefaults, b.Drawn(ib).PartyDefaults);
            Assert.Equal(ia.PartyRecovery[0], ib.PartyRecovery[0]);
            Assert.Equal(ia.IndexLevel[btc], ib.IndexLevel[btc]);
            Assert.Equal(0.4, ia.LoanPaysShareByPeriod[loan][1]);
            shares.Add(ib.LoanPaysShareByPeriod[loan][1]);
        }

        Assert.Equal(300, shares.Count);
    }

    [Fact]
    public void The_mean_share_is_its_mean_and_a_tiny_sd_loses_what_the_fixed_share_loses()
    {
        // Miner defaults on 2026-08-15 (t=2) inside the window: the claim is the balance and the arrears at the period's
        // start, 80m + 12.7m (1 − s), and the loss 60% of it. The fixed 40%: 0.6 × (80m + 7.62m) = 52.572m.
        Assert.Equal(52.572e6, Deal.Value.Outcomes["FixedDefault"].Loans.Single().Loss, 1e-3);

        // With sd 0.01% the share is 40% within a few 0.0001 on each path (α = 9.6e6, β = 1.44e7): the loss's sd is
        // 0.6 × 12.7m × 0.0001 = 762 a path, and over 2,000 paths its mean's standard error 762 / √2000 = 17. The mean
        // loss must be the fixed share's within 100 (about six standard errors), and every path's within 0.6 × 12.7m ×
        // 0.0006 = 4,572 (six sd of the share).
        using var compiled = CompiledStochasticDeal.Of("arrears.deal", Source);
        double[] losses = compiled.LoanLosses("MinerLoan", "TinyDefault", 9, 2000);
        Assert.All(losses, l => Assert.InRange(l, 52.572e6 - 4572, 52.572e6 + 4572));
        Assert.InRange(losses.Average(), 52.572e6 - 100, 52.572e6 + 100);

        // With the default drawn (PD 30% a year, the same dates on every path with the fixed share and with the drawn one,
        // which draws last), path by path: a default before the window loses the same, one in or after it loses 60% of
        // arrears of at most (1.03 × 12.7m + 12.4m) (1 − s) = 25.481m (1 − s), so the two losses differ by at most
        // 0.6 × 25.481m × 0.0006 = 9,173 (six sd of the share); their means within 500.
        double[] fixedLosses = compiled.LoanLosses("MinerLoan", "FixedDrawnDefault", 13, 2000), tinyLosses = compiled.LoanLosses("MinerLoan", "TinyDrawnDefault", 13, 2000);
        Assert.Contains(fixedLosses, l => l > 0);
        for (int p = 0; p < 2000; p++)
        {
            Assert.InRange(tinyLosses[p] - fixedLosses[p], -9173, 9173);
        }

        Assert.InRange(tinyLosses.Average() - fixedLosses.Average(), -500, 500);

        // The share's own mean over 20,000 unloaded paths of sd 20%: within four standard errors, 4 × 0.2 / √20000 = 0.0057.
        StochasticPaths source = compiled.Source("Drawn", 2026, 20_000);
        var inputs = new PathInputs(compiled.Deal);
        int loan = compiled.Loan("MinerLoan");
        double sum = 0;
        for (int p = 0; p < 20_000; p++)
        {
            source.Fill(p, inputs);
            sum += inputs.LoanPaysShareByPeriod[loan][1];
        }

        Assert.InRange(sum / 20_000, 0.4 - 0.0057, 0.4 + 0.0057);
    }

    [Fact]
    public void Every_path_conserves_cash_and_the_replay_lists_the_share_drawn()
    {
        // PathReplay runs a path with the cash check on: a break of conservation would throw. The drawn default comes on
        // some paths inside or after the window, on others not at all.
        using var compiled = CompiledStochasticDeal.Of("arrears.deal", Source);
        StochasticPaths source = compiled.Source("With", 11, 120);
        for (int p = 0; p < 120; p++)
        {
            var (outcome, _) = PathReplay.Run(compiled.Program, source, p, "With");
            PathDrawFigure share = outcome.Draws.Single(d => d.Name == "MinerLoan pays share");
            Assert.InRange(share.Value, 0.0, 1.0);
        }

        string file = Path.Combine(folder, "arrears.deal");
        File.WriteAllText(file, Source);
        CliOutcome replay = CliHarness.Run(["mc", file, "--scenario", "Loaded", "--replay-path", "0"]);
        Assert.True(replay.Exit == ExitCodes.Ok, replay.ToString());
        Assert.Contains("MinerLoan pays share", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_beta_nearly_all_at_0_and_1_draws_a_share_and_a_recovery_on_every_path_never_nan()
    {
        // sd 21.794473% just under √(0.95 × 0.05) = 21.794495%: ν = 0.0475 / 0.21794473² − 1 = 1.993e-6, α = 0.95 ν =
        // 1.893e-6, β = 0.05 ν = 9.96e-8. Each gamma variate is Gamma(a + 1) U^(1/a) with 1/a above 500,000, so both
        // underflow to 0 on most paths, and X / (X + Y) was 0 / 0 = NaN: the path then ran with the window's mean share
        // (95%; the party's own 60% for the recovery) while --paths-out and the replay showed n/a (the fuzz5 hunt). The
        // ratio taken from the gamma variates' logs is 0 or 1 to double's precision, 1 with probability α / (α + β) =
        // 95%: over 400 paths within four binomial standard errors, 4 × √(0.95 × 0.05 / 400) = 0.044.
        const string polar = """

            scenario Polar for Arrears {
              paths 400
              seed  5
              MinerLoan pays beta mean 95% sd 21.794473% from 2026-04-01 to 2026-09-30
              Miner defaults on 2026-08-15 recovery beta mean 95% sd 21.794473%
            }
            """;
        using var compiled = CompiledStochasticDeal.Of("arrears.deal", Source + polar);
        StochasticPaths source = compiled.Source("Polar", 5, 400);
        var inputs = new PathInputs(compiled.Deal);
        int loan = compiled.Loan("MinerLoan"), miner = Array.FindIndex(compiled.Deal.Parties, p => p.Name == "Miner");
        int sharesNearOne = 0, recoveriesNearOne = 0;
        for (int p = 0; p < 400; p++)
        {
            source.Fill(p, inputs);
            double share = inputs.LoanPaysShareByPeriod[loan][1], recovery = inputs.PartyRecovery[miner];
            Assert.InRange(share, 0.0, 1.0);
            Assert.InRange(recovery, 0.0, 1.0);
            Assert.True(share < 1e-12 || share > 1 - 1e-12, $"path {p}: {share}");
            sharesNearOne += share > 0.5 ? 1 : 0;
            recoveriesNearOne += recovery > 0.5 ? 1 : 0;
        }

        Assert.InRange(sharesNearOne / 400.0, 0.95 - 0.044, 0.95 + 0.044);
        Assert.InRange(recoveriesNearOne / 400.0, 0.95 - 0.044, 0.95 + 0.044);

        // The replay runs path 3 with the share it lists (cash checked): the window's t=1 pays 12.7m × s.
        var (outcome, _) = PathReplay.Run(compiled.Program, source, 3, "Polar");
        source.Fill(3, inputs);
        Assert.Equal(inputs.LoanPaysShareByPeriod[loan][1], outcome.Draws.Single(d => d.Name == "MinerLoan pays share").Value);
        Assert.Equal(inputs.PartyRecovery[miner], outcome.Draws.Single(d => d.Name == "Miner recovery").Value);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_on_one_and_two_threads()
    {
        // 9,000 paths: two blocks of 4,096 and a part, so two threads really share the work.
        string file = Path.Combine(folder, "arrears.deal");
        File.WriteAllText(file, Source);
        string[] Mc(string threads) => ["mc", file, "--scenario", "With", "--paths", "9000", "--seed", "5", "--threads", threads, "--format", "json"];
        CliOutcome one = CliHarness.Run(Mc("1"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        CliOutcome two = CliHarness.Run(Mc("2"));
        Assert.Equal(one.Out, two.Out);
    }
}
