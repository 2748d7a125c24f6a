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
            "('Note loss = X%', 'Note irr = R%'); deal Held has no guaranteed tranche", e.Message);
    }

    [Fact]
    public void A_holders_measure_under_a_deterministic_scenario_is_a_usage_error()
    {
        CliOutcome outcome = CliHarness.Run("solve", deal, "--hurdle", "A.recovery", "--target", "Note holders loss = 1%");
        Assert.Equal(2, outcome.Exit);
        Assert.Contains("'Note holders loss = 1%' is a Monte Carlo measure", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_objective_at_the_root_names_its_unit()
    {
        // A target's objective is a fraction, a stop condition's 1 or 0, a fair spread's money: the row says which.
        CliOutcome target = CliHarness.Run("solve", deal, "--scenario", "Mc", "--paths", "500", "--hurdle", "A.recovery", "--target", "Note holders loss = 1%");
        Assert.True(target.Exit == 0, target.ToString());
        Assert.Contains("objective at the root (the figure less its target, as a fraction: 0.01 is 1%)", target.Out, StringComparison.Ordinal);

        // Hyperion's notes break even on the market rent (docs/cli.md's example): a stop condition's objective.
        CliOutcome condition = CliHarness.Run("solve", Path.Combine(RepoPaths.Examples, "hyperion.deal"), "--breakeven", "market_rent deflate",
            "--until", "Notes loses principal", "--scenario", "Base");
        Assert.True(condition.Exit == 0, condition.ToString());
        Assert.Contains("objective at the root (1 where the condition holds, 0 where not)", condition.Out, StringComparison.Ordinal);

        CliOutcome spread = CliHarness.Run("solve", deal, "--scenario", "Mc", "--paths", "500", "--fair-spread", "Note", "--curve", "4%");
        Assert.True(spread.Exit == 0, spread.ToString());
        Assert.Contains("objective at the root (the discounted value less the price, in USD)", spread.Out, StringComparison.Ordinal);
    }
}
