using DealLang.Cli.Tests.Corrections;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A re-let's utilisation drawn per path (docs/language.md §5, "drawn-relet-utilisation"): <c>H100s relet after 3m at
/// beta mean m sd s [loading F γ]…</c>, a ramp's end <c>rising to beta …</c>, and a scenario's <c>enforcement relet idle at
/// beta …</c>. Each path draws the utilisation from the beta of that mean and sd (by the method of moments, as a drawn
/// share's), after every other draw of the path, so nothing else a path draws moves; loaded, it is the beta's quantile at
/// the copula's uniform, lower where the factor's shock is low; the re-let's revenue is the fixed lever's at the
/// utilisation drawn, units × P_t × 8,760 × y'_t × R_t × k_t; the same seed gives the same report on one and two threads;
/// every path conserves cash.
/// </summary>
public sealed class DrawnReletUtilisationTests : IDisposable
{
    // ContractReletRampTests' deal: monthly from 2026-01-01, 1,200 H100s under one contract, H100Rent 2.00 until
    // 2026-09-01 and 2.50 after; the anchor defaults on 2026-02-01 (dated) or on a drawn date (pd 20%), so a re-let
    // after 3m starts on 2026-05-01 (t=4) on the dated paths. A GPU re-let for d days at price P and utilisation u earns
    // P × 8,760 × d / 365 × u = 24 × P × d × u.
    private const string Source = """
        deal Neo {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      monthly
          daycount 30/360

          party Anchor { rating "B"  pd 20% }
          party Owner  { }
          index H100Rent { level 2.00 per gpu_hour  points stepped { 2026-09-01 2.50 per gpu_hour } }
          fleet Cluster {
            units 1200 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            generation H100Rent
          }
          contract H100s on Cluster {
            customer Anchor  units 1200 gpus  price 2.20 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-01-01  term 2y
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Fixed for Neo {
          Anchor defaults on 2026-02-01
          H100s relet after 3m at 40%
        }

        scenario Drawn for Neo {
          paths 1
          seed  3
          Anchor defaults on 2026-02-01
          H100s relet after 3m at beta mean 40% sd 20%
        }

        scenario RampEnd for Neo {
          paths 1
          seed  3
          Anchor defaults on 2026-02-01
          H100s relet after 3m at 30% rising to beta mean 70% sd 10% over 12m price 85% of H100Rent
        }

        scenario Loaded for Neo {
          paths 200
          seed  3
          H100Rent gbm drift 0% per year volatility 40% per year
          Anchor defaults on 2026-02-01
          H100s relet after 3m at beta mean 40% sd 20% loading H100Rent 100%
        }

        scenario Without for Neo {
          paths 300
          seed  11
          H100Rent gbm drift 0% per year volatility 40% per year
          Anchor defaults drawn loading H100Rent 40% recovery beta mean 40% sd 20%
          H100s relet after 3m at 40%
        }

        scenario With for Neo {
          paths 300
          seed  11
          H100Rent gbm drift 0% per year volatility 40% per year
          Anchor defaults drawn loading H100Rent 40% recovery beta mean 40% sd 20%
          H100s relet after 3m at beta mean 40% sd 20% loading H100Rent 50%
        }
        """;

