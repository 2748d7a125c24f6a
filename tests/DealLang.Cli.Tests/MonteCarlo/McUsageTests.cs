using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary><c>deallang mc</c>'s command-line mistakes: one clear line each, exit 2, no stack trace.</summary>
public sealed class McUsageTests
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    [Theory]
    [InlineData("--shard 5/4 --out x.shard", "--shard 5/4: shards of 4 are numbered 1 to 4")]
    [InlineData("--shard 0/4 --out x.shard", "--shard 0/4: shards of 4 are numbered 1 to 4")]
    [InlineData("--shard 1/0 --out x.shard", "--shard 1/0: K, the number of shards, must be at least 1")] // was "shards of 0 are numbered 1 to 0"
    [InlineData("--shard two --out x.shard", "--shard takes i/K, shard i of K (e.g. 2/4), not 'two'")]
    [InlineData("--shard 01/4 --out x.shard", "--shard takes i/K, shard i of K (e.g. 2/4), not '01/4'")] // plain digits, as every number
    [InlineData("--shard 1/04 --out x.shard", "--shard takes i/K, shard i of K (e.g. 2/4), not '1/04'")]
    [InlineData("--shard +1/4 --out x.shard", "--shard takes i/K, shard i of K (e.g. 2/4), not '+1/4'")]
    [InlineData("--shard 1/4", "--shard writes a shard file: give it with --out FILE")]
    [InlineData("--out x.shard", "--out names a shard's file: give --shard i/K too (without --shard the report is printed)")]
    [InlineData("--ledger", "--ledger prints a replayed path's ledger: give --replay-path P too")]
    [InlineData("--replay-path 3 --shard 1/2 --out x", "--replay-path runs one path alone: it takes neither --shard nor --paths-out")]
    [InlineData("--replay-path -1", "--replay-path must be a path number of 0 or more, not -1")]
    [InlineData("--replay-path 3 --threads 2", "--replay-path runs one path alone on one thread: it takes no --threads")]
    [InlineData("--replay-path 3 -t 1", "--replay-path runs one path alone on one thread: it takes no --threads")]
    [InlineData("--paths 0", "--paths must be at least 1, not 0")]
    [InlineData("--threads 0", "--threads must be at least 1, not 0")]
    [InlineData("--shard 1/2 --out x.shard --format json", "--format sets the printed report, and --shard prints none (its shard file is JSON); 'deallang merge --format' sets the merged report's")]
    [InlineData("--shard 1/2 --out x.shard -f table", "--format sets the printed report, and --shard prints none (its shard file is JSON); 'deallang merge --format' sets the merged report's")]
    public void OptionMistakesAreUsageErrors(string options, string message)
    {
        CliOutcome outcome = CliHarness.Run(["mc", Hyperion, "--scenario", "Base", .. options.Split(' ')]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: {message}\n", outcome.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Out);
    }

    // A number System.CommandLine cannot read: its own message named a .NET type ('System.Nullable`1[System.Int32]');
    // ours names the option and what it takes. Parse errors end with the line pointing at --help.
    [Theory]
    [InlineData("--paths 1e3", "--paths takes a whole number, not '1e3'")]
    [InlineData("--paths 2.5", "--paths takes a whole number, not '2.5'")]
    [InlineData("--paths 99999999999", "--paths takes a whole number from 1 to 2147483647, not 99999999999")]
    [InlineData("--seed -1", "--seed takes a whole number from 0 to 18446744073709551615, not -1")]
    [InlineData("--seed 18446744073709551616", "--seed takes a whole number from 0 to 18446744073709551615, not 18446744073709551616")]
    [InlineData("--threads x", "--threads takes a whole number, not 'x'")]
    [InlineData("--replay-path q", "--replay-path takes a whole number, not 'q'")]
    [InlineData("--paths +7", "--paths takes a whole number without a '+', not '+7' (write 7)")]
    [InlineData("--seed 007", "--seed takes a whole number without leading zeros, not '007' (write 7)")]
    [InlineData("--paths -99999999999", "--paths takes a whole number from 1 to 2147483647, not -99999999999")]
    // The number meant is outside the option's range: the fix names the range, not a value the range check refuses next.
    [InlineData("--paths +99999999999", "--paths takes a whole number without a '+', not '+99999999999' (--paths must be at most 2147483647: write 2147483647 or less)")]
    [InlineData("--paths -007", "--paths takes a whole number without leading zeros, not '-007' (--paths must be at least 1: write 1 or more)")]
    [InlineData("--replicates +5000", "--replicates takes a whole number without a '+', not '+5000' (--replicates must be at most 1000: write 1000 or less)")]
    [InlineData("--seed -0", "--seed takes a whole number with no sign on zero, not '-0' (write 0)")]
    public void NumbersThatAreNotWholeNumbersNameTheOption(string options, string message)
    {
        CliOutcome outcome = CliHarness.Run(["mc", Hyperion, "--scenario", "Base", .. options.Split(' ')]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.StartsWith($"deallang: error: {message}\n", outcome.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", outcome.Err, StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("--seed 18446744073709551615")]
    [InlineData("--paths 7")] // plain digits (white space around them, a '+' or leading zeros are refused: UsageErrorTests)
    [InlineData("--seed 0")] // 0 itself is plain digits
    public void WholeNumbersAtTheEdgesAreRead(string options)
    {
        // Read, so the run goes on to the scenario, which is not stochastic: the next mistake, not a parse error.
        CliOutcome outcome = CliHarness.Run(["mc", Hyperion, "--scenario", "Base", .. options.Split(' ', 2)]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.StartsWith("deallang: error: scenario Base is not stochastic", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeterministicScenarioIsNotRunByMc()
    {
        CliOutcome outcome = CliHarness.Run("mc", Hyperion, "--scenario", "Base");
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal(
            "deallang: error: scenario Base is not stochastic (it draws nothing): run it with 'deallang run'; deal Hyperion has no stochastic scenario\n",
            outcome.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnUnknownScenarioAndAMissingOneAreUsageErrors()
    {
        CliOutcome unknown = CliHarness.Run("mc", Hyperion, "--scenario", "Stoch");
        Assert.Equal(ExitCodes.UsageError, unknown.Exit);
        Assert.StartsWith("deallang: error: unknown scenario 'Stoch'", unknown.Err, StringComparison.Ordinal);

        CliOutcome none = CliHarness.Run("mc", Hyperion);
        Assert.Equal(ExitCodes.UsageError, none.Exit);
        Assert.Contains("--scenario", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeNeedsShards()
    {
        CliOutcome none = CliHarness.Run("merge");
        Assert.Equal(ExitCodes.UsageError, none.Exit);
        CliOutcome missingFile = CliHarness.Run("merge", "/no/such/shard.json");
        Assert.Equal(ExitCodes.UsageError, missingFile.Exit);
        Assert.Equal("deallang: error: shard file /no/such/shard.json not found\n", missingFile.Err.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", missingFile.Err, StringComparison.Ordinal);
    }

    // A "shard" that never ends is refused at the limit, not read until memory runs out (an internal error after
    // 4 GB and 17 s before).
    [Fact]
    public void AShardThatNeverEndsIsRefusedAtTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        CliOutcome endless = CliHarness.Run("merge", "/dev/zero");
        Assert.Equal(ExitCodes.UsageError, endless.Exit);
        Assert.Equal("deallang: error: /dev/zero holds more than 256 MiB, more than a shard file does; is it the right file?\n", endless.Err.ReplaceLineEndings("\n"));
    }
}
