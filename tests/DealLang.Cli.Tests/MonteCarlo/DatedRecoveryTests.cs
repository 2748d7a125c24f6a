using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A recovery drawn per path for a party whose default is dated (docs/language.md §10, "Stochastic scenarios"):
/// <c>Tenant defaults on 2026-08-15 recovery beta mean 40% sd 20%</c> draws R as a drawn default's recovery is drawn,
/// after every other draw of the path (so nothing else a path draws moves), reaching the lessee's termination fee and
/// RVG as its fixed recovery does; its mean over many paths is m; the same seed gives the same report on any threads.
/// </summary>
public sealed class DatedRecoveryTests : IDisposable
{
    // LeaseTerminationFeeTests' lease: Tenant (recovery 40%) leases Campus at 12m a year for 2 years from the closing,
    // a fee of 8m amortising to 2m, an RVG of 120m capped at 30m; Tenant defaults on 2026-08-15, in the term.
    private const string Source = """
        deal Leased {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Other { pd 5% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee    Tenant
            rent      12m per year
            starts    2026-01-01
            term      2y
            rvg       guarantees 120m cap 30m until 2029-01-01
            termination_fee 8m amortising to 2m
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario InTerm for Leased {
          Tenant defaults on 2026-08-15
        }

        scenario DrawnRecovery for Leased {
          paths 1
          seed  3
          Tenant defaults on 2026-08-15 recovery beta mean 40% sd 20%
        }

        scenario OtherDrawn for Leased {
          paths 200
          seed  11
          Other defaults drawn recovery beta mean 50% sd 10%
          Tenant defaults on 2026-08-15
        }

        scenario OtherDrawnAndDated for Leased {
          paths 200
          seed  11
          Other defaults drawn recovery beta mean 50% sd 10%
          Tenant defaults on 2026-08-15 recovery beta mean 40% sd 20%
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-datedrecovery-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_paths_drawn_recovery_reaches_the_lessees_termination_fee_and_rvg()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // `run` runs the scenario as its path 0 at seed 3. It draws nothing else, so R is the first beta variate of path
        // 0's stream: α = 0.4 × 5 = 2, β = 0.6 × 5 = 3 (ν = 0.24 / 0.04 − 1 = 5), R = X / (X + Y), here R = 0.6372.
        var rng = new PathStream(3, 0, mirrored: false);
        double r = BetaVariate.Draw(ref rng, new RecoveryBeta(0.4, 0.2));
        Assert.InRange(r, 0.6371, 0.6373);

        // Fee owed on 2026-08-15 with 504 of the term's 730 days left: 2m + 6m × 504/730 = 6,142,465.75; received × R in
        // Q3 2026 (period 2): 6,142,465.75 × 0.6372 ≈ 3.914m, where the fixed 40% gives 2,456,986.30.
        double owed = 2_000_000 + (6_000_000.0 * 504 / 730);
        Assert.Equal(owed * r, Deal.Value.Ledger("termination fee L", 2, "DrawnRecovery"), 1e-3);
        Assert.Equal(owed * 0.4, Deal.Value.Ledger("termination fee L", 2, "InTerm"), 1e-3);

        // The lease ends with the default, in period 2: the RVG pays min(30m, 120m − value) × R, the value on the default
        // date (docs/language.md §5 "lease", "On which day"): 7 months and 14 of August's 31 days into a straight line
        // over 240 months, 100m × (1 − 7.451613 / 240) = 96,895,161.29, so 23,104,838.71 × R ≈ 14.722m (the fixed 40%:
        // 9,241,935.48; at the period's end, 96.25m, it was 9.5m).
        const double claim = 120_000_000 - (100_000_000 * (1 - ((7 + (14.0 / 31)) / 240)));
        Assert.Equal(23_104_838.709677, claim, 5);
        Assert.Equal(claim * 0.4, Deal.Value.Ledger("rvg L", 2, "InTerm"), 1e-3);
        Assert.Equal(claim * r, Deal.Value.Ledger("rvg L", 2, "DrawnRecovery"), 1e-3);
    }

    [Fact]
    public void The_mean_of_the_drawn_recovery_over_many_paths_is_its_mean()
    {
        // n = 20,000 paths of mean m = 40%, sd s = 20%: the sample mean's standard error is s / √n = 0.2 / 141.42 =
        // 0.001414, and the test allows four of them, 0.0057 (a false failure about once in 16,000 seeds).
        const int n = 20_000;
        var (deal, scenario, run) = Compiled("DrawnRecovery");
        using (run)
        {
            var source = new StochasticPaths(deal, scenario, 2026, n);
            var inputs = new PathInputs(deal);
            int tenant = Array.FindIndex(deal.Parties, p => p.Name == "Tenant");
            double sum = 0, squares = 0;
            for (int p = 0; p < n; p++)
            {
                source.Fill(p, inputs);
                double r = inputs.PartyRecovery[tenant];
                Assert.InRange(r, 0.0, 1.0);
                sum += r;
                squares += r * r;
            }

            double mean = sum / n, sd = Math.Sqrt((squares - (n * mean * mean)) / (n - 1));
            double se = 0.2 / Math.Sqrt(n);
            Assert.InRange(mean, 0.4 - (4 * se), 0.4 + (4 * se));

            // The sample sd of a beta of sd 0.2 (its standard error about 0.001 at this n): within 0.01.
            Assert.InRange(sd, 0.19, 0.21);
        }
    }

    [Fact]
    public void A_dated_recovery_draws_after_everything_else_so_no_other_draw_moves()
    {
        // The same seed with and without Tenant's drawn recovery: Other's drawn default dates and drawn recoveries are
        // the same on every path, bit for bit, and Tenant's recovery is drawn only with the item.
        var (deal, without, run1) = Compiled("OtherDrawn");
        var (_, with, run2) = Compiled("OtherDrawnAndDated");
        using (run1)
        using (run2)
        {
            var a = new StochasticPaths(deal, without, 11, 200);
            var b = new StochasticPaths(deal, with, 11, 200);
            var ia = new PathInputs(deal);
            var ib = new PathInputs(deal);
            int other = Array.FindIndex(deal.Parties, p => p.Name == "Other"), tenant = Array.FindIndex(deal.Parties, p => p.Name == "Tenant");
            var tenantRecoveries = new HashSet<double>();
            for (int p = 0; p < 200; p++)
            {
                a.Fill(p, ia);
                b.Fill(p, ib);
                Assert.Equal(a.Drawn(ia).PartyDefaults[other], b.Drawn(ib).PartyDefaults[other]);
                Assert.Equal(ia.PartyRecovery[other], ib.PartyRecovery[other]);
                Assert.Equal(0.4, ia.PartyRecovery[tenant]);
                tenantRecoveries.Add(ib.PartyRecovery[tenant]);
            }

            Assert.Equal(200, tenantRecoveries.Count);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_on_one_and_two_threads()
    {
        // 9,000 paths: two blocks of 4,096 and a part, so two threads really share the work.
        string file = Path.Combine(folder, "leased.deal");
        File.WriteAllText(file, Source);
        string[] Mc(string threads) => ["mc", file, "--scenario", "DrawnRecovery", "--paths", "9000", "--seed", "5", "--threads", threads, "--format", "json"];
        CliOutcome one = CliHarness.Run(Mc("1"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        CliOutcome two = CliHarness.Run(Mc("2"));
        Assert.Equal(one.Out, two.Out);
    }

    private sealed class Loaded(DealHost host) : IDisposable
    {
        public void Dispose() => host.Dispose();
    }

    private static (DealDescription Deal, ScenarioSpec Scenario, IDisposable Host) Compiled(string scenario)
    {
        var result = DealCompiler.Compile("leased.deal", Source);
        Assert.NotNull(result.Compiled);
        DealHost host = DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName);
        return (host.Program.Description, result.Model!.Scenarios.Single(s => s.Name == scenario), new Loaded(host));
    }
}
