using System.Globalization;
using System.Text.Json;
using DealLang.Cli.Tests.Corrections;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A completion delay drawn per path (docs/language.md §10, "Drawn delays"): a path's known draw moves the index's
/// points as the fixed delay does, and its forward test reads the path's delayed schedule; the same seed gives the same
/// figures on any threads and shards; a Monte Carlo run's loss probability is the share of paths drawing the delay that
/// loses, counted from the paths' own uniforms; in a chain, the entity's index is delayed alike.
/// </summary>
public sealed class DrawnDelayTests : IDisposable
{
    // ForwardCompletionTests' campus (semiannual from 2026-01-01, 30/360: t0 ends 2026-07-01, t1 2027-01-01, …; half the
    // campus completed 2026-12-31, all of it 2027-06-30), with its fixed 6-month delay and two one-path drawn delays of
    // 0m or 6m with 50% each, at two seeds (below).
    private const string Source = """
        deal Campus {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      semiannual
          daycount 30/360

          party Tenant { }
          party Owner { }
          index Built { level 0%  points stepped { 2026-12-31 50%  2027-06-30 100% } }
          facility Site { cost 500m  value straight_line 20y }
          lease L on Site { lessee Tenant  rent 200m per year  starts 2026-01-01  term 3y  phased Built }

          tranche Notes { balance 300m  coupon 7.75% fixed  amortize linear  completion Built }
          equity  Eq    { contributed 10m  holders Owner 100% }
          account Reserve { initial 23.25m }

          test FwdDs   = debt_service over next 12m
          test FwdCfads = cfads over next 12m

          waterfall {
            pay Notes.interest using Reserve
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario OnTime for Campus { }
        scenario Late for Campus { Built delayed 6m }
        scenario DrawnLate for Campus {
          paths 1
          seed  7
          Built delayed drawn 0m with 50%, 6m with 50%
        }
        scenario DrawnOnTime for Campus {
          paths 1
          seed  2
          Built delayed drawn 0m with 50%, 6m with 50%
        }
        scenario SecondLate for Campus { Built delayed 6m from 2027-06-30 }
        scenario DrawnSecondLate for Campus {
          paths 1
          seed  7
          Built delayed drawn 0m with 50%, 6m with 50% from 2027-06-30
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private static readonly string Valid038 = Path.Combine(RepoPaths.Tests, "corpus", "valid", "038-drawn-construction-delay.deal");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-drawndelay-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Path <paramref name="path"/>'s delay uniform under <paramref name="seed"/>: its stream's first uniform,
    /// where the scenario draws nothing else (no factors, defaults or renewals before it).</summary>
    private static double DelayUniform(ulong seed, int path) => new PathStream(seed, (uint)path, mirrored: false).Uniform();

    [Fact]
    public void A_path_that_draws_the_delay_is_the_fixed_delay_and_its_forward_test_reads_the_delayed_schedule()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // `run` runs a stochastic scenario as its path 0. At seed 7 its one uniform is u = 0.9546 ≥ 50%: the 6m delay. The
        // points move to 2027-06-30 (50%) and 2027-12-31 (100%), so the shares read at the periods' starts are
        // t0 0, t1 0, t2 0 (2027-01-01), t3 50% (2027-07-01), t4 100% (2028-01-01).
        Assert.InRange(DelayUniform(7, 0), 0.9545, 0.9546);
        double[] shares = [0, 0, 0, 0.5, 1, 1];
        for (int t = 0; t < shares.Length; t++)
        {
            Assert.Equal(shares[t], Deal.Value.Ledger("Built", t, "DrawnLate"));
        }

        // At t1's end the forward test reads the path's delayed schedule: t2 reads 0 (interest 11.625m, no principal),
        // t3 50% (11.625m + 300m / 3 × 50% = 61.625m): 73.25m; rent 0 + 100m × 50% = 50m. Reading the undelayed
        // schedule (the row without the path's draw) it gave the on-time 146.796875m and 150m, a construction the path
        // has not had.
        Assert.Equal(73_250_000, Deal.Value.Ledger("FwdDs", 1, "DrawnLate"), 1e-3);
        Assert.Equal(50_000_000, Deal.Value.Ledger("FwdCfads", 1, "DrawnLate"), 1e-3);

        // Every figure of every period is the fixed delay's, bit for bit: the drawn delay moves the points as it does.
        AssertSameLedger("Late", "DrawnLate");
    }

    [Fact]
    public void A_path_that_draws_no_delay_is_the_deal_on_time()
    {
        // At seed 2 path 0's uniform is u = 0.4254 < 50%: no delay, every figure OnTime's.
        Assert.InRange(DelayUniform(2, 0), 0.4254, 0.4255);
        Assert.Equal(146_796_875, Deal.Value.Ledger("FwdDs", 1, "DrawnOnTime"), 1e-3);
        AssertSameLedger("OnTime", "DrawnOnTime");
    }

    [Fact]
    public void A_drawn_delay_from_a_date_moves_only_the_later_buildings()
    {
        // Seed 7's path 0 draws u = 0.9546 ≥ 50%, the 6m delay, here of the points on or after 2027-06-30 only: the
        // first building stays on 2026-12-31, the second moves to 2027-12-31, so the shares read at the periods' starts
        // are 0, 0, 50%, 50%, 100%, and every figure is the fixed 'Built delayed 6m from 2027-06-30''s, bit for bit.
        double[] shares = [0, 0, 0.5, 0.5, 1, 1];
        for (int t = 0; t < shares.Length; t++)
        {
            Assert.Equal(shares[t], Deal.Value.Ledger("Built", t, "DrawnSecondLate"));
        }

        // At t1's end the forward debt service reads t2 at 50% (11.625m + 300m / 4 × 50% = 49.125m) and t3 at 50%
        // (262.5m × 7.75% / 2 = 10.171875m + 262.5m / 3 × 50% = 43.75m: 53.921875m): 103.046875m, between the whole
        // delay's 73.25m and the on-time 146.796875m.
        Assert.Equal(103_046_875, Deal.Value.Ledger("FwdDs", 1, "DrawnSecondLate"), 1e-3);
        AssertSameLedger("SecondLate", "DrawnSecondLate");
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

    // Valid 038 on 9,000 paths (two blocks of 4,096 and a part: two threads really share the work): one and two
    // threads, and three shards merged, give the same report byte for byte.
    [Fact]
    public void The_same_seed_gives_the_same_report_on_any_threads_and_shards()
    {
        string paths = ((2 * SimulationEngine.BlockSize) + 808).ToString(CultureInfo.InvariantCulture);
        string[] Mc(params string[] more) => ["mc", Valid038, "--scenario", "DrawnDelay", "--paths", paths, "--seed", "5", .. more];
        CliOutcome one = CliHarness.Run(Mc("--threads", "1", "--format", "json"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        CliOutcome two = CliHarness.Run(Mc("--threads", "2", "--format", "json"));
        Assert.Equal(one.Out, two.Out);

        var files = new string[3];
        for (int i = 1; i <= 3; i++)
        {
            files[i - 1] = Path.Combine(folder, $"shard{i}.json");
            CliOutcome shard = CliHarness.Run(Mc("--threads", i == 2 ? "2" : "1", "--shard", $"{i}/3", "--out", files[i - 1]));
            Assert.True(shard.Exit == ExitCodes.Ok, shard.ToString());
        }

        CliOutcome merged = CliHarness.Run(["merge", "--format", "json", .. files.Reverse()]);
        Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
        Assert.Equal(one.Out, merged.Out);
    }

    // Valid 038's DrawnDelay (0m with 60%, 6m with 25%, 12m with 15%, 4,000 paths at seed 38): only a year's delay
    // loses the notes anything (YearLate's 7,516,410.96; HalfYearLate's loss is 0), so the paths that lose are exactly
    // those whose uniform is at least 85%, counted here from each path's own stream: P(loss) is that count over 4,000,
    // and the expected loss that share of YearLate's loss.
    [Fact]
    public void A_monte_carlo_run_loses_on_exactly_the_paths_that_draw_the_losing_delay()
    {
        CliOutcome ran = CliHarness.Run("run", Valid038, "--scenario", "YearLate", "--format", "json");
        Assert.True(ran.Exit == ExitCodes.Ok, ran.ToString());
        double yearLate = JsonDocument.Parse(ran.Out).RootElement.GetProperty("Campus.summary").GetProperty("scenarios")[0]
            .GetProperty("tranches")[0].GetProperty("principalLoss").GetDouble();
        Assert.Equal(7_516_410.96, yearLate, 1e-6);

        const int Paths = 4000;
        int late = Enumerable.Range(0, Paths).Count(i => DelayUniform(38, i) >= 0.85);
        CliOutcome mc = CliHarness.Run("mc", Valid038, "--scenario", "DrawnDelay", "--format", "json");
        Assert.True(mc.Exit == ExitCodes.Ok, mc.ToString());
        JsonElement notes = JsonDocument.Parse(mc.Out).RootElement.GetProperty("tranches")[0];
        Assert.Equal(late, notes.GetProperty("pathsWithLoss").GetInt32());
        Assert.Equal((double)late / Paths, notes.GetProperty("lossProbability").GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(late * yearLate / Paths, notes.GetProperty("expectedLoss").GetProperty("value").GetDouble(), 0.005); // printed to the cent

        // The count is a binomial draw of 4,000 at 15%: within four standard errors (√(4,000 × 0.15 × 0.85) = 22.6).
        Assert.InRange(late, 600 - 91, 600 + 91);
    }

    // TeraWulf's chain: 'Built' is Lake Mariner's completion index, which the top's scenario delays by name. On a path
    // that draws 12m the SPV's notes lose what the fixed 'Built delayed 12m' (ConstructionDelay) loses them, 950.67m;
    // on one that draws 0m nothing: the paths that lose are those whose uniform is at least 50%.
    [Fact]
    public void In_a_chain_the_entity_that_holds_the_index_is_delayed_by_the_paths_draw()
    {
        string scenarios = Path.Combine(folder, "delay.scenarios");
        File.WriteAllText(scenarios, "scenario Delay for TeraWulf {\n  paths 64\n  seed 3\n  Built delayed drawn 0m with 50%, 12m with 50%\n}\n");
        string terawulf = Path.Combine(RepoPaths.Examples, "terawulf.deal");
        CliOutcome fixedDelay = CliHarness.Run("run", terawulf, "--scenario", "ConstructionDelay", "--format", "json");
        Assert.True(fixedDelay.Exit == ExitCodes.Ok, fixedDelay.ToString());
        double loss = JsonDocument.Parse(fixedDelay.Out).RootElement.GetProperty("LakeMariner.summary").GetProperty("scenarios")[0]
            .GetProperty("tranches")[0].GetProperty("principalLoss").GetDouble();
        Assert.InRange(loss, 950e6, 951e6);

        int late = Enumerable.Range(0, 64).Count(i => DelayUniform(3, i) >= 0.5);
        CliOutcome mc = CliHarness.Run("mc", terawulf, "--scenarios", scenarios, "--scenario", "Delay", "--format", "json");
        Assert.True(mc.Exit == ExitCodes.Ok, mc.ToString());
        JsonElement notes = FirstTranche(mc.Out, "LakeMariner");
        Assert.Equal(late, notes.GetProperty("pathsWithLoss").GetInt32());
        Assert.Equal(late * loss / 64, notes.GetProperty("expectedLoss").GetProperty("value").GetDouble(), 0.005);
    }

    // A chain's mc JSON: one report per entity; the named entity's first tranche.
    private static JsonElement FirstTranche(string json, string entity)
    {
        JsonElement root = JsonDocument.Parse(json).RootElement;
        IEnumerable<JsonElement> reports = root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray()
            : root.EnumerateObject().Select(p => p.Value);
        return reports.First(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("deal", out JsonElement d) && d.GetString() == entity)
            .GetProperty("tranches")[0].Clone();
    }
}
