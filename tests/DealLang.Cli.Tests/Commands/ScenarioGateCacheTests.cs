using DealLang.Compiler.Emit;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// A scenario file's lever that the program reads only when some scenario asks for it (CacheKeys.ScenarioGates: a
/// contract's re-let that ramps, a loan's partial payments, …) gives the same figures whether or not the deal was
/// compiled and cached before without it. Before the gates were keyed, the cached program of the deal alone ran the
/// lever as if it were not there: CoreWeave's Msft1 re-let ramping from 10% to 95% ran flat at 10%, and the obligor of
/// a loan paying 40% paid in full, with nothing to say so.
/// </summary>
public sealed class ScenarioGateCacheTests : IDisposable
{
    private static readonly string CoreWeave = Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal");
    private static readonly string Warehouse = Path.Combine(RepoPaths.Tests, "corpus", "valid", "004-loan-warehouse-two-obligors.deal");

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-scenario-gates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CompileOptions Cached => new() { CacheDirectory = Path.Combine(_folder, "cache"), UseMemoryCache = false };

    private static readonly CompileOptions Uncached = new() { UseDiskCache = false, UseMemoryCache = false };

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WarmThenRun(string deal, string scenarios, string scenario)
    {
        // The deal alone first: its program is compiled from its own scenarios and cached.
        Assert.Equal(ExitCodes.Ok, CliHarness.RunWith(Cached, "build", deal).Exit);
        var warm = CliHarness.RunWith(Cached, "run", deal, "--scenarios", scenarios, "--scenario", scenario, "--format", "csv");
        Assert.True(warm.Exit == ExitCodes.Ok, warm.ToString());
        return warm.Out;
    }

    private static string Cold(string deal, string scenarios, string scenario)
    {
        var cold = CliHarness.RunWith(Uncached, "run", deal, "--scenarios", scenarios, "--scenario", scenario, "--format", "csv");
        Assert.True(cold.Exit == ExitCodes.Ok, cold.ToString());
        return cold.Out;
    }

    [Fact]
    public void A_ramped_contract_relet_in_a_scenario_file_ramps_after_the_deal_was_cached_without_one()
    {
        string scenarios = Write("ramp.scenarios", """
            scenario Ramp for CoreWeaveDdtl2 {
              Msft1 relet after 0m at 10% rising to 95% over 24m
            }
            scenario Flat for CoreWeaveDdtl2 {
              Msft1 relet after 0m at 10%
            }
            """);

        string ramp = Cold(CoreWeave, scenarios, "Ramp");
        Assert.NotEqual(ramp.Replace("Ramp", "Flat", StringComparison.Ordinal), Cold(CoreWeave, scenarios, "Flat")); // the ramp matters here
        Assert.Equal(ramp, WarmThenRun(CoreWeave, scenarios, "Ramp"));
    }

    [Fact]
    public void A_loans_partial_payments_in_a_scenario_file_are_paid_in_part_after_the_deal_was_cached_without_them()
    {
        string scenarios = Write("pays.scenarios", """
            scenario Partial for Warehouse {
              MinerLoan pays 40% from 2026-06-30 to 2026-12-31
            }
            """);

        string partial = Cold(Warehouse, scenarios, "Partial");
        var asAgreed = CliHarness.RunWith(Uncached, "run", Warehouse, "--scenario", "AsAgreed", "--format", "csv");
        Assert.NotEqual(partial.Replace("Partial", "AsAgreed", StringComparison.Ordinal), asAgreed.Out); // the lever matters here
        Assert.Equal(partial, WarmThenRun(Warehouse, scenarios, "Partial"));
    }
}
