using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang check x.scenarios</c>: a scenario file has no deal of its own, so it is checked with the deal the
/// language server pairs it with — the deal its first <c>scenario S for D</c> names, declared by a <c>.deal</c> file
/// in its folder — and a line on standard error names that deal; when there is none, a usage error (exit 2) names
/// the command to run instead. Before, the file was checked alone and reported DL0402 ("this file declares no deal").
/// </summary>
public sealed class CheckScenarioFileAloneTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string Stress = Path.Combine(RepoPaths.Examples, "hyperion-stress.scenarios");

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-check-scenarios-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    // The warehouse deal of tests/corpus (its deal block only).
    private static string MiniDeal()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Tests, "corpus", "malformed", "192-scenario-named-all.deal"));
        return text[text.IndexOf("deal Mini {", StringComparison.Ordinal)..text.LastIndexOf("scenario all", StringComparison.Ordinal)];
    }

    [Fact]
    public void A_scenario_file_alone_is_checked_with_the_deal_in_its_folder_that_it_names()
    {
        var alone = CliHarness.Run("check", Stress);
        var paired = CliHarness.Run("check", Hyperion, "--scenarios", Stress);

        Assert.True(alone.Exit == ExitCodes.Ok, alone.ToString());
        Assert.DoesNotContain("DL0402", alone.Err, StringComparison.Ordinal);
        // The same check as the command it stands for, and a line saying which deal it used.
        Assert.Equal(paired.Out, alone.Out);
        Assert.Equal(
            $"deallang: {Stress} has no deal of its own: checking it with deal Hyperion in {Hyperion} (deallang check {Hyperion} --scenarios {Stress})",
            alone.Err.Trim());
    }

    [Fact]
    public void A_mistake_in_the_scenario_file_is_reported_in_it()
    {
        Write("mini.deal", MiniDeal());
        Write("a-notes.deal", "deal Notes {\n}\n"); // another deal in the folder, not the one named: passed over
        string scenarios = Write("stress.scenarios", "scenario Stress for Mini {\n  WarehouseLeas renewals taken 0\n}\n");

        var outcome = CliHarness.Run("check", scenarios);

        Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
        Assert.Contains($"checking it with deal Mini in {Path.Combine(_folder, "mini.deal")}", outcome.Err, StringComparison.Ordinal);
        Assert.Contains($"{scenarios}(2,3): error DL0504: scenario 'Stress' refers to 'WarehouseLeas'", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_its_deal_beside_it_the_error_names_the_command_to_run()
    {
        string scenarios = Write("stress.scenarios", "scenario Stress for Mini {\n  WarehouseLease renewals taken 0\n}\n");

        var outcome = CliHarness.Run("check", scenarios);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal(
            $"deallang: error: {scenarios} is a scenario file for deal 'Mini', which no .deal file in {_folder} declares; "
            + $"check it with its deal: deallang check DEAL.deal --scenarios {scenarios}",
            outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void A_scenario_file_that_names_no_deal_is_a_usage_error_too()
    {
        Write("mini.deal", MiniDeal());
        string scenarios = Write("empty.scenarios", "// to be written\n");

        var outcome = CliHarness.Run("check", scenarios, "--format", "json");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal(
            $"deallang: error: {scenarios} is a scenario file and declares no deal, nor names one ('scenario S for Deal'); "
            + $"check it with its deal: deallang check DEAL.deal --scenarios {scenarios}",
            outcome.Err.Trim());
    }
}
