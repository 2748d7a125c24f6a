using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang run|mc|report|solve|build|test x.scenarios</c>: as for <c>check</c> (<see cref="CheckScenarioFileAloneTests"/>), a
/// scenario file given alone goes with the deal its first <c>scenario S for D</c> names, declared by a <c>.deal</c> file
/// in its folder: the verb prints what <c>deallang VERB deal.deal --scenarios x.scenarios</c> prints, with one line on
/// standard error naming the deal and that command; with no such deal, a usage error (exit 2) names the command to
/// run. <c>build</c> builds that deal, the scenario file checked with it; <c>test</c> tests the scenario file's own
/// scenarios with it, their snapshots beside the scenario file, and so does its walk of a folder (a scenario file
/// found there whose deal is not found fails on its own line). Before, these verbs compiled the scenario file as a
/// deal and reported DL0402 ("this file declares no deal", exit 1). A scenario file that imports its deal is taken as
/// given by every verb.
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

    // The warehouse deal of tests/corpus (its deal block only), written into the test's folder.
    private string WriteMini(string relative)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Tests, "corpus", "malformed", "192-scenario-named-all.deal"));
        string path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text[text.IndexOf("deal Mini {", StringComparison.Ordinal)..text.LastIndexOf("scenario all", StringComparison.Ordinal)]);
        return path;
    }

    [Fact]
    public void Build_builds_a_scenario_file_alones_deal()
    {
        // build takes no --scenarios (scenarios are never part of the compiled deal): it builds the deal the file goes
        // with, the scenario file checked with it, and writes what 'build DEAL.deal' writes. Before, DL0402.
        var alone = CliHarness.Run("build", Stress);
        var deal = CliHarness.Run("build", Hyperion);

        Assert.True(alone.Exit == ExitCodes.Ok, alone.ToString());
        Assert.Equal(deal.Out, alone.Out);
        Assert.Equal(
            $"deallang: {Stress} has no deal of its own: building deal Hyperion in {Hyperion}, with it checked (deallang build {Hyperion} builds the same)",
            alone.Err.Trim());
    }

    [Fact]
    public void Build_reports_a_mistake_in_the_scenario_file_in_it()
    {
        WriteMini("mini.deal");
        string scenarios = Path.Combine(_folder, "stress.scenarios");
        File.WriteAllText(scenarios, "scenario Stress for Mini {\n  WarehouseLeas renewals taken 0\n}\n");

        var outcome = CliHarness.Run("build", scenarios, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(ExitCodes.DealErrors, outcome.Exit);
        Assert.Contains($"{scenarios}(2,3): error DL0504", outcome.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public void Test_tests_a_scenario_files_own_scenarios_with_its_deal_and_keeps_their_snapshots_beside_it()
    {
        // A copy of the example, so that the snapshots are written in the test's folder.
        string deal = Path.Combine(_folder, "hyperion.deal");
        string stress = Path.Combine(_folder, "hyperion-stress.scenarios");
        File.Copy(Hyperion, deal);
        File.Copy(Stress, stress);

        var accepted = CliHarness.Run("test", stress, "--accept");
        var again = CliHarness.Run("test", stress);

        Assert.True(accepted.Exit == ExitCodes.Ok, accepted.ToString());
        Assert.DoesNotContain("DL0402", accepted.Err, StringComparison.Ordinal);
        Assert.Equal($"deallang: {stress} has no deal of its own: testing its scenarios with deal Hyperion in {deal}", accepted.Err.Trim());
        // The scenario file's two scenarios, not the deal's own three (Base, SlowProductivity, Refuted: its file's).
        Assert.Equal(
            $"accepted {stress} GpuRentStress\naccepted {stress} MetaDefaults\n2 passed, 0 failed (2 accepted)\n",
            accepted.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(again.Exit == ExitCodes.Ok, again.ToString());
        Assert.Contains("2 passed, 0 failed", again.Out, StringComparison.Ordinal);
        string[] written = [.. Directory.GetFiles(_folder).Select(Path.GetFileName).Where(n => n!.Contains(".verified.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!];
        Assert.Equal(
            ["hyperion-stress.GpuRentStress.ledger.verified.csv", "hyperion-stress.GpuRentStress.summary.verified.txt",
             "hyperion-stress.MetaDefaults.ledger.verified.csv", "hyperion-stress.MetaDefaults.summary.verified.txt"],
            written);
        // The snapshot is that scenario's ledger as 'run DEAL --scenarios FILE --format csv' prints it.
        var run = CliHarness.Run("run", deal, "--scenarios", stress, "--scenario", "MetaDefaults", "--format", "csv");
        Assert.Contains(File.ReadAllText(Path.Combine(_folder, "hyperion-stress.MetaDefaults.ledger.verified.csv")).Trim(), run.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_without_the_scenario_files_deal_beside_it_is_a_usage_error_before_anything_runs()
    {
        string scenarios = Path.Combine(_folder, "stress.scenarios");
        File.WriteAllText(scenarios, "scenario Stress for Mini {\n  WarehouseLease renewals taken 0\n}\n");
        string other = WriteMini(Path.Combine("other", "mini.deal")); // a deal tested first, never run

        var outcome = CliHarness.Run("test", other, scenarios, "--accept");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal(
            $"deallang: error: {scenarios} is a scenario file for deal 'Mini', which no .deal file in {_folder} declares; "
            + "test finds a scenario file's deal in its folder or in its imports: put it beside the deal's file, or import the deal (import \"DEAL.deal\")",
            outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "other"), "*.csv"));
    }

    // A folder with Mini and its own scenario Base (mini.deal), a scenario file for it beside it (stress.scenarios) and
    // one for a deal no file declares, in a folder of its own (stray/x.scenarios): in ordinal order, between the two.
    private (string Deal, string Stress, string Stray) WriteProject()
    {
        string deal = WriteMini("mini.deal");
        File.AppendAllText(deal, "scenario Base for Mini {\n  Tenant defaults on 2027-06-30\n}\n");
        string stress = Path.Combine(_folder, "stress.scenarios");
        File.WriteAllText(stress, "scenario Stress for Mini {\n  WarehouseLease renewals taken 0\n}\n");
        string stray = Path.Combine(_folder, "stray", "x.scenarios");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "scenario Gone for Gone {\n  WarehouseLease renewals taken 0\n}\n");
        return (deal, stress, stray);
    }

    [Fact]
    public void Test_walks_a_folders_scenario_files_with_their_deals_and_one_whose_deal_is_not_found_fails_alone()
    {
        // Before, the walk tested mini.deal alone: the scenario files' snapshots beside them were never checked.
        var (deal, stress, stray) = WriteProject();

        var outcome = CliHarness.Run("test", _folder, "--accept");

        Assert.True(outcome.Exit == ExitCodes.DealErrors, outcome.ToString());
        Assert.Equal(
            $"accepted {deal} Base\n"
            + $"FAIL {stray}: {stray} is a scenario file for deal 'Gone', which no .deal file in {Path.GetDirectoryName(stray)} declares; "
            + "test finds a scenario file's deal in its folder or in its imports: put it beside the deal's file, or import the deal (import \"DEAL.deal\")\n"
            + $"accepted {stress} Stress\n"
            + "2 passed, 1 failed (2 accepted)\n",
            outcome.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal($"deallang: {stress} has no deal of its own: testing its scenarios with deal Mini in {deal}", outcome.Err.Trim());
        Assert.True(File.Exists(Path.Combine(_folder, "stress.Stress.ledger.verified.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, "mini.Base.ledger.verified.csv")));

        File.Delete(stray);
        var again = CliHarness.Run("test", _folder);
        Assert.True(again.Exit == ExitCodes.Ok, again.ToString());
        Assert.Equal($"ok   {deal} Base\nok   {stress} Stress\n2 passed, 0 failed\n", again.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_named_and_found_in_a_folder_is_tested_once_as_named()
    {
        // Named after the folder or before it, the scenario file (and the deal) is tested once, where it first comes.
        // Before, a deal named and walked was tested twice.
        var (deal, stress, stray) = WriteProject();
        File.Delete(stray);

        var after = CliHarness.Run("test", _folder, stress, deal, "--accept");
        var before = CliHarness.Run("test", stress, _folder);

        Assert.True(after.Exit == ExitCodes.Ok, after.ToString());
        Assert.Equal($"accepted {deal} Base\naccepted {stress} Stress\n2 passed, 0 failed (2 accepted)\n", after.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(before.Exit == ExitCodes.Ok, before.ToString());
        Assert.Equal($"ok   {stress} Stress\nok   {deal} Base\n2 passed, 0 failed\n", before.Out.Replace("\r\n", "\n", StringComparison.Ordinal));

        // A scenario file whose deal is not found, named as well as found, is named: the usage error, before anything runs.
        string lost = Path.Combine(_folder, "lost.scenarios");
        File.WriteAllText(lost, "scenario Gone for Gone {\n  WarehouseLease renewals taken 0\n}\n");
        var named = CliHarness.Run("test", _folder, lost);
        Assert.Equal(ExitCodes.UsageError, named.Exit);
        Assert.Equal("", named.Out);
        Assert.Contains($"deallang: error: {lost} is a scenario file for deal 'Gone'", named.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    [InlineData("build")]
    [InlineData("test")]
    public void A_scenario_file_that_imports_its_deal_from_another_folder_is_taken_as_given(string verb)
    {
        // Its deal is its import (docs/language.md, "Imports"), though no .deal file beside it declares it: before, the
        // verbs looked only beside it and stopped with a usage error.
        // The deal has a scenario of its own, which 'test' leaves to the deal's file.
        File.AppendAllText(WriteMini(Path.Combine("deals", "mini.deal")), "scenario Base for Mini {\n  Tenant defaults on 2027-06-30\n}\n");
        string scenarios = Path.Combine(_folder, "stress", "x.scenarios");
        Directory.CreateDirectory(Path.GetDirectoryName(scenarios)!);
        File.WriteAllText(scenarios, "import \"../deals/mini.deal\"\n\nscenario Stress for Mini {\n  WarehouseLease renewals taken 0\n}\n");

        var outcome = CliHarness.Run(verb == "test" ? [verb, scenarios, "--accept"] : [verb, scenarios]);

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.DoesNotContain("has no deal of its own", outcome.Err, StringComparison.Ordinal);
        if (verb == "test")
        {
            // Its own scenario alone, snapshotted beside it.
            Assert.Equal($"accepted {scenarios} Stress\n1 passed, 0 failed (1 accepted)\n", outcome.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(_folder, "stress", "x.Stress.ledger.verified.csv")));
        }
    }
}
