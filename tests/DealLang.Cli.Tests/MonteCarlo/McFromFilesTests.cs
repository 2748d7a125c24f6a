using System.Text.Json;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang mc</c> end to end from deal files, as a user runs it: examples/hyperion-mc.scenarios,
/// CoreWeave's <c>Stochastic</c> scenario in examples/coreweave-ddtl2.deal and valid corpus 019, on few paths. The
/// report does not depend on the threads, four shards merged print the single run's report, every format
/// renders, and a scenario's own <c>paths</c> and <c>seed</c> apply when the command does not override them.
/// </summary>
public sealed class McFromFilesTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string HyperionMc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");
    private static readonly string CoreWeave = Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal");
    private static readonly string Valid019 = Path.Combine(RepoPaths.Root, "tests/corpus/valid/019-stochastic-loan-warehouse-run-by-mc.deal");
    private static readonly string Valid020 = Path.Combine(RepoPaths.Root, "tests/corpus/valid/020-stochastic-sobol-campus.deal");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-mcfiles-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string[] HyperionArgs(params string[] more) =>
        ["mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "1200", "--seed", "7", .. more];

    private static string[] CoreWeaveArgs(params string[] more) =>
        ["mc", CoreWeave, "--scenario", "Stochastic", "--paths", "400", .. more];

    [Fact]
    public void HyperionsScenarioFileRunsTheSameOnOneAndTwoThreadsAndInFourShards()
    {
        CliOutcome one = CliHarness.Run(HyperionArgs("--threads", "1"));
        CliOutcome two = CliHarness.Run(HyperionArgs("--threads", "2"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        Assert.Equal(one.Out, two.Out);
        Assert.StartsWith("Hyperion: Monte Carlo, scenario StochasticRent, 1,200 paths, seed 7\n", one.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Meta", one.Out, StringComparison.Ordinal);
        AssertShardsMergeTo(one.Out, i => HyperionArgs("--threads", "1", "--shard", $"{i}/4", "--out", Path.Combine(folder, $"h{i}.json")), "h");
    }

    [Fact]
    public void CoreWeaveOnOneThreadIsItsRunOnTwoThreadsByteForByteOverSeveralBlocks()
    {
        // The tests above run fewer paths than a block (4,096), so their two threads are one. Here 8,194 paths are three
        // blocks (antithetic: an even count), which two threads share; a one-thread run's totals are its thread's own,
        // never merged into another set, and two threads' are the first's with the second's merged in: the same report
        // and the same shard file, byte for byte.
        string[] Run(string threads, string shard) => ["mc", CoreWeave, "--scenario", "Stochastic", "--paths", "8194", "--seed", "3", "--threads", threads,
            "--shard", "1/1", "--out", shard];
        string one = Path.Combine(folder, "one.json"), two = Path.Combine(folder, "two.json");
        CliOutcome first = CliHarness.Run(Run("1", one));
        CliOutcome second = CliHarness.Run(Run("2", two));
        Assert.True(first.Exit == ExitCodes.Ok && second.Exit == ExitCodes.Ok, first.ToString() + second);
        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));
        CliOutcome merged = CliHarness.Run("merge", one, "--format", "json");
        Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
        Assert.Equal(merged.Out, CliHarness.Run("merge", two, "--format", "json").Out);
        Assert.Contains("\"paths\": 8194,", merged.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table", "Loan       P(principal loss)")]
    [InlineData("csv", "section,metric,value,stderr\r\nLoan,P(principal loss),")]
    [InlineData("md", "| Loan | P(principal loss) |")]
    [InlineData("json", "\"paths\": 400,")]
    public void CoreWeavesStochasticScenarioPrintsEveryFormatAlikeOnOneAndTwoThreads(string format, string expected)
    {
        CliOutcome one = CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "1", "--format", format));
        CliOutcome two = CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "2", "--format", format));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        Assert.Equal(one.Out, two.Out);
        Assert.Contains(expected, one.Out, StringComparison.Ordinal);
        if (format == "json")
        {
            using JsonDocument json = JsonDocument.Parse(one.Out);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
        else
        {
            // Both customers' defaults are drawn; the rent and SOFR fan charts print in the table.
            Assert.Contains("Microsoft", one.Out, StringComparison.Ordinal);
            Assert.Contains("AiLab", one.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CoreWeavesStochasticScenarioMergedFromFourShardsIsTheSingleRun()
    {
        CliOutcome single = CliHarness.Run(CoreWeaveArgs("--seed", "42"));
        Assert.True(single.Exit == ExitCodes.Ok, single.ToString());
        Assert.StartsWith("CoreWeaveDdtl2: Monte Carlo, scenario Stochastic, 400 paths, seed 42\n", single.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("H100Rent: level at each period's start", single.Out, StringComparison.Ordinal);
        Assert.Contains("SOFR: level at each period's start", single.Out, StringComparison.Ordinal);
        AssertShardsMergeTo(single.Out, i => CoreWeaveArgs("--seed", "42", "--threads", "1", "--shard", $"{i}/4", "--out", Path.Combine(folder, $"c{i}.json")), "c");

        // Another seed is another run.
        Assert.NotEqual(single.Out, CliHarness.Run(CoreWeaveArgs("--seed", "43")).Out);
    }

    [Fact]
    public void AnOddAntitheticRunInThreeShardsSplitsItsPairsAndMergesToTheSingleRun()
    {
        // 401 antithetic paths: 201 pairs, the last of one path. Split by paths, shard 2/3 would run paths 133 to 266
        // (path 133 mirrors 132, in shard 1); split by pairs, ⌊201/3⌋ = 67 and ⌊402/3⌋ = 134 pairs: paths 134 to 267.
        string[] Args(params string[] more) => ["mc", CoreWeave, "--scenario", "Stochastic", "--paths", "401", "--seed", "5", .. more];
        CliOutcome single = CliHarness.Run(Args("--threads", "2", "--format", "json"));
        Assert.True(single.Exit == ExitCodes.Ok, single.ToString());
        var files = new List<string>();
        foreach (int i in new[] { 2, 3, 1 })
        {
            string file = Path.Combine(folder, $"odd{i}.json");
            CliOutcome written = CliHarness.Run(Args("--threads", $"{1 + (i % 2)}", "--shard", $"{i}/3", "--out", file));
            Assert.True(written.Exit == ExitCodes.Ok, written.ToString());
            files.Add(file);
            if (i == 2)
            {
                Assert.Contains("(shard 2/3: paths 134 to 267 of 401)", written.Out, StringComparison.Ordinal);
            }
        }

        CliOutcome merged = CliHarness.Run(["merge", "--format", "json", .. files]);
        Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
        Assert.Equal(single.Out, merged.Out);
    }

    [Fact]
    public void ValidCorpus019RunsAtItsScenariosOwnPathsAndSeed()
    {
        // 019's scenario says 'paths 500' and 'seed 19'; the command gives neither.
        CliOutcome run = CliHarness.Run("mc", Valid019, "--scenario", "Stochastic", "--format", "csv");
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
        Assert.StartsWith("note: scenario Stochastic uses antithetic:", run.Err, StringComparison.Ordinal); // and nothing else
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Senior,P(principal loss),", run.Out, StringComparison.Ordinal);

        // Each party's simulated default rate within 4 standard errors of its PD to the maturity (4 years; the
        // miner's own 8% a year, 1 - 0.92^4 = 28.38%; the neocloud's 6% from the scenario, 1 - 0.94^4 = 21.94%).
        foreach (var (party, pd) in new[] { ("Miner", 1 - Math.Pow(0.92, 4)), ("Neocloud", 1 - Math.Pow(0.94, 4)) })
        {
            string[] row = run.Out.Split("\r\n").Single(l => l.StartsWith(party + ",simulated default rate,", StringComparison.Ordinal)).Split(',');
            double rate = Percent(row[2]), se = Percent(row[3]);
            Assert.InRange(rate - pd, -4 * se, 4 * se);
        }

        Assert.Equal(run.Out, CliHarness.Run("mc", Valid019, "--scenario", "Stochastic", "--format", "csv", "--paths", "500", "--seed", "19", "--threads", "1").Out);
        Assert.NotEqual(run.Out, CliHarness.Run("mc", Valid019, "--scenario", "Stochastic", "--format", "csv", "--seed", "20").Out);
    }

    [Fact]
    public void AnAntitheticRunSaysItsStandardErrorsAreOverItsMirroredPairs()
    {
        // Every ± of an antithetic run, its quantiles' (VaR, ES, percentiles) too, is over its mirrored pairs
        // (docs/language.md, "Monte Carlo results"): the heading says so, with no caveat left, and a note on standard
        // error for a CSV report, which has no heading (PairStandardErrorTests and PairQuantileErrorTests measure them
        // over seeds).
        CliOutcome mirrored = CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "1"));
        Assert.True(mirrored.Exit == ExitCodes.Ok, mirrored.ToString());
        Assert.StartsWith("note: scenario Stochastic uses antithetic: its ± are standard errors over its mirrored pairs (", mirrored.Err, StringComparison.Ordinal);
        Assert.Contains("\n± is one Monte Carlo standard error, over the mirrored pairs; ", mirrored.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("independent", mirrored.Out + mirrored.Err, StringComparison.Ordinal);

        // Hyperion's scenario file is antithetic too; national-compute's FiscalCost is not: no note; none with --verbosity quiet.
        Assert.StartsWith("note: scenario StochasticRent uses antithetic:", CliHarness.Run(HyperionArgs("--threads", "1")).Err, StringComparison.Ordinal);
        CliOutcome plain = CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, "national-compute.deal"), "--scenario", "FiscalCost", "--paths", "200");
        Assert.True(plain.Exit == ExitCodes.Ok, plain.ToString());
        Assert.Equal("", plain.Err);
        Assert.Equal("", CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "1", "--verbosity", "quiet")).Err);

        // The note is on standard error, and a shard file prints none.
        CliOutcome shard = CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "1", "--shard", "1/2", "--out", Path.Combine(folder, "a1.json")));
        Assert.DoesNotContain("note:", shard.Out + shard.Err, StringComparison.Ordinal);

        // The shard's frame records the mirrored pairs, so their merged report says so too (it printed no note: the
        // shard file did not say how its paths were drawn); a plain run's shard has no such field, as before it.
        Assert.Equal(ExitCodes.Ok, CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "1", "--shard", "2/2", "--out", Path.Combine(folder, "a2.json"))).Exit);
        Assert.Contains("\"sampling\":\"antithetic\"", File.ReadAllText(Path.Combine(folder, "a1.json")), StringComparison.Ordinal);
        CliOutcome merged = CliHarness.Run("merge", Path.Combine(folder, "a1.json"), Path.Combine(folder, "a2.json"));
        Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
        Assert.Equal(mirrored.Out, merged.Out);
        Assert.StartsWith("note: scenario Stochastic uses antithetic:", merged.Err, StringComparison.Ordinal);
        string plainShard = Path.Combine(folder, "p1.json");
        Assert.Equal(ExitCodes.Ok, CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, "national-compute.deal"), "--scenario", "FiscalCost", "--paths", "200",
            "--shard", "1/1", "--out", plainShard).Exit);
        Assert.DoesNotContain("sampling", File.ReadAllText(plainShard), StringComparison.Ordinal);
        Assert.Equal("", CliHarness.Run("merge", plainShard).Err);

        // A JSON report says it in the document itself, for a reader that sees no standard error.
        Assert.Contains("\"sampling\": \"antithetic\"", CliHarness.Run(CoreWeaveArgs("--seed", "42", "--threads", "1", "--format", "json")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sampling", CliHarness.Run("merge", plainShard, "--format", "json").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ASobolScenarioRunsTheSameOnOneAndTwoThreadsInShardsAndReplayed()
    {
        // Valid 020's 'sobol' scenario: path i is Sobol point i under the seed's digital shift, computed alone, so
        // threads and shards see the same numbers; a replayed path is its row of the run.
        string[] Args(params string[] more) => ["mc", Valid020, "--scenario", "Quasi", "--paths", "1024", .. more];
        CliOutcome one = CliHarness.Run(Args("--threads", "1"));
        CliOutcome two = CliHarness.Run(Args("--threads", "2"));
        Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
        Assert.Equal(one.Out, two.Out);
        Assert.StartsWith("Campus: Monte Carlo, scenario Quasi, 1,024 paths, seed 7\n", one.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("note: scenario Quasi uses sobol: the ± are plain Monte Carlo standard errors", one.Err, StringComparison.Ordinal);
        AssertShardsMergeTo(one.Out, i => Args("--threads", "1", "--shard", $"{i}/4", "--out", Path.Combine(folder, $"q{i}.json")), "q");
        Assert.NotEqual(one.Out, CliHarness.Run(Args("--seed", "8")).Out); // another seed, another shift
        CliOutcome replayed = CliHarness.Run(Args("--replay-path", "517"));
        Assert.True(replayed.Exit == ExitCodes.Ok, replayed.ToString());
    }

    // A shard of the deal read from a pipe (a shell's <(cat deal.deal); here this process's own pipe under
    // /proc/self/fd) merges with a shard of the file: the deal hash is of the text as read, where it read the file
    // again, which a pipe cannot give twice (an empty text's hash, "not a shard of the same run").
    [Fact]
    public async Task AShardOfTheDealReadFromAPipeMergesWithOneOfTheFile()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        string readEnd = "/proc/self/fd/" + pipe.GetClientHandleAsString();
        byte[] deal = File.ReadAllBytes(CoreWeave);
        Task writer = Task.Run(() =>
        {
            pipe.Write(deal);
            pipe.Dispose();
        });

        string first = Path.Combine(folder, "piped1.json"), second = Path.Combine(folder, "file2.json");
        string[] args = ["--scenario", "Stochastic", "--paths", "200", "--seed", "42", "--threads", "1"];
        CliOutcome piped = CliHarness.Run(["mc", readEnd, .. args, "--shard", "1/2", "--out", first]);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(piped.Exit == ExitCodes.Ok, piped.ToString());
        Assert.True(CliHarness.Run(["mc", CoreWeave, .. args, "--shard", "2/2", "--out", second]).Exit == ExitCodes.Ok);

        CliOutcome merged = CliHarness.Run("merge", first, second);
        Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
        Assert.Equal(CliHarness.Run(["mc", CoreWeave, .. args]).Out, merged.Out);
    }

    private static double Percent(string text) =>
        text.EndsWith('%') ? double.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100
            : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertShardsMergeTo(string single, Func<int, string[]> shardArgs, string prefix)
    {
        var files = new List<string>();
        foreach (int i in new[] { 3, 1, 4, 2 })
        {
            string[] args = shardArgs(i);
            CliOutcome written = CliHarness.Run(args);
            Assert.True(written.Exit == ExitCodes.Ok, written.ToString());
            files.Add(args[^1]);
        }

        Assert.All(files, f => Assert.StartsWith(prefix, Path.GetFileName(f), StringComparison.Ordinal));
        CliOutcome merged = CliHarness.Run(["merge", .. files]);
        Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
        Assert.Equal(single, merged.Out);
    }
}
