using System.Text.Json;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary><c>deallang mc</c> on Hyperion's stochastic paths: threads, shards merged by <c>deallang merge</c>, a
/// replayed path against its Parquet row, the formats and the progress bar.</summary>
public sealed class McCommandTests(StochasticHyperion hyperion) : IClassFixture<StochasticHyperion>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-mc-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Json)]
    public void OneAndTwoThreadsPrintTheSameReport(ReportFormat format)
    {
        CliOutcome one = hyperion.Simulate(StochasticHyperion.Request(threads: 1, format: format));
        CliOutcome two = hyperion.Simulate(StochasticHyperion.Request(threads: 2, format: format));
        Assert.Equal(ExitCodes.Ok, one.Exit);
        Assert.Equal(one.Out, two.Out);
        Assert.Contains(format == ReportFormat.Table ? "Hyperion: Monte Carlo, scenario Stochastic, 6,000 paths, seed 42" : "\"paths\": 6000,", one.Out, StringComparison.Ordinal);
    }

    // More shards than paths leaves a shard without any: its line said "paths 0 to -1 of 2". It says it has none, and
    // merged with the others it adds nothing (shard i of K of n paths: ⌊(i − 1)·n / K⌋ to ⌊i·n / K⌋ − 1, so of 2 paths
    // in 3 shards, shard 1 runs ⌊0⌋ to ⌊2/3⌋ − 1 = none, shard 2 path 0 to ⌊4/3⌋ − 1 = 0, shard 3 path 1).
    [Fact]
    public void AShardWithoutPathsSaysSoAndMergesWithTheOthers()
    {
        string single = hyperion.Simulate(StochasticHyperion.Request(threads: 1), paths: 2).Out;
        var files = new List<string>();
        foreach ((int i, string paths) in new[] { (1, "none of the 2 paths; it adds nothing to the merge"), (2, "paths 0 to 0 of 2"), (3, "paths 1 to 1 of 2") })
        {
            string file = Path.Combine(folder, $"small{i}.json");
            CliOutcome written = hyperion.Simulate(StochasticHyperion.Request(threads: 1, shard: $"{i}/3", outFile: file), paths: 2);
            Assert.Equal(ExitCodes.Ok, written.Exit);
            Assert.Equal($"wrote {file} (shard {i}/3: {paths})\n", written.Out.ReplaceLineEndings("\n"));
            files.Add(file);
        }

        CliOutcome merged = CliHarness.Run(["merge", .. files]);
        Assert.Equal(ExitCodes.Ok, merged.Exit);
        Assert.Equal(single, merged.Out);
    }

    // -v detailed of an empty shard read "ran none of the 2 paths; it adds nothing to the merge on 2 thread(s) in …".
    [Fact]
    public void AShardWithoutPathsSaysSoAtDetailedVerbosity()
    {
        string examples = DealLang.TestSupport.RepoPaths.Examples;
        string file = Path.Combine(folder, "empty-shard.json");
        CliOutcome outcome = CliHarness.Run("mc", Path.Combine(examples, "hyperion.deal"), "--scenarios", Path.Combine(examples, "hyperion-mc.scenarios"),
            "--scenario", "StochasticRent", "--paths", "2", "--shard", "1/3", "--out", file, "-v", "detailed");
        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Matches(@"(?m)^deallang: ran none of the 2 paths \(shard 1/3 has none\) in [0-9]+\.[0-9]{3} s$", outcome.Err.ReplaceLineEndings("\n"));

        // A chain's said "ran the chain's paths 0 to -1".
        CliOutcome chain = CliHarness.Run("mc", Path.Combine(DealLang.TestSupport.RepoPaths.Root, "tests", "corpus", "valid", "026-stochastic-chain-run-by-mc.deal"),
            "--scenario", "TenantRisk", "--paths", "1", "--shard", "1/2", "--out", file, "-v", "detailed");
        Assert.Equal(ExitCodes.Ok, chain.Exit);
        Assert.Matches(@"(?m)^deallang: ran none of the chain's 1 paths \(shard 1/2 has none\) in [0-9]+\.[0-9]{3} s$", chain.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void FourShardsMergedPrintTheSingleRunsReportByteForByte()
    {
        string single = hyperion.Simulate(StochasticHyperion.Request()).Out;
        string singleJson = hyperion.Simulate(StochasticHyperion.Request(format: ReportFormat.Json)).Out;
        var files = new List<string>();
        foreach (int i in new[] { 2, 4, 1, 3 })
        {
            string file = Path.Combine(folder, $"shard{i}.json");
            CliOutcome written = hyperion.Simulate(StochasticHyperion.Request(threads: 1, shard: $"{i}/4", outFile: file));
            Assert.Equal(ExitCodes.Ok, written.Exit);
            Assert.StartsWith($"wrote {file} (shard {i}/4: paths {(i - 1) * 1500} to {(i * 1500) - 1} of 6000)", written.Out, StringComparison.Ordinal);
            files.Add(file);
        }

        CliOutcome merged = CliHarness.Run(["merge", .. files]);
        Assert.Equal(ExitCodes.Ok, merged.Exit);
        Assert.Equal(single, merged.Out);
        Assert.Equal(singleJson, CliHarness.Run(["merge", .. files, "--format", "json"]).Out);
    }

    [Fact]
    public void MergeRefusesMissingOverlappingAndForeignShards()
    {
        string[] files = [.. Enumerable.Range(1, 3).Select(i => Path.Combine(folder, $"s{i}.json"))];
        for (int i = 1; i <= 3; i++)
        {
            hyperion.Simulate(StochasticHyperion.Request(shard: $"{i}/3", outFile: files[i - 1]), paths: 300);
        }

        string otherSeed = Path.Combine(folder, "seed7.json");
        hyperion.Simulate(StochasticHyperion.Request(shard: "3/3", outFile: otherSeed), seed: 7, paths: 300);

        CliOutcome missing = CliHarness.Run("merge", files[0], files[2]);
        Assert.Equal(ExitCodes.UsageError, missing.Exit);
        Assert.Equal("deallang: error: paths 100 to 199 are in no shard given (missing shard 2/3)\n", missing.Err.ReplaceLineEndings("\n"));

        CliOutcome overlap = CliHarness.Run("merge", files[0], files[1], files[1], files[2]);
        Assert.Equal(ExitCodes.UsageError, overlap.Exit);
        Assert.Contains("overlaps", overlap.Err, StringComparison.Ordinal);

        CliOutcome foreign = CliHarness.Run("merge", files[0], files[1], otherSeed);
        Assert.Equal(ExitCodes.UsageError, foreign.Exit);
        Assert.Contains("is not a shard of the same run", foreign.Err, StringComparison.Ordinal);
        Assert.Contains("seed 7, not 42", foreign.Err, StringComparison.Ordinal);

        CliOutcome notAShard = CliHarness.Run("merge", Path.Combine(TestSupport.RepoPaths.Examples, "hyperion.deal"));
        Assert.Equal(ExitCodes.UsageError, notAShard.Exit);
        Assert.Contains("cannot be merged: it is not a shard file", notAShard.Err, StringComparison.Ordinal);
        foreach (CliOutcome o in new[] { missing, overlap, foreign, notAShard })
        {
            Assert.DoesNotContain("   at ", o.Err, StringComparison.Ordinal);
            Assert.Equal("", o.Out);
        }
    }

    [Fact]
    public void AReplayedPathShowsTheFiguresOfItsRowInTheRun()
    {
        string parquet = Path.Combine(folder, "paths.parquet");
        CliOutcome run = hyperion.Simulate(StochasticHyperion.Request(pathsOut: parquet), paths: 5000);
        Assert.Equal(ExitCodes.Ok, run.Exit);
        Assert.Equal($"wrote {parquet}\n", run.Err.ReplaceLineEndings("\n"));

        Dictionary<string, Array> columns = PathsParquetFile.Read(parquet, out string[] names);
        // The deal's columns, then what the scenario's factor drew: its shock and the campus's deflation; last, Meta's drawn
        // default date.
        string[] expected = ["path", .. PathColumns.For(hyperion.Program.Description).Select(c => c.Name), "Campus.value shock", "Campus.value deflation", "Meta default date"];
        Assert.Equal(expected, names);
        Assert.Equal(Enumerable.Range(0, 5000), (int[])columns["path"]);

        // Replay a path with a loss if there is one, and a path with Meta's default: the summary's figures are its row's.
        var loss = (double[])columns["Notes loss"];
        var metaDefaulted = (bool[])columns["Meta defaulted"];
        int lossy = Array.FindIndex(loss, l => l > 0);
        int defaulted = Array.IndexOf(metaDefaulted, true);
        Assert.True(defaulted >= 0, "a 2% annual PD over 23.6 years defaults on about 38% of the paths");
        foreach (int path in new[] { 0, 4321, defaulted, lossy }.Where(p => p >= 0))
        {
            CliOutcome replay = hyperion.Simulate(StochasticHyperion.Request(replay: path, format: ReportFormat.Json), paths: 5000);
            Assert.Equal(ExitCodes.Ok, replay.Exit);
            using JsonDocument json = JsonDocument.Parse(replay.Out);
            JsonElement scenario = json.RootElement.GetProperty($"Hyperion.Stochastic.path{path}.summary").GetProperty("scenarios")[0];
            Assert.Equal($"Stochastic path {path}", scenario.GetProperty("name").GetString());
            JsonElement notes = scenario.GetProperty("tranches")[0];
            Assert.Equal(loss[path], notes.GetProperty("principalLoss").GetDouble(), 0.005); // JSON money is to the cent
            double? irr = ((double?[])columns["Notes irr"])[path];
            Assert.Equal(irr, notes.GetProperty("irr").ValueKind == JsonValueKind.Null ? null : notes.GetProperty("irr").GetDouble());
            double? wal = ((double?[])columns["Notes wal"])[path];
            Assert.Equal(wal, notes.GetProperty("walYears").ValueKind == JsonValueKind.Null ? null : notes.GetProperty("walYears").GetDouble());
            JsonElement meta = scenario.GetProperty("parties").EnumerateArray().First(p => p.GetProperty("name").GetString() == "Meta");
            Assert.Equal(metaDefaulted[path], meta.GetProperty("defaultDate").ValueKind != JsonValueKind.Null);

            // The summary's draws are the row's last columns, to the bit (JSON numbers round-trip).
            JsonElement draws = scenario.GetProperty("draws");
            Assert.Equal(((double[])columns["Campus.value shock"])[path], draws.GetProperty("Campus.value shock").GetDouble());
            Assert.Equal(((double?[])columns["Campus.value deflation"])[path], draws.GetProperty("Campus.value deflation").GetDouble());
        }

        // With --ledger the replay prints the path's period ledger first (48 periods from the closing).
        CliOutcome ledger = hyperion.Simulate(StochasticHyperion.Request(replay: defaulted, ledger: true), paths: 5000);
        Assert.Contains($"== Hyperion: scenario Stochastic, seed 42, path {defaulted}: period ledger ==", ledger.Out, StringComparison.Ordinal);
        Assert.Contains("rent MetaLease", ledger.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void APathOutsideTheRunCannotBeReplayed()
    {
        var e = Assert.Throws<UsageException>(() => hyperion.Simulate(StochasticHyperion.Request(replay: 300), paths: 300));
        Assert.Equal("--replay-path 300: the run has paths 0 to 299", e.Message);
    }

    [Fact]
    public void EveryFormatRendersAndARunShorterThanASecondDrawsNoProgress()
    {
        CliOutcome piped = hyperion.Simulate(StochasticHyperion.Request(format: ReportFormat.Csv), paths: 500);
        Assert.Equal("", piped.Err);
        Assert.StartsWith("section,metric,value,stderr\r\nNotes,P(principal loss),", piped.Out, StringComparison.Ordinal);
        Assert.Contains("Meta,simulated default rate,", piped.Out, StringComparison.Ordinal);

        CliOutcome markdown = hyperion.Simulate(StochasticHyperion.Request(format: ReportFormat.Markdown), paths: 500);
        Assert.Contains("| Notes | P(principal loss) |", markdown.Out, StringComparison.Ordinal);

        // On a terminal too: 500 paths take well under the second after which progress is drawn (ProgressDisplayTests
        // draws it), and the report is the same.
        CliOutcome terminal = hyperion.Simulate(StochasticHyperion.Request(), paths: 500, terminal: true);
        Assert.Equal("", terminal.Err);
        CliOutcome noColor = hyperion.Simulate(StochasticHyperion.Request(), paths: 500, terminal: true, noColor: "1");
        Assert.Equal("", noColor.Err);
        Assert.Equal(terminal.Out, noColor.Out);
        Assert.Equal(piped.Exit, terminal.Exit);
    }
}
