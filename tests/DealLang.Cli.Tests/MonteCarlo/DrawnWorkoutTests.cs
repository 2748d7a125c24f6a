using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A loan's workout lag drawn per path (docs/language.md §10, "Drawn workout lags"): a path that draws 18m receives the
/// recovery where the fixed <c>after 18m</c> does, every figure the same; one that draws 6m two quarters after the
/// default; a loan of the party without a lag recovers at once on every path; the lags' shares over many paths are
/// their probabilities; the draw comes after every other, so nothing else a path draws moves; the mirrored path takes
/// 1 − u; the per-path row and the replayed path show the lag; in a chain, the held entity owing the loan takes the lag.
/// </summary>
public sealed class DrawnWorkoutTests
{
    // LoanRecoveryLagTests' deal with an 18-month lag: quarterly, 30/360 (every year fraction exactly 0.25), eight
    // periods 2026Q1..2027Q4. MinerLoan 100m at 8% bullet to 2027-12-31 (2m interest a quarter), recovery 40% after 18m:
    // 18 / 3 = 6 periods after the default period. Bridge 10m at 8% bullet, recovery 50% with no lag. Miner defaults
    // on 2026-05-15, in Q2 (t = 1).
    private const string Source = """
        deal Workout {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Other   { pd 5% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 8% fixed  maturity 2027-12-31  recovery 40% after 18m }
          loan Bridge    { obligor Miner  balance 10m  coupon 8% fixed  maturity 2027-12-31  recovery 50% }
          loan OtherLoan { obligor Other  balance 20m  coupon 8% fixed  maturity 2027-12-31  recovery 40% after 6m }

          tranche Notes { balance 90m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Fixed for Workout { Miner defaults on 2026-05-15 }

        scenario Drawn18 for Workout {
          paths 1
          seed  7
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 50%, 18m with 50%
        }

        scenario Drawn6 for Workout {
          paths 1
          seed  2
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 50%, 18m with 50%
        }

        scenario Many for Workout {
          paths 20000
          seed  5
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20%
        }

        scenario Mirrored for Workout {
          paths 200
          seed  9
          antithetic
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 50%, 18m with 50%
        }

        scenario OthersDrawn for Workout {
          paths 200
          seed  11
          Other defaults drawn recovery beta mean 50% sd 10%
          Miner defaults drawn pd 30% per year
        }

        scenario OthersDrawnAndWorkout for Workout {
          paths 200
          seed  11
          Other defaults drawn recovery beta mean 50% sd 10%
          Miner defaults drawn pd 30% per year
          Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20%
        }

        scenario SobolLags for Workout {
          paths 1024
          seed  3
          sobol
          Miner defaults drawn pd 30% per year
          Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20%
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    /// <summary>Path <paramref name="path"/>'s workout uniform under <paramref name="seed"/>: its stream's first uniform,
    /// where the scenario draws nothing else (a dated default draws nothing).</summary>
    private static double WorkoutUniform(ulong seed, int path) => new PathStream(seed, (uint)path, mirrored: false).Uniform();

    [Fact]
    public void A_path_that_draws_18m_receives_the_recovery_where_the_fixed_18m_does()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // `run` runs a stochastic scenario as its path 0. At seed 7 its one uniform is u = 0.9546 ≥ 50% (DrawnDelayTests'
        // stream): the second lag, 18m. Q1 (t = 0): 2m interest. Q2 (t = 1): Miner defaults, the balance is written down
        // to 40% × 100m = 40m and 60m lost. Q3..Q7 nothing. Q8 (t = 7 = 1 + 18 / 3): the 40m claim is received.
        Assert.InRange(WorkoutUniform(7, 0), 0.9545, 0.9546);
        double[] recovery = [0, 0, 0, 0, 0, 0, 0, 40e6];
        double[] balance = [100e6, 40e6, 40e6, 40e6, 40e6, 40e6, 40e6, 0];
        for (int t = 0; t < recovery.Length; t++)
        {
            Assert.Equal(recovery[t], Deal.Value.Ledger("recovery MinerLoan", t, "Drawn18"), 1e-6);
            Assert.Equal(balance[t], Deal.Value.Ledger("MinerLoan balance", t, "Drawn18"), 1e-6);
        }

        // Every figure of every period is the fixed lag's, bit for bit: the drawn lag replaces the loan's as it is.
        AssertSameLedger("Fixed", "Drawn18");
        Assert.Equal(18, Deal.Value.Outcomes["Drawn18"].Parties[0].WorkoutMonths);
        Assert.Null(Deal.Value.Outcomes["Fixed"].Parties[0].WorkoutMonths);
    }

    [Fact]
    public void A_path_that_draws_6m_receives_it_two_quarters_after_the_default_and_a_loan_without_a_lag_at_once()
    {
        // At seed 2 path 0's uniform is u = 0.4254 < 50%: 6m, ⌈6 / 3⌉ = 2 quarters, so the 40m claim comes in Q4 (t = 3),
        // as LoanRecoveryLagTests' 'after 6m' does.
        Assert.InRange(WorkoutUniform(2, 0), 0.4254, 0.4255);
        double[] recovery = [0, 0, 0, 40e6, 0, 0, 0, 0];
        for (int t = 0; t < recovery.Length; t++)
        {
            Assert.Equal(recovery[t], Deal.Value.Ledger("recovery MinerLoan", t, "Drawn6"), 1e-6);
        }

        // The bridge states no lag: it recovers 50% × 10m = 5m in the default quarter on every path, as under Fixed.
        Assert.Equal(5e6, Deal.Value.Ledger("recovery Bridge", 1, "Drawn6"), 1e-6);
        Assert.Equal(5e6, Deal.Value.Ledger("recovery Bridge", 1, "Fixed"), 1e-6);
        Assert.Equal(6, Deal.Value.Outcomes["Drawn6"].Parties[0].WorkoutMonths);
    }

    [Fact]
    public void The_lags_shares_over_many_paths_are_their_probabilities()
    {
        // n = 20,000 paths: each lag's share within four binomial standard errors √(p (1 − p) / n): 6m 30% ± 0.0032 × 4,
        // 18m 50% ± 0.0035 × 4, 36m 20% ± 0.0028 × 4 (a false failure about once in 16,000 seeds each). The loan's
        // lag in periods is the months over 3, rounded up: 2, 6 and 12.
        const int n = 20_000;
        var (deal, scenario, run) = Compiled("Many");
        using (run)
        {
            var source = new StochasticPaths(deal, scenario, 5, n);
            var inputs = new PathInputs(deal);
            var draws = PathDraws.Of(source);
            int miner = Array.FindIndex(deal.Parties, p => p.Name == "Miner");
            var counts = new Dictionary<int, int> { [2] = 0, [6] = 0, [12] = 0 };
            for (int p = 0; p < n; p++)
            {
                source.Fill(p, inputs);
                counts[inputs.PartyWorkoutPeriods[miner]]++;

                // The per-path row's 'Miner workout months' is the lag the loan ran with.
                draws.Read(inputs, p, deal.Periods); // not run: its periods only count jumps, which this scenario has none of
                Assert.Equal(inputs.PartyWorkoutPeriods[miner] * 3, draws.WorkoutMonths[0]);
            }

            foreach ((int periods, double probability) in new[] { (2, 0.3), (6, 0.5), (12, 0.2) })
            {
                double se = Math.Sqrt(probability * (1 - probability) / n);
                Assert.InRange((double)counts[periods] / n, probability - (4 * se), probability + (4 * se));
            }

            Assert.Equal("Miner workout months", PathDraws.Columns(source)[^1].Name);
        }
    }

    [Fact]
    public void A_drawn_workout_draws_after_everything_else_so_no_other_draw_moves()
    {
        // The same seed with and without Miner's drawn lag: both parties' drawn default dates and Other's drawn recovery
        // are the same on every path, bit for bit, and the lag is drawn only with the item (each loan's own, −1, without).
        var (deal, without, run1) = Compiled("OthersDrawn");
        var (_, with, run2) = Compiled("OthersDrawnAndWorkout");
        using (run1)
        using (run2)
        {
            var a = new StochasticPaths(deal, without, 11, 200);
            var b = new StochasticPaths(deal, with, 11, 200);
            var ia = new PathInputs(deal);
            var ib = new PathInputs(deal);
            int other = Array.FindIndex(deal.Parties, p => p.Name == "Other"), miner = Array.FindIndex(deal.Parties, p => p.Name == "Miner");
            var lags = new HashSet<int>();
            for (int p = 0; p < 200; p++)
            {
                a.Fill(p, ia);
                b.Fill(p, ib);
                Assert.Equal(a.Drawn(ia).PartyDefaults, b.Drawn(ib).PartyDefaults);
                Assert.Equal(ia.PartyRecovery[other], ib.PartyRecovery[other]);
                Assert.Equal(-1, ia.PartyWorkoutPeriods[miner]);
                Assert.Equal(-1, ib.PartyWorkoutPeriods[other]);
                lags.Add(ib.PartyWorkoutPeriods[miner]);
            }

            Assert.Equal([2, 6, 12], lags.Order());
        }
    }

    [Fact]
    public void The_mirrored_path_takes_one_minus_u()
    {
        // 6m or 18m with 50% each: u < 50% draws 6m, so its mirror 1 − u > 50% draws 18m, and the other way round: every
        // antithetic pair takes one of each (u = 0.5 exactly, the one tie, has probability 2⁻⁵³).
        var (deal, scenario, run) = Compiled("Mirrored");
        using (run)
        {
            var source = new StochasticPaths(deal, scenario, 9, 200);
            var inputs = new PathInputs(deal);
            int miner = Array.FindIndex(deal.Parties, p => p.Name == "Miner");
            for (int p = 0; p < 200; p += 2)
            {
                source.Fill(p, inputs);
                int first = inputs.PartyWorkoutPeriods[miner];
                source.Fill(p + 1, inputs);
                Assert.Equal(first == 2 ? 6 : 2, inputs.PartyWorkoutPeriods[miner]);
            }
        }
    }

    [Fact]
    public void Under_sobol_the_lag_is_a_dimension_of_its_own_so_its_shares_are_balanced()
    {
        // One drawn default (dimension 0) and the lag (dimension 1): with 2¹⁰ points each dimension's coordinates fall
        // one in each interval [k / 1024, (k + 1) / 1024), so each lag's share is its probability within 2 / 1024.
        var (deal, scenario, run) = Compiled("SobolLags");
        using (run)
        {
            var source = new StochasticPaths(deal, scenario, 3, 1024);
            var inputs = new PathInputs(deal);
            int miner = Array.FindIndex(deal.Parties, p => p.Name == "Miner");
            var counts = new Dictionary<int, int> { [2] = 0, [6] = 0, [12] = 0 };
            for (int p = 0; p < 1024; p++)
            {
                source.Fill(p, inputs);
                counts[inputs.PartyWorkoutPeriods[miner]]++;
            }

            Assert.InRange(counts[2], 307 - 2, 307 + 2);   // 30% of 1,024 = 307.2
            Assert.InRange(counts[6], 512 - 2, 512 + 2);   // 50%: 512
            Assert.InRange(counts[12], 205 - 2, 205 + 2);  // 20%: 204.8
        }
    }

    [Fact]
    public void The_replayed_path_shows_the_lag_it_drew()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-drawnworkout-").FullName;
        try
        {
            string file = Path.Combine(folder, "workout.deal");
            File.WriteAllText(file, Source);
            CliOutcome replay = CliHarness.Run("mc", file, "--scenario", "Drawn18", "--replay-path", "0", "--format", "json");
            Assert.True(replay.Exit == ExitCodes.Ok, replay.ToString());
            Assert.Contains("\"workoutMonths\": 18", replay.Out, StringComparison.Ordinal);

            CliOutcome table = CliHarness.Run("mc", file, "--scenario", "Drawn6", "--replay-path", "0");
            Assert.True(table.Exit == ExitCodes.Ok, table.ToString());
            Assert.Matches(@"workout months\s+6\b", table.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A chain: the SPV owes the loan (recovery 40% after 18m), the parent holds its equity and draws the miner's workout
    // lag (Miner is in its scope through the import, one Miner in both entities).
    private const string Spv = """
        deal Spv {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 8% fixed  maturity 2027-12-31  recovery 40% after 18m }

