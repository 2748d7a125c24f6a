using System.Text.Json.Nodes;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// Damaged shard files are usage errors that say what is damaged (docs/cli.md, merge), where these were internal
/// errors (exit 3): a sum edited past what its paths could give overflowed the report's standard deviation; a count
/// dropped from <c>partyDefaults</c> passed the reading of each file and failed the merge ("The totals are of another
/// deal"); and a missing field was "The given key was not present in the dictionary".
/// </summary>
public sealed class DamagedShardTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("deallang-damaged-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Shard(string example, string scenario, string shard)
    {
        string path = Path.Combine(_directory, Path.GetFileNameWithoutExtension(example) + "-" + shard.Replace("/", "of", StringComparison.Ordinal) + ".json");
        var outcome = CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, example), "--scenario", scenario, "--paths", "10", "--shard", shard, "--out", path);
        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        return path;
    }

    private static string Damaged(string shard, Action<JsonNode> damage)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(shard))!;
        damage(root);
        string path = shard + ".damaged.json";
        // Sealed again (its checksum made for the edited bytes), so the merge gets past the checksum to what the damage
        // is aimed at; A_digit_changed_after_the_run_is_damage leaves the checksum as written.
        File.WriteAllBytes(path, Runner.Simulation.ShardFile.Seal(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString())));
        return path;
    }

    private static void AssertDamaged(CliOutcome outcome, string message)
    {
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.True(outcome.Err.Contains(message, StringComparison.Ordinal), outcome.ToString());
        Assert.DoesNotContain("internal error", outcome.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loss", "sum", "99999999999999999999999999999", "tranche 0's loss: loss statistics whose counts, sums or largest loss do not fit together")]
    [InlineData("unpaid", "sumSquares", "99999999999999999999999999999999999999", "tranche 0's unpaid: loss statistics whose counts, sums or largest loss do not fit together")]
    [InlineData("irr", "sumSquares", "99999999999999999999999999999999999999", "tranche 0's irr: measure statistics whose counts, sums or extremes do not fit together")]
    public void A_sum_no_paths_could_give_is_damage(string statistic, string field, string value, string message)
    {
        string shard = Damaged(Shard("national-compute.deal", "FiscalCost", "1/1"), root => root["totals"]!["tranches"]![0]![statistic]![field] = value);

        AssertDamaged(CliHarness.Run("merge", shard), $"cannot be merged: its contents are damaged ({message})");
    }

    [Fact]
    public void A_digit_changed_after_the_run_is_damage()
    {
        // A sum with one digit changed still reads and adds up, and merged into a report that was not the run's: the
        // file's checksum (its last field, "sha256") no longer matches the bytes before it.
        string first = Shard("national-compute.deal", "FiscalCost", "1/2");
        string second = Shard("national-compute.deal", "FiscalCost", "2/2");
        string text = File.ReadAllText(second);
        int paths = text.IndexOf("\"paths\":", StringComparison.Ordinal) + 8;
        File.WriteAllText(second, text[..paths] + (text[paths] == '9' ? '8' : (char)(text[paths] + 1)) + text[(paths + 1)..]);

        AssertDamaged(CliHarness.Run("merge", first, second),
            $"{second} cannot be merged: its contents are damaged (its checksum does not match them: the file was changed after it was written)");
    }

    [Fact]
    public void A_count_dropped_from_one_shard_is_damage()
    {
        string first = Shard("national-compute.deal", "FiscalCost", "1/2");
        string second = Damaged(Shard("national-compute.deal", "FiscalCost", "2/2"), root => root["totals"]!["partyDefaults"]!.AsArray().RemoveAt(2));

        AssertDamaged(CliHarness.Run("merge", first, second), $"{second} cannot be merged: its contents are damaged (its totals hold 2 party default counts, not 3 as in {first})");
    }

    [Fact]
    public void A_count_dropped_from_a_chain_shard_is_damage()
    {
        string first = Shard("terawulf.deal", "Stochastic", "1/2");
        string second = Damaged(Shard("terawulf.deal", "Stochastic", "2/2"), root => root["entities"]![0]!["totals"]!["partyDefaults"]!.AsArray().RemoveAt(0));

        AssertDamaged(CliHarness.Run("merge", first, second), $"{second} cannot be merged: its contents are damaged (its totals hold");
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        string shard = Damaged(Shard("national-compute.deal", "FiscalCost", "1/1"), root => root["frame"]!.AsObject().Remove("currency"));

        AssertDamaged(CliHarness.Run("merge", shard), "cannot be merged: its contents are damaged (no field \"currency\")");
    }
}
