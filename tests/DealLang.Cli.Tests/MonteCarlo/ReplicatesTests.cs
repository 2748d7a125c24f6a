using System.Text.Json;
using DealLang.Cli.Commands;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang mc --replicates R</c> (docs/cli.md; docs/language.md, "Standard errors under Sobol"): the scenario at
/// seeds S0 … S0 + R − 1 and one report whose every estimate is the mean of the R runs' and whose ± is the standard
/// error of that mean across them, √(Σ (x_r − x̄)² / (R (R − 1))).
/// </summary>
public sealed class ReplicatesTests
{
    /// <summary>The corpus's sobol campus (its tenant's default drawn with loadings on two correlated factors).</summary>
    private static readonly string CampusFile = Path.Combine(RepoPaths.Tests, "corpus", "valid", "020-stochastic-sobol-campus.deal");

    private const int Paths = 256;
    private const ulong FirstSeed = 7;
    private const int Runs = 3;

    private static readonly Lazy<(DealHost Host, ScenarioSpec Scenario)> Compiled = new(() =>
    {
        var compilation = DealFile.Compile(CampusFile, []);
        var result = DealCompiler.Compile(compilation);
        Assert.True(result.Compiled is not null, string.Join('\n', result.Diagnostics));
        return (DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName), result.Model!.Scenarios.Single(s => s.Name == "Quasi"));
    });

    private static IDealProgram Program => Compiled.Value.Host.Program;

    private static StochasticPaths Source(ulong seed) => new(Program.Description, Compiled.Value.Scenario, seed, Paths);

    private static SimulationFrame Frame(StochasticPaths source) => SimulationFrame.Of(
        Program.Description, "campus-test", "Quasi", source.Seed, source.Count,
        source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd))) with { Sampling = source.Sampling };

    private static McCommand.McRequest Request(int threads, ReportFormat format, int? replicates) =>
        new(CampusFile, [], "Quasi", Paths, FirstSeed, threads, null, null, format, null, null, false, replicates);

    /// <summary>One run at <paramref name="seed"/>, as <c>mc</c> without --replicates runs it.</summary>
    private static CliOutcome Single(ulong seed)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        StochasticPaths source = Source(seed);
        int exit = McCommand.Simulate(Request(2, ReportFormat.Json, null) with { Seed = seed }, Program, source, Frame(source), new CliConsole(output, error));
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    private static CliOutcome Replicated(int threads, ReportFormat format, int replicates = Runs)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = McCommand.SimulateReplicates(Request(threads, format, replicates), Program, Source, Frame(Source(FirstSeed)), new CliConsole(output, error));
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    /// <summary>The estimates the test compares, as JSON paths from the report's root: rates at full precision, money
    /// to the cent.</summary>
    private static readonly (string[] Path, bool Money)[] Figures =
    [
        (["tranches", "0", "lossProbability"], false),
        (["tranches", "0", "expectedLoss"], true),
        (["tranches", "0", "lossGivenLoss"], true),
        (["tranches", "0", "tails", "1", "valueAtRisk"], true),
        (["tranches", "0", "irr", "mean"], false),
        (["equities", "0", "irr", "mean"], false),
        (["equities", "0", "irr", "percentiles", "2"], false),
        (["parties", "0", "defaultRate"], false),
    ];

    private static JsonElement At(JsonElement root, string[] path)
    {
        foreach (string step in path)
        {
            root = int.TryParse(step, out int i) ? root[i] : root.GetProperty(step);
        }

        return root;
    }

    [Fact]
    public void EachEstimateIsTheMeanOfTheSingleRunsAndItsErrorTheirSpread()
    {
        JsonElement[] singles = [.. Enumerable.Range(0, Runs).Select(r => JsonDocument.Parse(Single(FirstSeed + (ulong)r).Out).RootElement)];
        CliOutcome replicated = Replicated(threads: 2, ReportFormat.Json);
        Assert.Equal(ExitCodes.Ok, replicated.Exit);
        JsonElement combined = JsonDocument.Parse(replicated.Out).RootElement;
        Assert.Equal(Runs, combined.GetProperty("replicates").GetInt32());
        Assert.Equal(Paths, combined.GetProperty("pathsPerReplicate").GetInt32());
        Assert.Equal(Runs * Paths, combined.GetProperty("paths").GetInt32());
        Assert.Equal("9", combined.GetProperty("lastSeed").GetString()); // 7 + 3 − 1

        int spread = 0;
        foreach (var (path, money) in Figures)
        {
            double[] x = [.. singles.Select(s => At(s, path).GetProperty("value").GetDouble())];
            double mean = x.Average();
            double se = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (Runs * (Runs - 1)));
            JsonElement figure = At(combined, path);
            string name = string.Join('.', path);
            // Money is printed to the cent: each single run's value and the combined one each within half a cent of
            // the exact figure, so they agree within a cent; rates are printed at full precision (1e-12 relative).
            double tolerance = money ? 0.01 : 1e-12 * Math.Max(1, Math.Abs(mean));
            Assert.True(Math.Abs(figure.GetProperty("value").GetDouble() - mean) <= tolerance, $"{name}: {figure} against mean {mean}");
            spread += se > 0 ? 1 : 0;
            Assert.True(Math.Abs(figure.GetProperty("stderr").GetDouble() - se) <= tolerance, $"{name}: {figure} against SE {se}");
        }

        // The seeds moved all but the party's default rate (its 256 Sobol points, one factor, default the same count at
        // each shift: a ± of 0, which is what they say), so the ± compared are not all zeros.
        Assert.True(spread >= Figures.Length - 1, $"only {spread} figures differ across the seeds");

        // Counts are over every replicate's paths.
        Assert.Equal(singles.Sum(s => s.GetProperty("tranches")[0].GetProperty("pathsWithLoss").GetInt64()),
            combined.GetProperty("tranches")[0].GetProperty("pathsWithLoss").GetInt64());
        Assert.Equal(singles.Max(s => s.GetProperty("tranches")[0].GetProperty("largestLoss").GetDouble()),
            combined.GetProperty("tranches")[0].GetProperty("largestLoss").GetDouble());
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Csv)]
    public void TheReportIsTheSameOnOneThreadAndTwo(ReportFormat format)
    {
        CliOutcome one = Replicated(threads: 1, format);
        CliOutcome two = Replicated(threads: 2, format);
        Assert.Equal(ExitCodes.Ok, one.Exit);
        Assert.Equal(one.Out, two.Out);
        Assert.Equal(one.Err, two.Err);
    }

    [Fact]
    public void TheHeadingAndNoteSayWhatWasDone()
    {
        CliOutcome table = Replicated(threads: 2, ReportFormat.Table);
        string[] lines = table.Out.Split('\n');
        Assert.Equal("Campus: Monte Carlo, scenario Quasi, 3 replicates of 256 paths, seeds 7 to 9", lines[0]);
        Assert.StartsWith("each estimate is the mean of 3 replicates, ± one standard error across them; ", lines[1], StringComparison.Ordinal);
        // The sobol note (its ± overstate the error) is replaced by what the replicates did.
        Assert.Equal("note: scenario Quasi ran 3 times, at seeds 7 to 9: each estimate is the mean of the 3 runs' and its ± one standard error "
            + "across them (docs/language.md, \"Standard errors under Sobol\")\n", table.Err.ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Replicates.Combine on figures written by hand. EventOfDefault 2%, 2.5%, 3% in three replicates:
    /// x̄ = 0.075 / 3 = 0.025; Σ (x − x̄)² = 0.005² + 0 + 0.005² = 5·10⁻⁵; SE = √(5·10⁻⁵ / (3·2)) = √(8.333·10⁻⁶) = 0.0028868.
    /// Sale seen on no path of any replicate's 1,000: no ±, its 95% upper bound over 3,000 paths, 1 − 0.05^(1/3000) =
    /// 0.000998. A party whose default rate one replicate cannot say (NaN) is n/a; a VaR at a replicate's largest value
    /// (no ± in that run) keeps its mean but has no ±; a mean the same on every path of every replicate keeps its value
    /// and no ±.
    /// </summary>
    [Fact]
    public void CombineTakesTheMeanAndTheSpreadAcrossReplicates()
    {
        CreditMetrics Run(ulong seed, double eventOfDefault, double partyRate, double var999, double var999Error) => new(
            new SimulationFrame("D", "h", "USD", "S", seed, 1000, [], [], [], [], [], []) { Sampling = SimulationFrame.Sobol },
            1000, [], [("Eq", new Distribution(1000, 0, new Estimate(0.05, double.NaN) { EveryPathSame = true }, [new Estimate(var999, var999Error)], 0.05, 0.05))],
            new Estimate(eventOfDefault, 0.004), CreditMetrics.Proportion(0, 1000),
            [new PartyRisk("P", 0.01, 0.05, 30, new Estimate(partyRate, 0.005))], []);

        CreditMetrics m = Replicates.Combine([Run(7, 0.02, 0.03, 1.0, 0.1), Run(8, 0.025, double.NaN, 2.0, double.NaN), Run(9, 0.03, 0.03, 3.0, 0.1)]);

        Assert.Equal(3, m.Frame.Replicates);
        Assert.Equal(7UL, m.Frame.Seed);
        Assert.Equal(3000, m.Paths);
        Assert.Equal(0.025, m.EventOfDefault.Value, 1e-15);
        Assert.Equal(0.0028867513, m.EventOfDefault.StdError, 1e-10);
        Assert.Equal(0, m.Sale.Value);
        Assert.True(double.IsNaN(m.Sale.StdError));
        Assert.Equal(0.000998, m.Sale.Bound, 1e-6);
        Assert.True(double.IsNaN(m.Parties[0].DefaultRate.Value));
        Assert.Equal(90, m.Parties[0].Defaults);
        Distribution irr = m.Equities[0].Irr;
        Assert.True(irr.Mean.EveryPathSame);
        Assert.Equal(0.05, irr.Mean.Value);
        Assert.Equal(2.0, irr.Percentiles[0].Value, 1e-15);
        Assert.True(double.IsNaN(irr.Percentiles[0].StdError));
        Assert.Equal(3000, irr.Paths);
    }

    [Fact]
    public void IndependentPathsRunAsReplicatesToo()
    {
        // Independent paths' ± are already valid; replicates still give one across runs (docs/cli.md).
        CliOutcome outcome = CliHarness.Run(["mc", Path.Combine(RepoPaths.Examples, "hyperion.deal"), "--scenarios", Path.Combine(RepoPaths.Root, StochasticHyperion.ScenarioFile),
            "--scenario", "Stochastic", "--paths", "200", "--replicates", "2", "-t", "1"]);
        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Contains("2 replicates of 200 paths, seeds ", outcome.Out, StringComparison.Ordinal);
        Assert.StartsWith("note: scenario Stochastic ran 2 times", outcome.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--replicates 1", "--replicates must be from 2 (a standard error needs two runs) to 1000, not 1")]
    [InlineData("--replicates 1001", "--replicates must be from 2 (a standard error needs two runs) to 1000, not 1001")]
    [InlineData("--replicates 2 --shard 1/2 --out x.shard", "--replicates prints one report over whole runs: it takes no --shard, --paths-out or --replay-path")]
    [InlineData("--replicates 2 --paths-out x.parquet", "--replicates prints one report over whole runs: it takes no --shard, --paths-out or --replay-path")]
    [InlineData("--replicates 2 --replay-path 3", "--replicates prints one report over whole runs: it takes no --shard, --paths-out or --replay-path")]
    public void MistakesAreUsageErrors(string options, string message)
    {
        CliOutcome outcome = CliHarness.Run(["mc", CampusFile, "--scenario", "Quasi", .. options.Split(' ')]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal($"deallang: error: {message}\n", outcome.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("2.5", "--replicates takes a whole number, not '2.5'")]
    [InlineData("two", "--replicates takes a whole number, not 'two'")]
    [InlineData("99999999999", "--replicates takes a whole number from 2 to 1000, not 99999999999")] // was "from 2 to 2147483647"
    public void ACountThatIsNotAWholeNumberIsAUsageError(string count, string message)
    {
        CliOutcome outcome = CliHarness.Run(["mc", CampusFile, "--scenario", "Quasi", "--replicates", count]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.StartsWith($"deallang: error: {message}\n", outcome.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void SeedsPastTheLargestAreAUsageError()
    {
        CliOutcome outcome = CliHarness.Run(["mc", CampusFile, "--scenario", "Quasi", "--paths", "16", "--seed", "18446744073709551614", "--replicates", "3"]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: --replicates 3 runs at seeds 18446744073709551614 to 18446744073709551614 + 2, past the largest seed, "
            + "18446744073709551615: give a smaller --seed\n", outcome.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void AChainRunIsAUsageError()
    {
        string parent = Path.Combine(RepoPaths.Tests, "corpus", "valid", "026-stochastic-chain-run-by-mc.deal");
        CliOutcome outcome = CliHarness.Run(["mc", parent, "--scenario", "TenantRisk", "--paths", "16", "--replicates", "2"]);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: --replicates combines one deal's report, and this deal imports deals (a chain run): run it at each seed "
            + "with --seed and combine them by hand (docs/cli.md)\n", outcome.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Out);
    }
}
