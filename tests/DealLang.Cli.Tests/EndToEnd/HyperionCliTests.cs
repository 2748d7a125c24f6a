using System.Text.Json;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>The commands of the README, run as a user would, on the Hyperion example.</summary>
public class HyperionCliTests
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    [Fact]
    public void Check_reports_no_diagnostics()
    {
        var outcome = CliHarness.Run("check", Hyperion);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Equal("", outcome.Err);
        Assert.Contains("ok: deal Hyperion, 48 semiannual periods", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_one_scenario_prints_the_waterfall_and_the_summary()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenario", "Base");

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Contains("== Hyperion: scenario Base: period ledger ==", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("3 pay Notes.interest paid", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("898.3", outcome.Out, StringComparison.Ordinal); // first full coupon, USD millions
        Assert.Contains("Dscr", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("== Hyperion: summary by scenario ==", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_all_puts_the_scenarios_side_by_side_without_ledgers()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenario", "all");

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.DoesNotContain("period ledger", outcome.Out, StringComparison.Ordinal);
        var header = outcome.Out.Split('\n').First(l => l.Contains("Base", StringComparison.Ordinal));
        Assert.Matches("Base +SlowProductivity +Refuted", header);
        foreach (var line in new[] { "IRR", "WAL", "interest paid", "principal paid", "principal loss", "event of default", "first active", "BEY (semiannual)", "RVG paid" })
        {
            Assert.Contains(line, outcome.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_output_is_one_valid_document()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenario", "Refuted", "--format", "json");

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        using var document = JsonDocument.Parse(outcome.Out);
        Assert.True(document.RootElement.TryGetProperty("Hyperion.summary", out _));
        Assert.True(document.RootElement.TryGetProperty("Hyperion.Refuted.ledger", out _));
    }

    [Fact]
    public void Out_writes_one_file_per_report()
    {
        string dir = Path.Combine(Path.GetTempPath(), "deallang-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outcome = CliHarness.Run("run", Hyperion, "--format", "csv", "--ledger", "--out", dir);

            Assert.Equal(ExitCodes.Ok, outcome.Exit);
            var files = Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
            string[] expected = ["Hyperion.Base.ledger.csv", "Hyperion.Refuted.ledger.csv", "Hyperion.SlowProductivity.ledger.csv", "Hyperion.summary.csv"];
            Assert.Equal(expected, files);
            Assert.StartsWith("period,", File.ReadAllText(Path.Combine(dir, "Hyperion.Base.ledger.csv")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Build_emits_the_csharp_roslyn_compiled()
    {
        string dir = Path.Combine(Path.GetTempPath(), "deallang-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outcome = CliHarness.Run("build", Hyperion, "--emit-cs", dir, "--out", dir);

            Assert.Equal(ExitCodes.Ok, outcome.Exit);
            string source = File.ReadAllText(Path.Combine(dir, "Deal_Hyperion.cs"));
            Assert.Contains("public sealed class Deal_Hyperion : IDealProgram", source, StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(dir, "Deal_Hyperion.dll")).Length > 0);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void A_typo_gives_a_located_error_and_exit_1()
    {
        string file = Path.Combine(Path.GetTempPath(), "deallang-typo-" + Guid.NewGuid().ToString("N") + ".deal");
        try
        {
            File.WriteAllText(file, File.ReadAllText(Hyperion).Replace("pay Notes.principal using Dsra", "pay Noets.principal using Dsra", StringComparison.Ordinal));
            var outcome = CliHarness.Run("check", file);

            Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
            Assert.Matches(@"\(\d+,\d+\): error DL\d{4}: .*'Noets'.*did you mean 'Notes'", outcome.Err);
            Commands.UsageErrorTests.AssertNoStackTrace(outcome);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
