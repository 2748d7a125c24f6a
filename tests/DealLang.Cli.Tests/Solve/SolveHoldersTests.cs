using System.Globalization;
using System.Text.Json;
using DealLang.Cli.Tests.MonteCarlo;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Solvers;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Solve;

/// <summary>
/// <c>deallang solve</c> on a guaranteed tranche's holders' Monte Carlo measures (<c>G holders loss = X%</c>,
/// <c>G holders irr = R%</c>; docs/cli.md, "solve"), on HoldersMonteCarloTests' deal: two 50m bullet loans (obligors A
/// and B, 3% a year, 40% recovery) funding a 100m zero-coupon note a state guarantees for principal up to 40m.
/// </summary>
public sealed class SolveHoldersTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deallang-solve-holders-").FullName;
    private readonly string deal;

    public SolveHoldersTests()
    {
        deal = Path.Combine(dir, "held.deal");
        File.WriteAllText(deal, HoldersMonteCarloTests.Held);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_recovery_giving_the_holders_an_expected_loss_of_1_percent_gives_it_in_an_mc_run()
    {
        // The holders lose max(0, shortfall − 40m): with A's recovery R, 50m(1 − R) + 30m where both default, and
        // 50m(1 − R) where A alone does. At R = 40% that is 20m on the 88 paths of both (0.44% expected, as
        // HoldersMonteCarloTests counts); at R = 0%, 40m on those and 10m where A alone defaults (about 2%): the
        // expected loss falls with R, piecewise linearly, and crosses 1% in between.
        CliOutcome solved = CliHarness.Run("solve", deal, "--scenario", "Mc", "--hurdle", "A.recovery", "--target", "Note holders loss = 1%",
            "--threads", "2", "-f", "json");
        Assert.True(solved.Exit == 0, solved.ToString());
        JsonElement answer;
        using (var doc = JsonDocument.Parse(solved.Out))
        {
            answer = doc.RootElement.EnumerateObject().Single().Value.Clone();
        }

        double r = answer.GetProperty("value").GetDouble();
        Assert.InRange(r, 0.0, 0.4);
        Assert.Equal("expected Note holders loss = 1%", answer.GetProperty("condition").GetString());
        Assert.Equal(0.01, answer.GetProperty("estimate").GetDouble(), 1e-9);
        Assert.Equal("the figure less its target, as a fraction: 0.01 is 1%", answer.GetProperty("objectiveUnit").GetString());

        // An mc run of the deal with A's recovery written as the answer (to 1e-8 of a fraction, 6 decimals of a
        // percent: the expected loss moves at most 0.5 × 1e-8 with it, its slope in R below 50m / 100m) reports the
        // holders' expected loss the target asked for, on the same 4,000 paths (seed 5), within 1e-7.
        string at = (r * 100).ToString("0.######", CultureInfo.InvariantCulture);
        string moved = Path.Combine(dir, "held-at.deal");
        string text = HoldersMonteCarloTests.Held.Replace("party A       { pd 3%  recovery 40% }", $"party A       {{ pd 3%  recovery {at}% }}", StringComparison.Ordinal);
        Assert.NotEqual(HoldersMonteCarloTests.Held, text);
        File.WriteAllText(moved, text);
        CliOutcome mc = CliHarness.Run("mc", moved, "--scenario", "Mc", "--threads", "2", "-f", "json");
        Assert.True(mc.Exit == 0, mc.ToString());
        using var report = JsonDocument.Parse(mc.Out);
        JsonElement holders = report.RootElement.GetProperty("tranches")[0].GetProperty("holders");
        Assert.Equal(0.01, holders.GetProperty("expectedLossShare").GetProperty("value").GetDouble(), 1e-7);
    }

    [Fact]
    public void A_holders_irr_target_reads_the_holders_mean_irr()
    {
        // The note pays no coupon, so the holders' IRR is at most 0% (repaid at par, or less): a mean of −0.1% is
        // reached where the holders' losses (A's recovery low) pull it below 0, and the estimate is the target.
        CliOutcome solved = CliHarness.Run("solve", deal, "--scenario", "Mc", "--hurdle", "A.recovery", "--target", "Note holders irr = -0.1%",
            "--threads", "2", "-f", "json");
        Assert.True(solved.Exit == 0, solved.ToString());
        using var doc = JsonDocument.Parse(solved.Out);
        JsonElement answer = doc.RootElement.EnumerateObject().Single().Value;
        Assert.Equal("mean Note holders irr = -0.1%", answer.GetProperty("condition").GetString());
        Assert.Equal(-0.001, answer.GetProperty("estimate").GetDouble(), 1e-9);
    }

    [Fact]
    public void The_holders_of_a_tranche_with_no_guarantor_are_refused()
    {
        string plain = HoldersMonteCarloTests.Held.Replace("guarantor State cap 40m covers principal", "", StringComparison.Ordinal);
        var compiled = DealCompiler.Compile("plain.deal", plain);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        var e = Assert.Throws<SolveUsageException>(() => SolveCondition.Parse(host.Program.Description, "Note holders loss = 1%"));
        Assert.Equal(
            "'Note holders loss = 1%' names the holders of tranche Note, which has no guarantor: its holders' figures are its own " +
            "('Note loses principal', 'Note misses interest', 'Note loss = X%', 'Note irr = R%'); deal Held has no guaranteed tranche", e.Message);
        Assert.Throws<SolveUsageException>(() => SolveCondition.Parse(host.Program.Description, "Note holders miss interest"));
    }

    // HoldersMonteCarloTests' deal with a deterministic scenario in which A alone defaults, on 2028-01-01: its recovery
    // R × 50m comes in then and the waterfall's 'pay Note.balance' pays it to the note at once; B repays its 50m at the
    // maturity, 2031-01-01, and the issuer is short 50m × (1 − R), of which the state pays the holders up to 40m.
    const string AAlone = """

        scenario AAlone for Held {
          A defaults on 2028-01-01
        }

        """;

    // A 100m note paying SOFR flat quarterly on 30/360 (25m × SOFR a quarter), funded by a 0% bullet loan: nothing is
    // collected until the maturity, 2028-01-01, when the loan's 100m repays the note's balance first (the waterfall pays
    // the balance before the interest) and nothing is left for interest, so the issuer pays no interest in any period.
    // A state guarantees the holders' interest up to 14m in all: it pays them 25m × SOFR each quarter, 8 × 25m × SOFR
    // = 200m × SOFR over the 8, until its cap runs out. Under Mc the state's own default is drawn (10% a year): from the
    // period it has defaulted by, it pays nothing.
    internal const string Carry = """
        deal Carry {
          title    "A note at SOFR flat whose interest a state guarantees up to 14m, funded by a 0% bullet loan"
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party O       { }
          party State   { pd 10% }
          party Sponsor { }
          index SOFR { level 0% }

          loan Bullet { obligor O  balance 100m  coupon 0%  amortize bullet  maturity 2028-01-01 }
          tranche Note {
            balance 100m  coupon SOFR + 0%  amortize bullet  seniority 1
            guarantor State cap 14m covers interest
          }
          equity Residual { contributed 0  holders Sponsor 100% }

          waterfall {
            pay Note.balance
            pay Note.interest
            distribute rest to Residual
          }
        }

        scenario Rates for Carry { }

        scenario Mc for Carry {
          paths 1000
          seed  3
          State defaults drawn
        }

        """;

    static JsonElement Answer(CliOutcome solved)
    {
        Assert.True(solved.Exit == 0, solved.ToString());
        using var doc = JsonDocument.Parse(solved.Out);
        return doc.RootElement.EnumerateObject().Single().Value.Clone();
    }

    string Write(string name, string text)
    {
        string file = Path.Combine(dir, name);
        File.WriteAllText(file, text);
        return file;
    }

    // The deal with A's recovery written as the answer, to 6 decimals of a percent (1e-8 of a fraction), and run under
    // AAlone: its Note's summary row (the issuer's and the holders' figures).
    JsonElement RunWithRecovery(double r)
    {
        string at = (r * 100).ToString("0.######", CultureInfo.InvariantCulture);
        string text = HoldersMonteCarloTests.Held.Replace("party A       { pd 3%  recovery 40% }", $"party A       {{ pd 3%  recovery {at}% }}", StringComparison.Ordinal) + AAlone;
        Assert.DoesNotContain("party A       { pd 3%  recovery 40% }", text, StringComparison.Ordinal);
        CliOutcome run = CliHarness.Run("run", Write("held-at.deal", text), "--scenario", "AAlone", "-f", "json");
        Assert.True(run.Exit == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("Held.summary").GetProperty("scenarios")[0].GetProperty("tranches")[0].Clone();
    }

    [Fact]
    public void A_deterministic_holders_loss_target_is_reached_by_a_run_of_the_deal_at_the_answer()
    {
        // By hand: with A alone defaulting, the issuer is short 50m × (1 − R) at the maturity and the state pays up to 40m
        // of it, so the holders lose max(0, 50m × (1 − R) − 40m): 5% of the 100m is 5m at 50m × (1 − R) = 45m, R = 10%.
        string held = Write("held-alone.deal", HoldersMonteCarloTests.Held + AAlone);
        JsonElement answer = Answer(CliHarness.Run("solve", held, "--scenario", "AAlone", "--hurdle", "A.recovery", "--target", "Note holders loss = 5%", "-f", "json"));
        double r = answer.GetProperty("value").GetDouble();
        Assert.Equal(0.10, r, 1e-9); // Brent's tolerance
        Assert.Equal("holders' loss 5%", answer.GetProperty("figure").GetString());

        // The deal run at the answer: the summary's holders' loss with guarantee (the note pays no coupon, so it is the
        // holders' principal loss alone) is 5m, within 50m × 1e-8 (the answer's rounding) plus a cent, and the issuer's
        // own loss is 45m, of which the state paid 40m.
        JsonElement note = RunWithRecovery(r);
        Assert.Equal(5e6, note.GetProperty("holdersLoss").GetDouble(), 0.51);
        Assert.Equal(45e6, note.GetProperty("principalLoss").GetDouble(), 0.51);
        Assert.Equal(40e6, note.GetProperty("paidByGuarantor").GetDouble(), 1e-6);
    }

    [Fact]
    public void A_deterministic_holders_irr_target_is_reached_by_a_run_of_the_deal_at_the_answer()
    {
        // By hand, at the answer R = 10.5051%: the holders paid 100m at the closing, get A's recovery 50m × R = 5.2525m on
        // 2028-01-01 (730 days: 2 years ACT/365F) and at the maturity (1,826 days) B's 50m plus the state's capped 40m;
        // at −1% a year 5.2525m / 0.99^2 + 90m / 0.99^(1826/365) = 5.3592m + 94.6408m = 100.0m.
        string held = Write("held-alone.deal", HoldersMonteCarloTests.Held + AAlone);
        JsonElement answer = Answer(CliHarness.Run("solve", held, "--scenario", "AAlone", "--hurdle", "A.recovery", "--target", "Note holders irr = -1%", "-f", "json"));
        double r = answer.GetProperty("value").GetDouble();
        Assert.Equal("holders' IRR -1%", answer.GetProperty("figure").GetString());
        double npv = (50e6 * r / Math.Pow(0.99, 2)) + (90e6 / Math.Pow(0.99, 1826 / 365.0)) - 100e6;
        Assert.True(Math.Abs(npv) < 100, $"NPV at -1% {npv:F2}"); // 1e-6 of the price: the IRR solver's and Brent's tolerances

        // The deal run at the answer has the summary's holders' IRR with guarantee at −1% (its slope in R is about
        // 0.25, so R's rounding to 1e-8 moves it by about 2.5e-9), while the issuer's own IRR is far below it.
        JsonElement note = RunWithRecovery(r);
        Assert.Equal(-0.01, note.GetProperty("holdersIrr").GetDouble(), 1e-7);
        Assert.True(note.GetProperty("irr").GetDouble() < -0.1);
    }

    [Fact]
    public void The_holders_lose_principal_where_the_capped_guarantor_no_longer_covers_the_issuers_loss()
    {
        // By hand: with A alone defaulting the holders lose max(0, 50m × (1 − R) − 40m), more than half a cent below
        // R = 20%: the break-even, walking A's recovery down from its own 40%, is 20% less at most 1e-6 (the bisection's
        // tolerance), and 20% itself loses nothing. The issuer loses 30m already at 40%: its own condition has no break-even.
        string held = Write("held-alone.deal", HoldersMonteCarloTests.Held + AAlone);
        JsonElement answer = Answer(CliHarness.Run("solve", held, "--scenario", "AAlone", "--hurdle", "A.recovery", "--target", "Note holders lose principal", "-f", "json"));
        double r = answer.GetProperty("value").GetDouble();
        Assert.InRange(r, 0.2 - 1e-6, 0.2);
        Assert.Equal("Note holders lose principal", answer.GetProperty("condition").GetString());
        Assert.Equal(1, answer.GetProperty("objective").GetDouble());
        Assert.Equal("holders' principal loss USD 0.00", answer.GetProperty("belowFigure").GetString());
        Assert.True(RunWithRecovery(r).GetProperty("holdersLoss").GetDouble() > 0);

        CliOutcome issuer = CliHarness.Run("solve", held, "--scenario", "AAlone", "--hurdle", "A.recovery", "--target", "Note loses principal");
        Assert.Equal(4, issuer.Exit);
        Assert.Contains("already holds at A.recovery 40%", issuer.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_holders_miss_interest_from_the_rate_at_which_the_guarantors_cap_runs_out()
    {
        // By hand: the issuer pays no interest, so it misses interest at any SOFR above 0; the state pays the holders
        // 25m × SOFR a quarter, and its 14m cap covers the 8 quarters while 200m × SOFR <= 14m: the holders miss interest
        // (in the 8th quarter, the cap short by 200m × SOFR − 14m) only above SOFR = 7%. Their shortfall at a period's
        // end is the issuer's less the state's arrears (what it paid them), so it is 0 where the state has paid.
        string carry = Write("carry.deal", Carry);
        JsonElement answer = Answer(CliHarness.Run("solve", carry, "--scenario", "Rates", "--breakeven", "SOFR level", "--until", "Note holders miss interest", "-f", "json"));
        Assert.InRange(answer.GetProperty("value").GetDouble(), 0.07, 0.07 + 1e-6);
        Assert.Equal("holders' largest interest shortfall USD 0.00", answer.GetProperty("belowFigure").GetString());

        JsonElement issuer = Answer(CliHarness.Run("solve", carry, "--scenario", "Rates", "--breakeven", "SOFR level", "--until", "Note misses interest", "-f", "json"));
        Assert.InRange(issuer.GetProperty("value").GetDouble(), 0, 1e-6);

        // At 6% the state pays every quarter's 1.5m (12m of its 14m): the holders miss nothing, the issuer 12m.
        CliOutcome run = CliHarness.Run("run", carry, "--scenario", "Six", "--scenarios", Write("six.deal", "scenario Six for Carry { SOFR level 6% }\n"), "-f", "json");
        Assert.True(run.Exit == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        JsonElement note = doc.RootElement.GetProperty("Carry.summary").GetProperty("scenarios")[0].GetProperty("tranches")[0];
        Assert.Equal(12e6, note.GetProperty("unpaidInterest").GetDouble(), 1e-6);
        Assert.Equal(0.0, note.GetProperty("holdersLoss").GetDouble(), 1e-6);
    }

    [Fact]
    public void Under_a_stochastic_scenario_the_holders_lose_principal_on_the_paths_the_capped_guarantor_leaves_short()
    {
        // By hand: on a path where A defaults the holders lose max(0, 50m × (1 − R) + B's 30m if B defaults too − 40m):
        // for R in [20%, 80%) they lose on the k2 = 88 paths of both defaults (HoldersMonteCarloTests), 2.2% of 4,000; below
        // 20% on every path where A defaults, as many as mc counts A's defaults. So P(holders lose principal) >= 5% first
        // holds just below R = 20%, walking down from A's 40%.
        JsonElement answer = Answer(CliHarness.Run("solve", deal, "--scenario", "Mc", "--hurdle", "A.recovery", "--target", "Note holders lose principal",
            "--probability", "5%", "--threads", "2", "-f", "json"));
        Assert.InRange(answer.GetProperty("value").GetDouble(), 0.2 - 1e-6, 0.2);
        Assert.Equal("P(Note holders lose principal) >= 5%", answer.GetProperty("condition").GetString());

        CliOutcome mc = CliHarness.Run("mc", deal, "--scenario", "Mc", "--threads", "2", "-f", "json");
        Assert.True(mc.Exit == 0, mc.ToString());
        using var report = JsonDocument.Parse(mc.Out);
        int aDefaults = report.RootElement.GetProperty("parties")[0].GetProperty("defaults").GetInt32();
        Assert.Equal(aDefaults / 4000.0, answer.GetProperty("estimate").GetDouble(), 12);
        Assert.StartsWith("P(holders' principal loss) 2.2% ", answer.GetProperty("belowFigure").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_a_stochastic_scenario_the_holders_miss_interest_where_the_guarantor_defaults_or_its_cap_runs_out()
    {
        // By hand: at SOFR up to 7% the cap covers every quarter, and the holders miss interest only on the paths where
        // the state has defaulted by the maturity's quarter (it pays nothing from the quarter it has defaulted by), as many
        // as mc counts its defaults; above 7% on every path. Nothing ever pays the holders' arrears, so on each path
        // missing interest once is holding some unpaid at the end: mc's holders' P(interest shortfall) at 7% is the same.
        string carry = Write("carry.deal", Carry);
        JsonElement answer = Answer(CliHarness.Run("solve", carry, "--scenario", "Mc", "--breakeven", "SOFR level", "--until", "Note holders miss interest",
            "--probability", "50%", "--threads", "2", "-f", "json"));
        Assert.InRange(answer.GetProperty("value").GetDouble(), 0.07, 0.07 + 1e-6);
        Assert.Equal(1.0, answer.GetProperty("estimate").GetDouble());
        CliOutcome oneThread = CliHarness.Run("solve", carry, "--scenario", "Mc", "--breakeven", "SOFR level", "--until", "Note holders miss interest",
            "--probability", "50%", "--threads", "1", "-f", "json");
        Assert.Equal(answer.ToString(), Answer(oneThread).ToString()); // the per-path values are kept by path: any threads, one answer

        CliOutcome mc = CliHarness.Run("mc", carry, "--scenario", "Mc7", "--scenarios", Write("seven.deal", "scenario Mc7 for Carry {\n  paths 1000\n  seed 3\n  SOFR level 7%\n  State defaults drawn\n}\n"),
            "--threads", "2", "-f", "json");
        Assert.True(mc.Exit == 0, mc.ToString());
        using var report = JsonDocument.Parse(mc.Out);
        int stateDefaults = report.RootElement.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "State").GetProperty("defaults").GetInt32();
        Assert.InRange(stateDefaults, 100, 300); // about 19% of 1,000 (10% a year over two years), so the check is not of zeros
        double shortfall = report.RootElement.GetProperty("tranches")[0].GetProperty("holders").GetProperty("interestShortfallProbability").GetProperty("value").GetDouble();
        Assert.Equal(stateDefaults / 1000.0, shortfall, 12);
        string below = answer.GetProperty("belowFigure").GetString()!;
        Assert.StartsWith($"P(holders' missed interest) {stateDefaults / 10.0:0.###}% ", below, StringComparison.Ordinal);
    }
}
