using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A loan's own workout lag drawn per path (<c>L workout drawn …</c>, docs/language.md §10, "Drawn workout lags"): the
/// loan receives its recovery its own lag after the default while its obligor's other loan takes the party's drawn lag;
/// its uniform comes after every other draw of the path, so the party's lag and defaults are the ones drawn without it;
/// its lags' shares over many paths are their probabilities; the mirrored path takes 1 − u; the per-path row ends with
/// <c>L workout months</c> and the replayed path's loan row shows the lag.
/// </summary>
public sealed class LoanDrawnWorkoutTests
{
    // Quarterly, 30/360 (every year fraction exactly 0.25), sixteen periods 2026Q1..2029Q4. Miner owes MinerLoan 100m and
    // SecondLoan 50m, both at 8% bullet to 2029-12-31 and recovering 40% after 18m (6 periods). Miner defaults on
    // 2026-05-15, in Q2 (t = 1).
    private const string Source = """
        deal Workout {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan  { obligor Miner  balance 100m  coupon 8% fixed  maturity 2029-12-31  recovery 40% after 18m }
          loan SecondLoan { obligor Miner  balance 50m   coupon 8% fixed  maturity 2029-12-31  recovery 40% after 18m }

          tranche Notes { balance 120m  coupon 4% }
          equity Owners { contributed 30m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario PartyOnly for Workout {
          paths 1
          seed  7
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 100%
        }

        scenario LoanToo for Workout {
          paths 1
          seed  7
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 100%
          SecondLoan workout drawn 36m with 100%
        }

        scenario Without for Workout {
          paths 400
          seed  11
          Miner defaults drawn pd 30% per year
          Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20%
        }

        scenario With for Workout {
          paths 400
          seed  11
          Miner defaults drawn pd 30% per year
          Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20%
          SecondLoan workout drawn 6m with 30%, 18m with 50%, 36m with 20%
        }

        scenario Mirrored for Workout {
          paths 200
          seed  9
          antithetic
          Miner defaults on 2026-05-15
          SecondLoan workout drawn 6m with 50%, 18m with 50%
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void A_loan_drawing_36m_recovers_then_while_the_partys_other_loan_takes_its_6m()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // Q2 (t = 1): Miner defaults; MinerLoan is written down to 40% × 100m = 40m, SecondLoan to 40% × 50m = 20m.
        // MinerLoan takes the party's drawn 6m: ⌈6 / 3⌉ = 2 periods, its 40m received in t = 1 + 2 = 3.
        // SecondLoan takes its own 36m in its obligor's stead: 36 / 3 = 12 periods, its 20m received in t = 1 + 12 = 13.
        for (int t = 0; t < 16; t++)
        {
            Assert.Equal(t == 3 ? 40e6 : 0, Deal.Value.Ledger("recovery MinerLoan", t, "LoanToo"), 1e-6);
            Assert.Equal(t == 13 ? 20e6 : 0, Deal.Value.Ledger("recovery SecondLoan", t, "LoanToo"), 1e-6);
            Assert.Equal(t == 0 ? 50e6 : t < 13 ? 20e6 : 0, Deal.Value.Ledger("SecondLoan balance", t, "LoanToo"), 1e-6);
        }

        // Without the loan's draw, SecondLoan takes the party's 6m as MinerLoan does: its 20m in t = 3.
        Assert.Equal(20e6, Deal.Value.Ledger("recovery SecondLoan", 3, "PartyOnly"), 1e-6);
        Assert.Equal(0, Deal.Value.Ledger("recovery SecondLoan", 13, "PartyOnly"), 1e-6);
    }

    [Fact]
    public void The_loans_draw_comes_after_every_other_so_nothing_else_moves_and_its_uniform_is_the_next()
    {
        // The same seed with and without SecondLoan's draw: the drawn default dates and the party's lag are the same on
        // every path, bit for bit. A drawn default takes the path's first uniform (one party, no factor) and the party's
        // lag the second, so the loan's is the third: u₃ < 30% draws 6m (2 periods), < 80% 18m (6), else 36m (12).
        var (deal, without, run1) = Compiled("Without");
        var (_, with, run2) = Compiled("With");
        using (run1)
        using (run2)
        {
            var a = new StochasticPaths(deal, without, 11, 400);
            var b = new StochasticPaths(deal, with, 11, 400);
            var ia = new PathInputs(deal);
            var ib = new PathInputs(deal);
            int second = Array.FindIndex(deal.Loans, l => l.Name == "SecondLoan");
            var lags = new HashSet<int>();
            for (int p = 0; p < 400; p++)
            {
                a.Fill(p, ia);
                b.Fill(p, ib);
                Assert.Equal(a.Drawn(ia).PartyDefaults, b.Drawn(ib).PartyDefaults);
                Assert.Equal(ia.PartyWorkoutPeriods[0], ib.PartyWorkoutPeriods[0]);
                Assert.Equal(-1, ia.LoanWorkoutPeriods[second]);

                var stream = new PathStream(11, (uint)p, mirrored: false);
                stream.Uniform();
                stream.Uniform();
                double u = stream.Uniform();
                Assert.Equal(u < 0.3 ? 2 : u < 0.8 ? 6 : 12, ib.LoanWorkoutPeriods[second]);
                lags.Add(ib.LoanWorkoutPeriods[second]);
            }

            Assert.Equal([2, 6, 12], lags.Order());
        }
    }

    [Fact]
    public void The_lags_shares_over_many_paths_are_their_probabilities()
    {
        // n = 20,000 paths: each lag's share within four binomial standard errors √(p (1 − p) / n): 6m 30% ± 0.0032 × 4,
        // 18m 50% ± 0.0035 × 4, 36m 20% ± 0.0028 × 4. In periods: 2, 6 and 12.
        const int n = 20_000;
        var (deal, scenario, run) = Compiled("With");
        using (run)
        {
            var source = new StochasticPaths(deal, scenario, 5, n);
            var inputs = new PathInputs(deal);
            int second = Array.FindIndex(deal.Loans, l => l.Name == "SecondLoan");
            var draws = PathDraws.Of(source);
            var counts = new Dictionary<int, int> { [2] = 0, [6] = 0, [12] = 0 };
            for (int p = 0; p < n; p++)
            {
                source.Fill(p, inputs);
                counts[inputs.LoanWorkoutPeriods[second]]++;

                // The per-path row's 'SecondLoan workout months' is the lag the loan ran with (periods × 3 months), after
                // the party's 'Miner workout months'.
                draws.Read(inputs, p, deal.Periods); // not run: its periods only count jumps, which this scenario has none of
                Assert.Equal(inputs.LoanWorkoutPeriods[second] * 3, draws.LoanWorkoutMonths[0]);
                Assert.Equal(inputs.PartyWorkoutPeriods[0] * 3, draws.WorkoutMonths[0]);
            }

            PathColumn[] columns = PathDraws.Columns(source);
            Assert.Equal(["Miner workout months", "SecondLoan workout months", "Miner default date"], columns[^3..].Select(c => c.Name));

            foreach ((int periods, double probability) in new[] { (2, 0.3), (6, 0.5), (12, 0.2) })
            {
                double se = Math.Sqrt(probability * (1 - probability) / n);
                Assert.InRange((double)counts[periods] / n, probability - (4 * se), probability + (4 * se));
            }
        }
    }

    [Fact]
    public void The_mirrored_path_takes_one_minus_u()
    {
        // 6m or 18m with 50% each: each antithetic pair takes one of each (2 and 6 periods).
        var (deal, scenario, run) = Compiled("Mirrored");
        using (run)
        {
            var source = new StochasticPaths(deal, scenario, 9, 200);
            var inputs = new PathInputs(deal);
            int second = Array.FindIndex(deal.Loans, l => l.Name == "SecondLoan");
            for (int p = 0; p < 200; p += 2)
            {
                source.Fill(p, inputs);
                int first = inputs.LoanWorkoutPeriods[second];
                source.Fill(p + 1, inputs);
                Assert.Equal(first == 2 ? 6 : 2, inputs.LoanWorkoutPeriods[second]);
            }
        }
    }

    [Fact]
    public void The_replayed_path_shows_the_loans_lag_in_its_row()
    {
        // LoanToo's path 0: SecondLoan's own 36m beside the party's 6m (only SecondLoan has a loan row 'workout months').
        string folder = Directory.CreateTempSubdirectory("deallang-loanworkout-").FullName;
        try
        {
            string file = Path.Combine(folder, "workout.deal");
            File.WriteAllText(file, Source);
            CliOutcome json = CliHarness.Run("mc", file, "--scenario", "LoanToo", "--replay-path", "0", "--format", "json");
            Assert.True(json.Exit == ExitCodes.Ok, json.ToString());
            Assert.Contains("\"workoutMonths\": 36", json.Out, StringComparison.Ordinal);
            Assert.Contains("\"workoutMonths\": 6", json.Out, StringComparison.Ordinal);

            CliOutcome table = CliHarness.Run("mc", file, "--scenario", "LoanToo", "--replay-path", "0");
            Assert.True(table.Exit == ExitCodes.Ok, table.ToString());
            Assert.Matches(@"workout months\s+36\b", table.Out);
            Assert.Matches(@"workout months\s+6\b", table.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (DealDescription Deal, ScenarioSpec Scenario, IDisposable Host) Compiled(string scenario)
    {
        var result = DealCompiler.Compile("workout.deal", Source);
        Assert.NotNull(result.Compiled);
        DealHost host = DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName);
        return (host.Program.Description, result.Model!.Scenarios.Single(s => s.Name == scenario), new Loaded(host));
    }

    private sealed class Loaded(DealHost host) : IDisposable
    {
        public void Dispose() => host.Dispose();
    }
}