    // ReletIdleTests' deal (2,000 GPUs, GpuRent 2.00, the sale date 2026-02-01 and the sale's own 'relet idle at 50% for
    // 6m'), the scenario drawing the utilisation of every sale's re-let of idle units.
    private static readonly string Sale = ReletIdleTests.Source + """

        scenario DrawnIdle for Small {
          paths 1
          seed  3
          enforcement relet idle at beta mean 50% sd 20% for 6m
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-drawnrelet-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_relet_earns_at_the_utilisation_path_0_drew_as_the_fixed_lever_at_its_own()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // `run` runs Drawn as its path 0 at seed 3, which draws nothing else: the utilisation is the first beta variate
        // of the path's stream, α = 0.4 × 5 = 2, β = 0.6 × 5 = 3 (ν = 0.24 / 0.04 − 1 = 5), R = 0.637192 (the number
        // LoanDrawnShareTests' share and DatedRecoveryTests' recovery draw at the same seed).
        var rng = new PathStream(3, 0, mirrored: false);
        double r = BetaVariate.Draw(ref rng, new RecoveryBeta(0.4, 0.2));
        Assert.Equal(0.637192, r, 6);

        // May (t=4, the re-let's start, 31 days, H100Rent 2.00): units × P × hours × y' × R × k
        //   = 1,200 × 2.00 × 8,760 × 31/365 × 0.637192 × 1 = 1,785,600 × 0.637192 = 1,137,770 (1e-6 on the formula),
        // where the fixed 40% earns 1,785,600 × 0.4 = 714,240. September (30 days, 2.50): 1,200 × 2.50 × 24 × 30 × R.
        Assert.Equal(1_200 * 2.00 * 8_760 * (31 / 365.0) * r * 1, Deal.Value.Ledger("revenue H100s", 4, "Drawn"), 1e-6);
        Assert.Equal(1_137_770, Deal.Value.Ledger("revenue H100s", 4, "Drawn"), 1.0);
        Assert.Equal(714_240.00, Deal.Value.Ledger("revenue H100s", 4, "Fixed"), 0.01);
        Assert.Equal(1_200 * 2.50 * 24 * 30 * r, Deal.Value.Ledger("revenue H100s", 8, "Drawn"), 1e-6);

        // Idle before it (February to April), as the fixed lever's.
        Assert.Equal(0.0, Deal.Value.Ledger("revenue H100s", 3, "Drawn"));
        Assert.Equal(0.637192, Deal.Value.Outcomes["Drawn"].Draws.Single(d => d.Name == "H100s relet utilisation").Value, 6);
    }

    [Fact]
    public void A_ramps_end_drawn_is_the_level_the_ramp_reaches()
    {
        // RampEnd draws R1 from beta(70%, 10%) (ν = 0.21 / 0.01 − 1 = 20: α = 14, β = 6) as path 0's first variate; the ramp
        // runs R_t = 30% + (R1 − 30%) × min(1, m / 12) from May at 85% of H100Rent.
        var rng = new PathStream(3, 0, mirrored: false);
        double r1 = BetaVariate.Draw(ref rng, new RecoveryBeta(0.7, 0.1));

        // May (m = 0): 1,200 × 24 × 1.70 × 31 × 30% = 455,328, whatever R1 (the ramp's start is written).
        // June (m = 1, 30 days): 1,200 × 24 × 1.70 × 30 × (0.3 + (R1 − 0.3) / 12).
        // May 2027 (t=16, m = 12, 31 days, 85% × 2.50 = 2.125): 1,200 × 24 × 2.125 × 31 × R1, held after.
        Assert.Equal(455_328.00, Deal.Value.Ledger("revenue H100s", 4, "RampEnd"), 0.01);
        Assert.Equal(1_200 * 24 * 1.70 * 30 * (0.3 + ((r1 - 0.3) / 12)), Deal.Value.Ledger("revenue H100s", 5, "RampEnd"), 1e-6);
        Assert.Equal(1_200 * 24 * 2.125 * 31 * r1, Deal.Value.Ledger("revenue H100s", 16, "RampEnd"), 1e-6);
        Assert.Equal(r1, Deal.Value.Outcomes["RampEnd"].Draws.Single(d => d.Name == "H100s relet rising to").Value, 12);
    }

    [Fact]
    public void A_scenarios_relet_of_idle_units_drawn_lets_every_sales_free_units_at_it()
    {
        var deal = new SmallDeal(Sale);
        Assert.Empty(deal.Diagnostics);

        // Beta(50%, 20%): ν = 0.25 / 0.04 − 1 = 5.25, α = β = 2.625, path 0's first variate R. February (28 days, the sale
        // date 2026-02-01): u × P × hours × y' × R = 2,000 × 2.00 × 8,760 × 28/365 × R = 2,688,000 × R; March (31 days)
        // 2,976,000 × R. The sale's own 50% earns 1,344,000 in February.
        var rng = new PathStream(3, 0, mirrored: false);
        double r = BetaVariate.Draw(ref rng, new RecoveryBeta(0.5, 0.2));
        Assert.Equal(2_000 * 2.00 * 8_760 * (28 / 365.0) * r, deal.Ledger("Cluster enforcement re-let revenue", 1, "DrawnIdle"), 1e-6);
        Assert.Equal(2_000 * 2.00 * 8_760 * (31 / 365.0) * r, deal.Ledger("Cluster enforcement re-let revenue", 2, "DrawnIdle"), 1e-6);
        Assert.Equal(1_344_000.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Relet"), 0.01);
        Assert.Equal(r, deal.Outcomes["DrawnIdle"].Draws.Single(d => d.Name == "enforcement relet utilisation").Value, 12);
    }

    [Fact]
    public void A_loading_of_100_percent_makes_the_utilisation_the_betas_quantile_at_the_factors_shock()
    {
        // Loaded 100% on H100Rent: v = 1, so U = Φ(Z) and R = I⁻¹_U(2, 3), I_R(2, 3) = 6R² − 8R³ + 3R⁴: a function of the
        // rent's path shock alone, lower on the paths where the rent falls. Z is the per-path row's 'H100Rent shock'.
        using var compiled = CompiledStochasticDeal.Of("neo.deal", Source);
        StochasticPaths source = compiled.Source("Loaded", 3, 200);
        var inputs = new PathInputs(compiled.Deal);
        var draws = PathDraws.Of(source);
        double lowest = 1, highest = 0, zLowest = 0, zHighest = 0;
        for (int p = 0; p < 200; p++)
        {
            source.Fill(p, inputs);
            draws.Read(inputs, p, compiled.Deal.Periods);
            double z = draws.Shocks[0], u = draws.ReletUtilisations[0];
            Assert.Equal(NormalQuantile.Cdf(z), (6 * u * u) - (8 * u * u * u) + (3 * u * u * u * u), 1e-12);

            // The utilisation the contract's re-let runs at on the path: the slot the generated loop reads.
            Assert.Equal(u, inputs.ContractReletUtilisation[0]);
            (lowest, zLowest) = u < lowest ? (u, z) : (lowest, zLowest);
            (highest, zHighest) = u > highest ? (u, z) : (highest, zHighest);
        }

        Assert.True(zLowest < zHighest, $"the lowest utilisation's shock {zLowest} is not below the highest's {zHighest}");
        Assert.Equal(["H100s relet utilisation", "H100Rent shock"], PathDraws.Columns(source).Select(c => c.Name));
    }

    [Fact]
    public void The_utilisation_draws_after_everything_else_so_no_other_draw_moves()
    {
        // The same seed with the fixed 40% and with the drawn utilisation: the default dates, the drawn recoveries and the
        // rent's levels are the same on every path, bit for bit; only the re-let's utilisation differs.
        using var compiled = CompiledStochasticDeal.Of("neo.deal", Source);
        StochasticPaths a = compiled.Source("Without", 11, 300), b = compiled.Source("With", 11, 300);
        var ia = new PathInputs(compiled.Deal);
        var ib = new PathInputs(compiled.Deal);
        int anchor = compiled.Party("Anchor");
        var utilisations = new HashSet<double>();
        for (int p = 0; p < 300; p++)
        {
            a.Fill(p, ia);
            b.Fill(p, ib);
            Assert.Equal(a.Drawn(ia).PartyDefaults, b.Drawn(ib).PartyDefaults);
            Assert.Equal(ia.PartyRecovery[anchor], ib.PartyRecovery[anchor]);
            Assert.Equal(ia.IndexLevel[0], ib.IndexLevel[0]);
            Assert.Equal(0.4, ia.ContractReletUtilisation[0]);
            utilisations.Add(ib.ContractReletUtilisation[0]);
        }

        Assert.Equal(300, utilisations.Count);
    }

    [Fact]
    public void The_mean_utilisation_is_its_mean()
    {
        // Over 20,000 unloaded paths of sd 20%: within four standard errors, 4 × 0.2 / √20000 = 0.0057.
        using var compiled = CompiledStochasticDeal.Of("neo.deal", Source);
        StochasticPaths source = compiled.Source("Drawn", 2026, 20_000);
        var inputs = new PathInputs(compiled.Deal);
        double sum = 0;
        for (int p = 0; p < 20_000; p++)
        {
            source.Fill(p, inputs);
            sum += inputs.ContractReletUtilisation[0];
        }

        Assert.InRange(sum / 20_000, 0.4 - 0.0057, 0.4 + 0.0057);
    }

    [Fact]
    public void Every_path_conserves_cash_and_the_replay_lists_the_utilisation_drawn()
    {
        // PathReplay runs a path with the cash check on: a break of conservation would throw. The drawn default comes on
        // some paths before the contract's end, on others not at all; the sale's re-let runs on path 0 of its own deal.
        using var compiled = CompiledStochasticDeal.Of("neo.deal", Source);
        StochasticPaths source = compiled.Source("With", 11, 120);
        for (int p = 0; p < 120; p++)
        {
            var (outcome, _) = PathReplay.Run(compiled.Program, source, p, "With");
            Assert.InRange(outcome.Draws.Single(d => d.Name == "H100s relet utilisation").Value, 0.0, 1.0);
        }

        using var sale = CompiledStochasticDeal.Of("small.deal", Sale);
        StochasticPaths idle = sale.Source("DrawnIdle", 3, 20);
        for (int p = 0; p < 20; p++)
        {
            PathReplay.Run(sale.Program, idle, p, "DrawnIdle");
        }

        string file = Path.Combine(folder, "neo.deal");
        File.WriteAllText(file, Source);
        CliOutcome replay = CliHarness.Run(["mc", file, "--scenario", "Loaded", "--replay-path", "0"]);
        Assert.True(replay.Exit == ExitCodes.Ok, replay.ToString());
        Assert.Contains("H100s relet utilisation", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_on_one_and_two_threads()
    {
        // 9,000 paths: two blocks of 4,096 and a part, so two threads really share the work.
        string file = Path.Combine(folder, "neo.deal");
        File.WriteAllText(file, Source);
        string[] Mc(string threads) => ["mc", file, "--scenario", "With", "--paths", "9000", "--seed", "5", "--threads", threads, "--format", "json"];
        CliOutcome one = CliHarness.Run(Mc("1"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        CliOutcome two = CliHarness.Run(Mc("2"));
        Assert.Equal(one.Out, two.Out);
    }
}
