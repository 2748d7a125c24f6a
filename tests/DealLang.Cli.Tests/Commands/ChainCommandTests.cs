using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang check</c>, <c>build</c> and <c>run</c> on a chain (valid 022, a parent importing valid 021's SPV):
/// check names the entities, build writes each entity's C#, run reports each entity's summary and the chain report
/// in every format, the entities in the order they run.
/// </summary>
public sealed class ChainCommandTests : IDisposable
{
    private static readonly string Parent = Path.Combine(RepoPaths.Tests, "corpus", "valid", "022-parent-holding-spv-equity-and-notes.deal");

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-chain-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_names_the_entities_that_run_before_the_deal()
    {
        var outcome = CliHarness.Run("check", Parent);

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.Contains("ok: deal Parent", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("a chain with Spv, which run before it", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_writes_every_entitys_generated_csharp()
    {
        var outcome = CliHarness.Run("build", Parent, "--emit-cs", _folder);

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.True(File.Exists(Path.Combine(_folder, "Deal_Spv.cs")), outcome.ToString());
        Assert.Contains("new HoldingInfo(\"SpvStake\", \"Spv\", \"SpvEquity\", true, 1.0, 0.0, -1)", File.ReadAllText(Path.Combine(_folder, "Deal_Parent.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_reports_each_entity_in_run_order_then_the_chain()
    {
        var outcome = CliHarness.Run("run", Parent, "--scenario", "all");

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        int spv = outcome.Out.IndexOf("== Spv: summary by scenario ==", StringComparison.Ordinal);
        int parent = outcome.Out.IndexOf("== Parent: summary by scenario ==", StringComparison.Ordinal);
        int chain = outcome.Out.IndexOf("== Parent: the chain by scenario ==", StringComparison.Ordinal);
        Assert.True(spv >= 0 && spv < parent && parent < chain, outcome.Out);
        // The SPV's tenant defaults in the parent's scenario: the SPV's event of default and sale show in the chain.
        Assert.Matches(@"\nSpv +first trap +- +2028-10-01\n", outcome.Out);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("md")]
    public void Run_writes_the_chain_in_every_format(string format)
    {
        var outcome = CliHarness.Run("run", Parent, "--scenario", "TenantDefault", "--format", format, "--out", _folder);

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        string extension = format == "md" ? "md" : format;
        string chain = File.ReadAllText(Path.Combine(_folder, "Parent.chain." + extension));
        Assert.Contains("2028-10-01", chain, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "Spv.TenantDefault.ledger." + extension)));
        Assert.True(File.Exists(Path.Combine(_folder, "Parent.summary." + extension)));
    }

    [Fact]
    public void Mc_runs_a_chains_stochastic_scenario_only()
    {
        var outcome = CliHarness.Run("mc", Parent, "--scenario", "Base", "--paths", "10");

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("scenario Base is not stochastic", outcome.Err, StringComparison.Ordinal);
    }
}
