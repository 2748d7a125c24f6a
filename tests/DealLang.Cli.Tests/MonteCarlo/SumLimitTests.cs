using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A deal that checks clean but whose figures are beyond the Monte Carlo run's exact sums (a balance of a billion
/// billions; SOFR drifting up 1000% a year, so unpaid interest compounds without limit) threw OverflowException from
/// LossStatistics: "internal error", exit 3. It is the input's scale: a usage error naming the figure, the path and
/// the limit.
/// </summary>
public sealed class SumLimitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("deallang-sumlimit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Edited(string example, string from, string to) =>
        Edited(RepoPaths.Examples, example, from, to);

    // The line is found by its text, not its number: a comment added above it in the example must not break the test.
    private string Edited(string folder, string example, string from, string to)
    {
        string[] lines = File.ReadAllLines(Path.Combine(folder, example));
        int line = LineHolding(lines, from, example);
        lines[line] = lines[line].Replace(from, to, StringComparison.Ordinal);
        string path = Path.Combine(_directory, example);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>The index of the one line of <paramref name="lines"/> holding <paramref name="text"/>; fails naming the
    /// file if no line or more than one holds it (the edit would be ambiguous or its test would test nothing).</summary>
    private static int LineHolding(string[] lines, string text, string file)
    {
        int[] holding = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal))];
        Assert.True(holding.Length == 1,
            $"{file}: expected one line holding '{text}', found {holding.Length}"
            + (holding.Length > 1 ? $" (lines {string.Join(", ", holding.Select(i => i + 1))})" : ""));
        return holding[0];
    }

    [Theory]
    [InlineData("mc")]
    [InlineData("report")]
    public void A_loss_beyond_the_sums_is_a_usage_error_naming_it(string verb)
    {
        string deal = Edited("national-compute.deal", "balance   2.0bn", "balance   1000000000bn");
        string[] args = verb == "mc"
            ? ["mc", deal, "--scenario", "FiscalCost", "--paths", "1"]
            : ["report", deal, "--mc", "--scenario", "FiscalCost", "--paths", "1", "-o", Path.Combine(_directory, "r.html")];

        var outcome = CliHarness.Run(args);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("deallang: error: tranche Bond's loss of 1e+18 USD on path 0 is beyond what the Monte Carlo sums hold exactly (about 1.3e+16 USD on one path, less summed over many)",
            outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", outcome.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "r.html")));
    }

    [Fact]
    public void An_antithetic_runs_limit_is_half_a_plain_runs()
    {
        // Under antithetic the pair sums square a pair's two paths added together: Σa² holds a_k = x + x' up to
        // √2¹²⁷ = 2^63.5 units of 1/1,024, so one path up to 2^62.5 / 1,024 = 6.4e+15 USD, half the plain 1.3e+16; the
        // message said 1.3e+16 for both. FiscalCost made antithetic, its bond 1e+18: the same path, the run's own limit.
        string deal = Edited("national-compute.deal", "balance   2.0bn", "balance   1000000000bn");
        string[] lines = File.ReadAllLines(deal);
        int seed = LineHolding(lines, "  seed 11", "national-compute.deal"); // FiscalCost's seed
        lines[seed] += "\n  antithetic";
        File.WriteAllLines(deal, lines);

        var outcome = CliHarness.Run("mc", deal, "--scenario", "FiscalCost", "--paths", "2");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("deallang: error: tranche Bond's loss of 1e+18 USD on path 0 is beyond what the Monte Carlo sums hold exactly "
            + "(about 6.4e+15 USD on one path of an antithetic run, whose pair sums add each path to its mirror; less summed over many)",
            outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaid_interest_growing_without_limit_is_a_usage_error_naming_it()
    {
        string deal = Edited("coreweave-ddtl2.deal", "SOFR reverts to 3.5% speed 30% per year volatility 1% per year", "SOFR gbm drift 1000% per year volatility 0% per year");

        var outcome = CliHarness.Run("mc", deal, "--scenario", "Stochastic", "--paths", "1");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Matches(@"deallang: error: tranche Loan's unpaid interest of [0-9.]+e\+2[0-9] USD on path 0 is beyond what the Monte Carlo sums hold exactly", outcome.Err);
    }

    [Theory]
    [InlineData("mc")]
    [InlineData("report")]
    public void A_loss_past_a_doubles_range_is_a_usage_error_naming_it(string verb)
    {
        // Found by fuzzing: a literal of 9.99e307 the checker takes (the fuzzer's was the hours a year, which DL0579 now
        // bounds by a leap year's; here the fleet's cost per GPU, which has no bound) makes the fleet's value
        // 10,000 × 9.99e307 = ∞, and an infinity met another in the waterfall (∞ − ∞): the loss was NaN, which
        // LossStatistics refused with ArgumentOutOfRangeException, "internal error", exit 3. The path's amounts left a
        // double's range, the input's scale as a huge loss is: a usage error, as `run` warns and prints n/a.
        string cost = new('9', 308);
        string deal = Edited(Path.Combine(RepoPaths.Tests, "corpus", "valid"), "017-stochastic-rents-rates-and-defaults.deal",
            "30k per gpu", cost + " per gpu");
        string[] args = verb == "mc"
            ? ["mc", deal, "--scenario", "RentsAndDefaults", "--paths", "2"]
            : ["report", deal, "--mc", "--scenario", "RentsAndDefaults", "--paths", "2", "-o", Path.Combine(_directory, "r.html")];

        var outcome = CliHarness.Run(args);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Matches(@"deallang: error: tranche \w+'s (loss|unpaid interest) on path 0 is not a number: its amounts grew past a double's range, "
            + "beyond what the Monte Carlo sums hold; the deal's or the scenario's figures are out of scale", outcome.Err);
        Assert.DoesNotContain("internal error", outcome.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "r.html")));
    }

    [Fact]
    public void An_index_level_past_a_doubles_range_is_a_usage_error_naming_the_index()
    {
        // Found by fuzzing: BTC's GBM drift of 10^300% a year (a finite literal) makes its level ∞ after a period, which
        // the index's fan chart (LevelFan) refused with ArgumentOutOfRangeException: "internal error", exit 3.
        string drift = "1" + new string('0', 300);
        string deal = Edited(Path.Combine(RepoPaths.Tests, "corpus", "valid"), "065-a-miner-keeping-half-its-margin-in-bitcoin.deal",
            "BTC gbm drift 0% per year", $"BTC gbm drift {drift}% per year");

        var outcome = CliHarness.Run("mc", deal, "--scenario", "Stochastic", "--paths", "2");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("deallang: error: index BTC's level on path 0 is not a number: it grew past a double's range, beyond what the Monte Carlo fan of its levels counts",
            outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", outcome.Err, StringComparison.Ordinal);
    }
}
