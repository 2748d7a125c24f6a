using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang run|mc|report|solve x.scenarios</c>: as for <c>check</c> (<see cref="CheckScenarioFileAloneTests"/>), a
/// scenario file given alone goes with the deal its first <c>scenario S for D</c> names, declared by a <c>.deal</c> file
/// in its folder: the verb prints what <c>deallang VERB deal.deal --scenarios x.scenarios</c> prints, with one line on
/// standard error naming the deal and that command; with no such deal, a usage error (exit 2) names the command to
/// run. Before, these verbs compiled the scenario file as a deal and reported DL0402 ("this file declares no deal",
/// exit 1).
/// </summary>
public sealed class ScenarioFileAloneVerbTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string Stress = Path.Combine(RepoPaths.Examples, "hyperion-stress.scenarios");
    private static readonly string Mc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-verb-scenarios-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Line(string verb, string scenarios) =>
        $"deallang: {scenarios} has no deal of its own: running it with deal Hyperion in {Hyperion} (deallang {verb} {Hyperion} --scenarios {scenarios})";

    // The verb given the scenario file alone, then given the deal and the file with --scenarios: the same standard
    // output, and only the line naming the deal on standard error.
    private static void SameAsExplicit(string verb, string scenarios, params string[] rest)
    {
        var alone = CliHarness.Run([verb, scenarios, .. rest]);
        var paired = CliHarness.Run([verb, Hyperion, "--scenarios", scenarios, .. rest]);

        Assert.True(alone.Exit == ExitCodes.Ok, alone.ToString());
        Assert.True(paired.Exit == ExitCodes.Ok, paired.ToString());
        Assert.DoesNotContain("DL0402", alone.Err, StringComparison.Ordinal);
        Assert.NotEqual("", alone.Out);
        Assert.Equal(paired.Out, alone.Out);
        // mc's note about antithetic pairs is printed by both; the line naming the deal is the only difference.
        Assert.Equal((Line(verb, scenarios) + "\n" + paired.Err).Trim(), alone.Err.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Run_runs_a_scenario_file_alone_with_its_deal() => SameAsExplicit("run", Stress, "--format", "csv");

    [Fact]
    public void Mc_runs_a_scenario_file_alone_with_its_deal() =>
        SameAsExplicit("mc", Mc, "--scenario", "StochasticRent", "--paths", "64", "--threads", "1");

    [Fact]
    public void Solve_solves_with_a_scenario_file_alone_and_its_deal() =>
        SameAsExplicit("solve", Stress, "--fair-spread", "Notes", "--scenario", "MetaDefaults", "--format", "json");

    [Fact]
    public void Report_writes_the_same_page_for_a_scenario_file_alone()
    {
        string alonePage = Path.Combine(_folder, "alone.html");
        string pairedPage = Path.Combine(_folder, "paired.html");

        var alone = CliHarness.Run("report", Stress, "--scenario", "MetaDefaults", "-o", alonePage);
        var paired = CliHarness.Run("report", Hyperion, "--scenarios", Stress, "--scenario", "MetaDefaults", "-o", pairedPage);

        Assert.True(alone.Exit == ExitCodes.Ok, alone.ToString());
        Assert.True(paired.Exit == ExitCodes.Ok, paired.ToString());
        Assert.Equal(Line("report", Stress), alone.Err.Trim());
        Assert.Equal(File.ReadAllText(pairedPage), File.ReadAllText(alonePage));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("mc", "--scenario", "Stress")]
    [InlineData("report", "-o", "page.html")]
    [InlineData("solve", "--fair-spread", "Notes")]
    public void Without_its_deal_beside_it_each_verb_names_the_command_to_run(string verb, params string[] rest)
    {
        string scenarios = Path.Combine(_folder, "stress.scenarios");
        File.WriteAllText(scenarios, "scenario Stress for Mini {\n  WarehouseLease renewals taken 0\n}\n");
        File.WriteAllText(Path.Combine(_folder, "notes.deal"), "deal Notes {\n}\n"); // a deal, but not the one named
        string[] args = [verb, scenarios, .. rest.Select(a => a == "page.html" ? Path.Combine(_folder, a) : a)];

        var outcome = CliHarness.Run(args);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal(
            $"deallang: error: {scenarios} is a scenario file for deal 'Mini', which no .deal file in {_folder} declares; "
            + $"run it with its deal: deallang {verb} DEAL.deal --scenarios {scenarios}",
            outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
        Assert.False(File.Exists(Path.Combine(_folder, "page.html")));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("mc", "--scenario", "Stress")]
    [InlineData("solve", "--fair-spread", "Notes")]
    public void A_scenario_file_that_names_no_deal_is_a_usage_error(string verb, params string[] rest)
    {
        string scenarios = Path.Combine(_folder, "empty.scenarios");
        File.WriteAllText(scenarios, "// to be written\n");

        var outcome = CliHarness.Run([verb, scenarios, .. rest]);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal(
            $"deallang: error: {scenarios} is a scenario file and declares no deal, nor names one ('scenario S for Deal'); "
            + $"run it with its deal: deallang {verb} DEAL.deal --scenarios {scenarios}",
            outcome.Err.Trim());
    }

    [Fact]
    public void Build_still_reads_a_scenario_file_as_a_deal_and_reports_DL0402()
    {
        // build takes no --scenarios (scenarios are never part of the compiled deal): nothing to pair the file with.
        var outcome = CliHarness.Run("build", Stress);

        Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
        Assert.Contains("error DL0402", outcome.Err, StringComparison.Ordinal);
    }
}
