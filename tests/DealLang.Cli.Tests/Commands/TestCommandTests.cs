using System.Text.RegularExpressions;
using System.Xml.Linq;
using DealLang.Cli.Snapshots;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang test</c> (docs/cli.md): on a copy of the examples, every scenario fails as a new snapshot, passes
/// after <c>--accept</c>, and a waterfall step added to Hyperion fails with the periods and cells that moved until it
/// is accepted; the tolerances; the JUnit XML; usage errors.
/// </summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_examples_fail_as_new_then_pass_after_accept()
    {
        // The examples with the files they import (examples/terawulf/), as a user's folder of deals would be.
        foreach (string deal in Directory.EnumerateFiles(RepoPaths.Examples, "*.deal", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(folder, Path.GetRelativePath(RepoPaths.Examples, deal));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(deal, copy);
        }

        var first = CliHarness.Run("test", folder);
        Assert.True(first.Exit == 1, first.ToString());
        int scenarios = Count(first.Out, "failed");
        Assert.True(scenarios >= 20, first.ToString()); // 7 examples and TeraWulf's 2 SPVs, each with its scenarios
        Assert.Equal(0, Count(first.Out, "passed"));
        Assert.Equal(scenarios, Regex.Matches(first.Out, "new snapshot: nothing verified yet").Count);
        Assert.Equal(scenarios, Directory.GetFiles(folder, "*.ledger.received.csv", SearchOption.AllDirectories).Length);

        var accepted = CliHarness.Run("test", folder, "--accept");
        Assert.True(accepted.Exit == 0, accepted.ToString());
        Assert.Contains($"{scenarios} passed, 0 failed ({scenarios} accepted)", accepted.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.received.*", SearchOption.AllDirectories));
        Assert.Equal(scenarios, Directory.GetFiles(folder, "*.ledger.verified.csv", SearchOption.AllDirectories).Length);
        Assert.Equal(scenarios, Directory.GetFiles(folder, "*.summary.verified.txt", SearchOption.AllDirectories).Length);
        Assert.True(File.Exists(Path.Combine(folder, "hyperion.Base.ledger.verified.csv")));

        var again = CliHarness.Run("test", folder);
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains($"{scenarios} passed, 0 failed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_is_snapshotted_entity_by_entity_under_the_deals_scenarios()
    {
        // TeraWulf imports its two SPVs: each scenario of terawulf.deal snapshots TeraWulf itself and both SPVs as that
        // scenario moved them (7 scenarios × 3 entities).
        string deal = Path.Combine(folder, "terawulf.deal");
        File.Copy(Path.Combine(RepoPaths.Examples, "terawulf.deal"), deal);
        Directory.CreateDirectory(Path.Combine(folder, "terawulf"));
        foreach (string imported in Directory.EnumerateFiles(Path.Combine(RepoPaths.Examples, "terawulf"), "*.deal"))
        {
            File.Copy(imported, Path.Combine(folder, "terawulf", Path.GetFileName(imported)));
        }

        var accepted = CliHarness.Run("test", deal, "--accept");
        Assert.True(accepted.Exit == 0, accepted.ToString());
        Assert.Contains("21 passed, 0 failed (21 accepted)", accepted.Out, StringComparison.Ordinal);
        Assert.Contains("accepted " + deal + " FluidstackDefault (entity LakeMariner)", accepted.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "terawulf.Base.ledger.verified.csv")));
        string spvLedger = Path.Combine(folder, "terawulf.LakeMariner.FluidstackDefault.ledger.verified.csv");
        // The SPV's ledger under the chain's scenario is the one the project's own baselines hold.
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "DealLang.Cli.Tests", "Baselines", "Snapshots", "ExampleBaselineTests.terawulf.LakeMariner.FluidstackDefault.ledger.verified.csv")).ReplaceLineEndings("\n"),
            File.ReadAllText(spvLedger));

        // The SPV's notes' coupon moves from 7.75% to 8.00%: its ledgers, and TeraWulf's (which receives less), move.
        string spv = Path.Combine(folder, "terawulf", "lake-mariner.deal");
        File.WriteAllText(spv, File.ReadAllText(spv).Replace("coupon     7.75% fixed", "coupon     8.00% fixed", StringComparison.Ordinal));
        var changed = CliHarness.Run("test", deal, "--scenario", "Base");
        Assert.True(changed.Exit == 1, changed.ToString());
        Assert.Contains("FAIL " + deal + " Base (entity LakeMariner): ledger and summary differ", changed.Out, StringComparison.Ordinal);
        Assert.Contains("ledger differs (terawulf.LakeMariner.Base.ledger.verified.csv vs terawulf.LakeMariner.Base.ledger.received.csv)", changed.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL " + deal + " Base: ", changed.Out, StringComparison.Ordinal);
        Assert.Contains("ok   " + deal + " Base (entity Abernathy)", changed.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "terawulf.LakeMariner.Base.ledger.received.csv")));
    }

    [Fact]
    public void A_changed_waterfall_step_fails_with_the_cells_that_moved_until_accepted()
    {
        string deal = Path.Combine(folder, "hyperion.deal");
        File.Copy(Path.Combine(RepoPaths.Examples, "hyperion.deal"), deal);
        Assert.Equal(0, CliHarness.Run("test", deal, "--accept").Exit);

        // Sweep a tenth of what is left after the two fees to the notes, before their interest (both waterfalls).
        string text = File.ReadAllText(deal);
        File.WriteAllText(deal, text.Replace("    pay AssetMgmt\n", "    pay AssetMgmt\n    sweep 10% of rest to Notes\n", StringComparison.Ordinal));
        string junit = Path.Combine(folder, "results.xml");
        var changed = CliHarness.Run("test", deal, "--junit", junit);
        Assert.True(changed.Exit == 1, changed.ToString());
        Assert.Contains("0 passed, 3 failed", changed.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL " + deal + " Base: ledger and summary differ", changed.Out, StringComparison.Ordinal);
        // The new step's columns are new; the steps it renumbered are still matched by name.
        Assert.Contains("new columns: 3 sweep 10% of rest to Notes swept, 15 sweep 10% of rest to Notes swept", changed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("columns no longer written", changed.Out, StringComparison.Ordinal);
        // Period 1 by hand: collections are the reserve's interest, 23,000,000.00; the fees take 416,666.67 and
        // 2,250,000.00, leaving 20,333,333.33, of which 10% = 2,033,333.33 is swept: the notes fall from 27.3bn to
        // 27,297,966,666.67.
        Assert.Contains("period 1 (2025-11-30) Notes balance: verified 27300000000.00, received 27297966666.67", changed.Out, StringComparison.Ordinal);
        Assert.Matches(@"… and \d+ more differing cell\(s\); \d+ in 48 period\(s\) in all", changed.Out);
        Assert.Contains("-             interest paid              28891.8", changed.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "hyperion.Base.ledger.received.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "hyperion.Base.summary.received.txt")));

        var xml = XDocument.Load(junit);
        var root = xml.Root!;
        Assert.Equal(("testsuites", "3", "3"), (root.Name.LocalName, (string?)root.Attribute("tests"), (string?)root.Attribute("failures")));
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal((deal, "3", "3"), ((string?)suite.Attribute("name"), (string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["Base", "SlowProductivity", "Refuted"], cases.Select(c => (string?)c.Attribute("name")));
        Assert.All(cases, c => Assert.Equal("hyperion", (string?)c.Attribute("classname")));
        var failure = cases[0].Element("failure")!;
        Assert.Equal("ledger and summary differ", (string?)failure.Attribute("message"));
        Assert.Contains("new columns", failure.Value, StringComparison.Ordinal);

        Assert.Equal(0, CliHarness.Run("test", deal, "--accept").Exit);
        var passing = CliHarness.Run("test", deal, "--junit", junit);
        Assert.True(passing.Exit == 0, passing.ToString());
        Assert.Contains("3 passed, 0 failed", passing.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.received.*"));
        Assert.Equal("0", (string?)XDocument.Load(junit).Root!.Attribute("failures"));
    }

    [Fact]
    public void One_scenario_and_floating_noise_within_the_tolerances()
    {
        string deal = Path.Combine(folder, "hyperion.deal");
        File.Copy(Path.Combine(RepoPaths.Examples, "hyperion.deal"), deal);
        var one = CliHarness.Run("test", deal, "--scenario", "Base", "--accept");
        Assert.True(one.Exit == 0, one.ToString());
        Assert.Contains("1 passed, 0 failed (1 accepted)", one.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder, "*.ledger.verified.csv"));

        // Period 1's trustee fee, 416,666.67: half a cent off is noise; a cent off is a difference (1e-9 of it is
        // 0.0004, so only the money tolerance can pass it).
        string ledger = Path.Combine(folder, "hyperion.Base.ledger.verified.csv");
        string verified = File.ReadAllText(ledger);
        File.WriteAllText(ledger, verified.Replace(",149717750.00,0.00,416666.67,", ",149717750.00,0.00,416666.674,", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("test", deal, "--scenario", "Base").Exit);
        File.WriteAllText(ledger, verified.Replace(",149717750.00,0.00,416666.67,", ",149717750.00,0.00,416666.66,", StringComparison.Ordinal));
        var cent = CliHarness.Run("test", deal, "--scenario", "Base");
        Assert.True(cent.Exit == 1, cent.ToString());
        Assert.Contains("period 1 (2025-11-30) 1 pay Trustee due: verified 416666.66, received 416666.67", cent.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100.00", "100.004", true)]       // within half a cent
    [InlineData("100.00", "100.01", false)]       // a cent
    [InlineData("27300000000.00", "27300000000.02", true)] // 2 cents in 27.3bn is under 1e-9 relative (27.3)
    [InlineData("1.2345678901", "1.2345678902", true)] // 1e-10 apart: under 1e-9 relative
    [InlineData("1.2500", "1.2510", false)]       // not money (four decimals): 1e-9 relative only
    [InlineData("n/a", "n/a", true)]
    [InlineData("false", "true", false)]
    [InlineData("", "0.00", false)]
    public void Cells_compare_as_numbers_within_the_stated_tolerances(string verified, string received, bool same) =>
        Assert.Equal(same, SnapshotComparison.SameValue(verified, received));

    [Fact]
    public void A_deal_with_errors_fails_and_usage_errors_exit_2()
    {
        string broken = Path.Combine(folder, "broken.deal");
        File.WriteAllText(broken, "deal Broken {\n  tranche T { balance }\n}\n");
        var outcome = CliHarness.Run("test", broken);
        Assert.True(outcome.Exit == 1, outcome.ToString());
        Assert.Contains("FAIL " + broken + ": the deal has errors", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("DL0101", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("0 passed, 1 failed", outcome.Out, StringComparison.Ordinal);

        Assert.Equal(2, CliHarness.Run("test", Path.Combine(folder, "missing.deal")).Exit);
        Assert.Equal(2, CliHarness.Run("test", Directory.CreateTempSubdirectory("deallang-empty-").FullName).Exit);
        File.Copy(Path.Combine(RepoPaths.Examples, "hyperion.deal"), Path.Combine(folder, "hyperion.deal"));
        var unknown = CliHarness.Run("test", Path.Combine(folder, "hyperion.deal"), "--scenario", "Nope");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("no deal tested has a scenario 'Nope'", unknown.Err, StringComparison.Ordinal);
    }

    // A folder is walked as find walks it: a link to a folder is not followed (a link back up the tree, loop -> ..,
    // once had the same deal tested forty times, down to the system's limit of links), names starting with '.' are
    // passed over, a link to a deal file is a deal.
    [Fact]
    public void A_folder_is_walked_without_following_links_to_folders()
    {
        string sub = Directory.CreateDirectory(Path.Combine(folder, "deals")).FullName;
        File.Copy(Path.Combine(RepoPaths.Examples, "hyperion.deal"), Path.Combine(sub, "hyperion.deal"));
        Directory.CreateDirectory(Path.Combine(folder, ".hidden"));
        File.Copy(Path.Combine(RepoPaths.Examples, "hyperion.deal"), Path.Combine(folder, ".hidden", "hyperion.deal"));
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(Path.Combine(sub, "loop"), "..");
            File.CreateSymbolicLink(Path.Combine(folder, "linked.deal"), Path.Combine(sub, "hyperion.deal"));
        }

        var run = CliHarness.Run("test", folder, "--scenario", "Base");
        Assert.True(run.Exit == 1, run.ToString());
        string[] tested = [.. Regex.Matches(run.Out, @"^FAIL (\S+) Base", RegexOptions.Multiline).Select(m => Path.GetRelativePath(folder, m.Groups[1].Value))];
        Assert.Equal(OperatingSystem.IsWindows() ? ["deals/hyperion.deal"] : ["deals/hyperion.deal", "linked.deal"], tested.Order(StringComparer.Ordinal).Select(p => p.Replace('\\', '/')));
    }

    // What stands where a snapshot file belongs but cannot be one is a usage error naming it, never an internal error:
    // a folder (once "nothing verified yet", then, with --accept, access denied), a link to /dev/zero (once read until
    // memory ran out), a folder where a received file is written.
    [Fact]
    public void What_cannot_be_a_snapshot_file_is_a_usage_error_naming_it()
    {
        string deal = Path.Combine(folder, "hyperion.deal");
        File.Copy(Path.Combine(RepoPaths.Examples, "hyperion.deal"), deal);
        string verified = Path.Combine(folder, "hyperion.Base.ledger.verified.csv");
        string received = Path.Combine(folder, "hyperion.Base.summary.received.txt");

        Directory.CreateDirectory(verified);
        foreach (string[] arguments in new[] { new[] { "test", deal, "--scenario", "Base" }, ["test", deal, "--scenario", "Base", "--accept"] })
        {
            var run = CliHarness.Run(arguments);
            Assert.True(run.Exit == 2, run.ToString());
            Assert.Contains($"deallang: error: {verified} is a folder, not a snapshot file", run.Err, StringComparison.Ordinal);
        }

        Directory.Delete(verified);
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(verified, "/dev/zero");
            var zero = CliHarness.Run("test", deal, "--scenario", "Base");
            Assert.True(zero.Exit == 2, zero.ToString());
            Assert.Contains($"{verified} is a device or a pipe", zero.Err, StringComparison.Ordinal);
            File.Delete(verified);
        }

        Directory.CreateDirectory(received);
        var blocked = CliHarness.Run("test", deal, "--scenario", "Base");
        Assert.True(blocked.Exit == 2, blocked.ToString());
        Assert.Contains($"cannot write {received}: it is a folder, not a file; nothing was written", blocked.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "hyperion.Base.ledger.received.csv"))); // the pair, or neither
        Assert.DoesNotContain("internal error", blocked.Err + blocked.Out, StringComparison.Ordinal);
    }

    private static int Count(string output, string word) =>
        int.Parse(Regex.Match(output, $@"(\d+) {word}").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    // The received files were written deal by deal, before --junit was: a report the system refused (/dev/full) left
    // them behind, though the message said "no file was written". Every file of the run is now written together.
    [Fact]
    public void A_junit_report_that_cannot_be_written_leaves_no_snapshot_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string deal = Path.Combine(folder, "river-bend.deal");
        File.Copy(Path.Combine(RepoPaths.Examples, "river-bend.deal"), deal);

        var outcome = CliHarness.Run("test", deal, "--junit", "/dev/full");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: cannot write /dev/full: No space left on device; no file was written", outcome.Err.Trim()); // the file named once
        Assert.Equal([deal], Directory.GetFiles(folder));
    }
}
