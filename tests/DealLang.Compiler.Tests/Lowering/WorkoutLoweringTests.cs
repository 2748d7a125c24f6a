using DealLang.Compiler.Model;
using DealLang.TestSupport;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>The workout's terms lowered (docs/language.md §9): a sale's <c>keep contracts</c> and <c>reserve</c> into
/// its <see cref="SaleMarket"/>, a scenario's <c>enforcement keep contracts</c> / <c>sell all</c> / <c>reserve</c>
/// into its <see cref="ScenarioSpec"/> (run-time data, never the deal's), and a market without them keeping the
/// record's defaults.</summary>
public sealed class WorkoutLoweringTests
{
    private static DealModel Corpus016()
    {
        string path = Path.Combine(RepoPaths.Tests, "corpus", "valid", "016-gpu-fleet-contracts-kept-on-enforcement.deal");
        var result = DealCompiler.Check(path, File.ReadAllText(path));
        return result.Model ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void TheSalesKeepContractsAndReserveAreItsMarketsTerms()
    {
        SaleMarket market = Corpus016().Enforcement!.Sales.Single().Market!;

        // depth 1000, impact 25%, limit 1000, costs 500 per gpu, keep contracts, reserve 4k per gpu.
        Assert.Equal(new SaleMarket(1000, 0.25, 1000, 500, KeepContracts: true, Reserve: 4000), market);
    }

    [Fact]
    public void TheScenariosSwitchKeepingAndSetTheReserveBesideTheDeal()
    {
        var scenarios = Corpus016().Scenarios.ToDictionary(s => s.Name);

        Assert.Equal((null, null), (scenarios["LabDefaults"].EnforcementKeepContracts, scenarios["LabDefaults"].EnforcementReserve));
        Assert.Equal(false, scenarios["SellAll"].EnforcementKeepContracts);
        Assert.Equal(15_000.0, scenarios["ReserveHolds"].EnforcementReserve);
        Assert.Equal(0.0, scenarios["NoReserve"].EnforcementReserve);
    }

    [Fact]
    public void AMarketWithoutThemSellsEveryUnitWithNoReserve()
    {
        const string Text = """
            deal Mini {
              currency USD
              closing  2026-01-01
              maturity 2028-01-01
              pay      quarterly
              daycount 30/360
              party Owner { }
              fleet Cluster { units 100 gpus  unit_cost 30k per gpu  depreciate straight_line 6y }
              tranche Loan { balance 1m  coupon 5% }
              equity Eq { contributed 1m  holders Owner 100% }
              default when Loan.interest_shortfall > 0
              enforcement { sell Cluster depth 50 gpus per month }
              waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.balance  distribute rest to Eq }
            }
            """;
        var result = DealCompiler.Check("mini.deal", Text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new SaleMarket(50, 0, 50, 0), result.Model!.Enforcement!.Sales.Single().Market);
    }
}
