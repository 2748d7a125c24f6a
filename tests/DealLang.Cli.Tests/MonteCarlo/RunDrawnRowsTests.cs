using System.Text.Json;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang run</c> of a stochastic scenario runs its path 0 at its own seed, so its summary lists what that path
/// drew under <c>drawn</c> exactly as <c>deallang mc --replay-path 0</c> does (docs/cli.md, <c>run</c>): the same rows,
/// the same numbers to the last digit, in CSV and in JSON's <c>draws</c>, for a deal with jumps and regimes
/// (CoreWeave), drawn rates from a scenarios file (Hyperion), a drawn default date (corpus 077) and a chain's top
/// (corpus 026); and a deterministic scenario's run lists none.
/// </summary>
public sealed class RunDrawnRowsTests
{
    public static TheoryData<string[], string> Stochastic => new()
    {
        { [Example("coreweave-ddtl2.deal")], "Stochastic" },
        { [Example("hyperion.deal"), "--scenarios", Example("hyperion-mc.scenarios")], "StochasticRent" },
        { [Valid("077-a-neocloud-gpu-loan-amortising-monthly-defaulting-mid-quarter.deal")], "DrawnDefault" },
        { [Valid("026-stochastic-chain-run-by-mc.deal")], "TenantRisk" },
    };

    [Theory]
    [MemberData(nameof(Stochastic))]
    public void Run_lists_the_draws_of_path_0_as_its_replay_does(string[] deal, string scenario)
    {
        string[] run = [.. DrawnCsvRows(Ok(CliHarness.Run(["run", .. deal, "--scenario", scenario, "--format", "csv"])))];
        string[] replay = [.. DrawnCsvRows(Ok(CliHarness.Run(["mc", .. deal, "--scenario", scenario, "--replay-path", "0", "--format", "csv"])))];
        Assert.NotEmpty(run);
        Assert.Equal(replay, run);

        string runJson = DrawsJson(Ok(CliHarness.Run(["run", .. deal, "--scenario", scenario, "--format", "json"])));
        string replayJson = DrawsJson(Ok(CliHarness.Run(["mc", .. deal, "--scenario", scenario, "--replay-path", "0", "--format", "json"])));
        Assert.Equal(replayJson, runJson);
    }

    [Fact]
    public void A_deterministic_scenario_lists_no_draws()
    {
        string csv = Ok(CliHarness.Run("run", Example("coreweave-ddtl2.deal"), "--scenario", "Base", "--format", "csv"));
        Assert.Empty(DrawnCsvRows(csv));
        Assert.DoesNotContain("\"draws\"", Ok(CliHarness.Run("run", Example("coreweave-ddtl2.deal"), "--scenario", "Base", "--format", "json")), StringComparison.Ordinal);
    }

    private static string Example(string file) => Path.Combine(RepoPaths.Root, "examples", file);

    private static string Valid(string file) => Path.Combine(RepoPaths.Tests, "corpus", "valid", file);

    /// <summary>The summary's <c>drawn</c> rows (item, metric, value: one scenario's summary has one value column).</summary>
    private static IEnumerable<string> DrawnCsvRows(string csv) =>
        csv.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("drawn,", StringComparison.Ordinal));

    /// <summary>Every summary's <c>draws</c> objects, as written (so the numbers compare digit for digit), joined.</summary>
    private static string DrawsJson(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var draws = new List<string>();
        foreach (JsonProperty report in document.RootElement.EnumerateObject().Where(o => o.Name.EndsWith(".summary", StringComparison.Ordinal)))
        {
            foreach (JsonElement s in report.Value.GetProperty("scenarios").EnumerateArray())
            {
                if (s.TryGetProperty("draws", out JsonElement d))
                {
                    draws.Add(d.GetRawText());
                }
            }
        }

        Assert.NotEmpty(draws);
        return string.Join("\n", draws);
    }

    private static string Ok(CliOutcome outcome)
    {
        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        return outcome.Out;
    }
}
