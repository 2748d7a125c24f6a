using System.Globalization;
using DealLang.Runner.Simulation;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang mc --shard i/K --out FILE</c> on a chain and <c>deallang merge</c> of its shard files (docs/cli.md,
/// "Shards"): valid 026 (a parent holding valid 021's SPV) on 9,000 paths, three blocks of 4,096, so two threads
/// really share the work. K = 1 and K = 3 shards, each run on one or two threads, merge into the unsharded run's
/// reports byte for byte in every format; a chain's shards do not merge with another run's; a chain's shard file
/// holds every entity.
/// </summary>
public sealed class ChainShardTests : IDisposable
{
    private const int Paths = (2 * SimulationEngine.BlockSize) + 808;

    private static readonly string Parent = Path.Combine(RepoPaths.Tests, "corpus", "valid", "026-stochastic-chain-run-by-mc.deal");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-chainshard-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string[] Mc(params string[] more) =>
        ["mc", Parent, "--scenario", "TenantRisk", "--paths", Paths.ToString(CultureInfo.InvariantCulture), "--seed", "26", .. more];

    private string[] Shards(int count, string threads, string stem)
    {
        var files = new string[count];
        for (int i = 1; i <= count; i++)
        {
            files[i - 1] = Path.Combine(folder, $"{stem}{i}.json");
            CliOutcome run = CliHarness.Run(Mc("--threads", threads, "--shard", $"{i}/{count}", "--out", files[i - 1]));
            Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
            Assert.StartsWith($"wrote {files[i - 1]} (shard {i}/{count} of the chain Spv, StochasticParent: paths ", run.Out, StringComparison.Ordinal);
        }

        return files;
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public void One_and_three_shards_on_one_or_two_threads_merge_into_the_unsharded_reports_byte_for_byte(string format)
    {
        CliOutcome single = CliHarness.Run(Mc("--threads", "2", "--format", format));
        Assert.True(single.Exit == ExitCodes.Ok, single.ToString());
        Assert.Contains("Spv", single.Out, StringComparison.Ordinal);
        Assert.Contains("StochasticParent", single.Out, StringComparison.Ordinal);

        foreach (var (count, threads) in new[] { (1, "1"), (3, "1"), (3, "2") })
        {
            string[] files = Shards(count, threads, $"{format}-{count}-{threads}-");
            CliOutcome merged = CliHarness.Run(["merge", "--format", format, .. files.Reverse()]);
            Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
            Assert.Equal(single.Out, merged.Out);
        }
    }

    [Fact]
    public void A_chains_shard_file_holds_every_entity_and_does_not_merge_with_another_runs_shards()
    {
        string[] chain = Shards(2, "1", "chain");
        var read = ShardFile.ReadRun(File.ReadAllBytes(chain[0]));
        Assert.Equal(["Spv", "StochasticParent"], read.Select(e => e.Frame.Deal));
        Assert.All(read, e => Assert.Equal(Paths / 2, e.Totals.Paths));
        var single = Assert.Throws<FormatException>(() => ShardFile.Read(File.ReadAllBytes(chain[0])));
        Assert.Contains("a chain's shard file", single.Message, StringComparison.Ordinal);

        // Another seed's shard 2/2: the same chain, another run.
        string other = Path.Combine(folder, "seed7.json");
        Assert.Equal(ExitCodes.Ok, CliHarness.Run("mc", Parent, "--scenario", "TenantRisk", "--paths", Paths.ToString(CultureInfo.InvariantCulture), "--seed", "7",
            "--shard", "2/2", "--out", other).Exit);
        CliOutcome mixed = CliHarness.Run("merge", chain[0], other);
        Assert.Equal(ExitCodes.UsageError, mixed.Exit);
        Assert.Contains($"{other} is not a shard of the same run as {chain[0]}: seed 7, not 26", mixed.Err, StringComparison.Ordinal);

        // A single deal's shard beside a chain's.
        string hyperion = Path.Combine(folder, "hyperion.json");
        CliOutcome deal = CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, "hyperion.deal"), "--scenarios", Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios"),
            "--scenario", "StochasticRent", "--paths", "20", "--shard", "1/1", "--out", hyperion);
        Assert.True(deal.Exit == ExitCodes.Ok, deal.ToString());
        CliOutcome both = CliHarness.Run("merge", chain[0], hyperion);
        Assert.Equal(ExitCodes.UsageError, both.Exit);
        Assert.Contains($"{hyperion} is not a shard of the same run as {chain[0]}: deal Hyperion, not the chain Spv, StochasticParent", both.Err, StringComparison.Ordinal);

        // A missing shard of the chain.
        CliOutcome missing = CliHarness.Run("merge", chain[0]);
        Assert.Equal(ExitCodes.UsageError, missing.Exit);
        Assert.Contains("(missing shard 2/2)", missing.Err, StringComparison.Ordinal);
    }
}
