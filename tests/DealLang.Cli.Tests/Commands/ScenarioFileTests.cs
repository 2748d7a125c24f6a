using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// Files beside the deal: <c>--scenarios FILE</c> (repeatable) adds scenario files to the compilation, and
/// <c>import "path"</c> brings in files by a path relative to the importing file. Diagnostics name the file they
/// are in; a scenario file that cannot be read is a usage error like the deal file.
/// </summary>
public sealed class ScenarioFileTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string Stress = Path.Combine(RepoPaths.Examples, "hyperion-stress.scenarios");

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-scenario-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    // The warehouse deal of tests/corpus (its deal block only): a deal for the files here to go with.
    private static string MiniDeal()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Tests, "corpus", "malformed", "192-scenario-named-all.deal"));
        return text[text.IndexOf("deal Mini {", StringComparison.Ordinal)..text.LastIndexOf("scenario all", StringComparison.Ordinal)];
    }

    [Fact]
    public void The_example_scenario_file_runs_against_the_deal_after_its_own_scenarios()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenarios", Stress);

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.Matches(@"\n +Base +SlowProductivity +Refuted +GpuRentStress +MetaDefaults\n", outcome.Out);
        // The deal's Refuted sets 'Meta defaults on 2033-11-30' and the file's MetaDefaults 'Meta defaults on 2035-06-30';
        // the summary's row for Meta shows each in its own column only.
        Assert.Matches(@"\n +defaults on +- +- +2033-11-30 +- +2035-06-30\n", outcome.Out);
    }

    [Fact]
    public void A_scenario_of_the_file_is_chosen_by_name_and_the_deals_own_scenarios_are_unchanged()
    {
        var chosen = CliHarness.Run("run", Hyperion, "--scenarios", Stress, "--scenario", "GpuRentStress", "--format", "csv");
        var withFile = CliHarness.Run("run", Hyperion, "--scenarios", Stress, "--scenario", "Refuted", "--format", "csv");
        var without = CliHarness.Run("run", Hyperion, "--scenario", "Refuted", "--format", "csv");

        Assert.True(chosen.Exit == ExitCodes.Ok, chosen.ToString());
        Assert.Contains("scenario GpuRentStress: period ledger", chosen.Out, StringComparison.Ordinal);
        Assert.Equal(without.Out, withFile.Out); // a scenario file adds scenarios; it changes none of the deal's
    }

    [Fact]
    public void Editing_a_scenario_file_reuses_the_compiled_deal()
    {
        // Scenarios are run-time data: the generated C# holds none, so the deal's cache key (SHA-256 of the source)
        // is the same whatever the scenario file says, and the second run loads the first run's image from disk.
        string cache = Path.Combine(_folder, "cache");
        var options = new DealLang.Compiler.Emit.CompileOptions { CacheDirectory = cache, UseMemoryCache = false };
        string file = Write("edit.scenarios", "scenario Edited for Hyperion {\n  market_rent deflate 10% per year\n}\n");
        var first = CliHarness.RunWith(options, "run", Hyperion, "--scenarios", file, "--scenario", "Edited", "--format", "csv");
        string[] imagesAfterFirst = Directory.GetFiles(cache, "*.dlc");
        DateTime written = File.GetLastWriteTimeUtc(Assert.Single(imagesAfterFirst));

        File.WriteAllText(file, "scenario Edited for Hyperion {\n  market_rent deflate 30% per year\n  MetaLease renewals taken 1\n}\n");
        var second = CliHarness.RunWith(options, "run", Hyperion, "--scenarios", file, "--scenario", "Edited", "--format", "csv");

        Assert.True(first.Exit == ExitCodes.Ok, first.ToString());
        Assert.True(second.Exit == ExitCodes.Ok, second.ToString());
        Assert.NotEqual(first.Out, second.Out); // the edit took effect...
        Assert.Equal(imagesAfterFirst, Directory.GetFiles(cache, "*.dlc")); // ...with the same compiled deal,
        Assert.Equal(written, File.GetLastWriteTimeUtc(imagesAfterFirst[0])); // not rewritten by a recompile
    }

    [Fact]
    public void Scenario_files_given_twice_or_several_add_up()
    {
        string extra = Write("more.scenarios", "scenario NoRenewal for Hyperion {\n  MetaLease renewals taken 0\n}\n");

        var outcome = CliHarness.Run("check", Hyperion, "--scenarios", Stress, "--scenarios", extra, "--scenarios", Stress);

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.Contains(", 6 scenario(s)", outcome.Out, StringComparison.Ordinal); // 3 in the deal, 2 in Stress (read once), 1 here
    }

    [Fact]
    public void A_missing_scenario_file_is_a_usage_error()
    {
        var outcome = CliHarness.Run("run", Hyperion, "--scenarios", "no/such.scenarios");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: file not found: no/such.scenarios", outcome.Err.Trim());
    }

    [Fact]
    public void A_mistake_in_a_scenario_file_is_printed_with_that_files_path()
    {
        string deal = Write("mini.deal", MiniDeal());
        string scenarios = Write("stress.scenarios", "scenario Stress for Mini {\n  WarehouseLeas renewals taken 0\n}\n");

        var outcome = CliHarness.Run("run", deal, "--scenarios", scenarios);

        Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
        Assert.StartsWith($"{scenarios}(2,3): error DL0504: scenario 'Stress' refers to 'WarehouseLeas'", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Imports_are_followed_from_the_importing_files_folder()
    {
        Write("scenarios/stress.scenarios", "import \"../shared/more.scenarios\"\nscenario Stress for Mini { WarehouseLease renewals taken 0 }\n");
        Write("shared/more.scenarios", "scenario Default for Mini { Tenant defaults on 2027-01-15 }\n");
        string deal = Write("mini.deal", "import \"scenarios/stress.scenarios\"\n\n" + MiniDeal());

        var check = CliHarness.Run("check", deal);
        var run = CliHarness.Run("run", deal, "--scenario", "Default");

        Assert.True(check.Exit == ExitCodes.Ok, check.ToString());
        Assert.Contains(", 2 scenario(s)", check.Out, StringComparison.Ordinal);
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
        Assert.Contains("scenario Default: period ledger", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_circle_of_imports_is_reported_in_the_file_that_closes_it()
    {
        Write("a.scenarios", "import \"b.scenarios\"\nscenario A for Mini { WarehouseLease renewals taken 0 }\n");
        string b = Write("b.scenarios", "import \"a.scenarios\"\n");
        string deal = Write("mini.deal", "import \"a.scenarios\"\n" + MiniDeal());

        var outcome = CliHarness.Run("build", deal);

        Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
        Assert.Contains($"{b}(1,1): error DL0602: files import each other in a circle: ", outcome.Err, StringComparison.Ordinal);
        UsageErrorTests.AssertNoStackTrace(outcome);
    }

    [Fact]
    public void A_second_deal_given_as_a_scenario_file_is_DL0606()
    {
        string deal = Write("mini.deal", MiniDeal());
        string other = Write("other.deal", MiniDeal().Replace("deal Mini {", "deal Other {", StringComparison.Ordinal));

        var outcome = CliHarness.Run("check", deal, "--scenarios", other);

        Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
        Assert.Contains($"{other}(1,6): error DL0606: a compilation holds exactly one deal; deal 'Other' comes after deal 'Mini' declared at {deal}(1,6)", outcome.Err, StringComparison.Ordinal);
    }
}