          tranche SpvNotes { balance 60m  coupon 4% }
          equity SpvEquity { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay SpvNotes.interest
            pay SpvNotes.balance
            distribute rest to SpvEquity
          }
        }
        """;

    private const string Parent = """
        import "spv.deal"

        deal Parent {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Holders { }
          holding SpvStake { of Spv.SpvEquity  share 100% }
          tranche ParentNotes { balance 10m  coupon 5% }
          equity ParentEquity { contributed 30m  holders Holders 100% }

          waterfall {
            pay ParentNotes.interest
            pay ParentNotes.balance
            distribute rest to ParentEquity
          }
        }

        scenario SlowWorkout for Parent {
          paths 1
          seed 2
          Miner defaults on 2026-05-15
          Miner workout drawn 6m with 50%, 18m with 50%
        }
        """;

    [Fact]
    public void In_a_chain_the_entity_owing_the_loan_takes_the_top_s_drawn_lag()
    {
        // The parent owes no loan, but holds the SPV, whose loan to Miner takes the path's lag: at seed 2 path 0 draws
        // u = 0.4254 < 50%, 6m, so the SPV receives the 40m claim in its fourth quarter (period 4 of the ledger, t = 1 + 2),
        // not the loan's own 18m (its eighth), and its party row shows the lag.
        string folder = Directory.CreateTempSubdirectory("deallang-drawnworkout-chain-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "spv.deal"), Spv);
            string parent = Path.Combine(folder, "parent.deal");
            File.WriteAllText(parent, Parent);
            CliOutcome replay = CliHarness.Run("mc", parent, "--scenario", "SlowWorkout", "--replay-path", "0", "--ledger", "--format", "csv");
            Assert.True(replay.Exit == ExitCodes.Ok, replay.ToString());
            string[] lines = replay.Out.Split('\n');
            int header = Array.FindIndex(lines, l => l.StartsWith("period,", StringComparison.Ordinal) && l.Contains("recovery MinerLoan", StringComparison.Ordinal));
            int column = Array.IndexOf(lines[header].Split(','), "recovery MinerLoan");
            double[] recovery = [.. Enumerable.Range(1, 8).Select(t => double.Parse(lines[header + t].Split(',')[column], System.Globalization.CultureInfo.InvariantCulture))];
            Assert.Equal([0, 0, 0, 40e6, 0, 0, 0, 0], recovery);
            Assert.Contains("Miner (B),workout months,6", replay.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertSameLedger(string expected, string actual)
    {
        var a = Deal.Value.Outcomes[expected].Ledger!;
        var b = Deal.Value.Outcomes[actual].Ledger!;
        Assert.Equal(a.Periods, b.Periods);
        Assert.Equal(a.Columns, b.Columns);
        for (int t = 0; t < a.Periods; t++)
        {
            for (int k = 0; k < a.Columns; k++)
            {
                Assert.Equal(a[t, k], b[t, k]);
            }
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
