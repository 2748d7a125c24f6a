using DealLang.Cli.Tests.Corrections;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// The chain report's layers of a stochastic scenario's path are the same whether <c>deallang run</c> runs it (path 0
/// at the scenario's seed, docs/cli.md "Chains") or <c>deallang mc --replay-path 0</c> replays it (docs/cli.md "A
/// chain"): the same draws, every entity in the same order, the same layer figures. The chain is
/// <see cref="FundOfFundsLayerTests"/>' fund under a fund of funds that holds 60% of its bank line and half of its LP
/// interest, so every row of the layers, the funds' held claims included, is compared.
/// </summary>
public sealed class ChainLayersReplayTests : IDisposable
{
    private const string Fof = """
        import "fund.deal"
        deal Fof {
          currency USD closing 2026-01-01 maturity 2030-01-01 pay annual daycount 30/360
          party Insurer { }
          party Manager2 { }
          holding Line { of Fund.Bank share 60% }
          holding Units { of Fund.Investors share 50% }
          equity Own { contributed 10m holders Insurer 100% hurdle 8% carry 20% to Manager2 }
          waterfall { distribute rest to Own }
        }
        scenario Early for Fof {
          paths 20
          seed 2
          Tenant defaults drawn pd 40% per year
        }
        scenario Earlier for Fof {
          paths 20
          seed 4
          Tenant defaults drawn pd 40% per year
        }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-chain-replay-" + Guid.NewGuid().ToString("N"));

    public ChainLayersReplayTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "spv.deal"), ChainLayerTests.Spv);
        File.WriteAllText(Path.Combine(_directory, "fund.deal"), ChainLayerTests.Fund);
        File.WriteAllText(Path.Combine(_directory, "fof.deal"), Fof);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Layers(CliOutcome outcome)
    {
        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        return [.. outcome.Out.Split('\n').Where(l => l.StartsWith("layer: ", StringComparison.Ordinal) || l.StartsWith("\"layer: ", StringComparison.Ordinal))];
    }

    [Theory]
    [InlineData("Early")]
    [InlineData("Earlier")]
    public void A_replayed_path_has_the_layers_run_gives_it(string scenario)
    {
        string top = Path.Combine(_directory, "fof.deal");
        string[] run = Layers(CliHarness.Run("run", top, "--scenario", scenario, "--format", "csv"));
        string[] replay = Layers(CliHarness.Run("mc", top, "--scenario", scenario, "--replay-path", "0", "--format", "csv"));
        Assert.Equal(17, run.Length); // five layers of three rows, breaks first, bears the loss
        Assert.Equal(run, replay);

        // The tenant defaults on both paths, early enough that the fund's bank line and its LPs lose, outside the
        // chain's funds as well as inside them: every row below carries a loss.
        foreach (string layer in new[] { "\"layer: SPVs, neoclouds, miners\",loss,", "layer: funds,loss,", "layer: banks,loss,", "layer: LPs,loss," })
        {
            string row = run.Single(l => l.StartsWith(layer, StringComparison.Ordinal));
            Assert.True(double.Parse(row[layer.Length..], System.Globalization.CultureInfo.InvariantCulture) > 0, row);
        }
    }
}
