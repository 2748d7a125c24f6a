using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Paths;

public class PathBuilderTests
{
    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party()],
        facilities: [TestDeals.StraightLine(27e9, 360, 0, new Date(2025, 10, 30))],
        leases: [TestDeals.Lease()],
        sales: [new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.20, 6)]);

    [Fact]
    public void SaleTermsComeFromTheDealUnlessTheScenarioOverridesThem()
    {
        var deal = Deal();
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);
        Assert.Equal(0.20, inputs.SaleHaircut[0]);
        Assert.Equal(6, inputs.SaleLagMonths[0]);
        Assert.Equal("AsWritten", inputs.Scenario);

        PathBuilder.Build(deal, TestDeals.Scenario(deal, name: "Refuted", haircut: 0.5, lag: 12), inputs);
        Assert.Equal(0.5, inputs.SaleHaircut[0]);
        Assert.Equal(12, inputs.SaleLagMonths[0]);
        Assert.Equal("Refuted", inputs.Scenario);
    }

    [Fact]
    public void TheRepoMarketsTermsComeFromTheSaleUnlessTheScenarioOverridesThem()
    {
        var deal = TestDeals.Hyperion(
            parties: [TestDeals.Party()],
            facilities: [TestDeals.StraightLine(27e9, 360, 0, new Date(2025, 10, 30))],
            leases: [TestDeals.Lease()],
            sales:
            [
                new SaleInfo([new CollateralRef(CollateralKind.Fleet, 0)], 0.10, 3, new SaleMarket(1500, 0.20, 3000, 500)),
                new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.20, 6),
            ]);
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);
        Assert.Equal((1500.0, 0.20, 3000.0, 500.0), (inputs.SaleDepth[0], inputs.SaleImpact[0], inputs.SaleLimit[0], inputs.SaleCosts[0]));
        // A sale without a market has none, whatever the scenario says.
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (inputs.SaleDepth[1], inputs.SaleImpact[1], inputs.SaleLimit[1], inputs.SaleCosts[1]));

        // The scenario overrides the depth and costs; the impact and limit stay the sale's.
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementDepth = 800, EnforcementCosts = 900 }, inputs);
        Assert.Equal((800.0, 0.20, 3000.0, 900.0), (inputs.SaleDepth[0], inputs.SaleImpact[0], inputs.SaleLimit[0], inputs.SaleCosts[0]));
        Assert.Equal(0.0, inputs.SaleDepth[1]);
    }

    [Fact]
    public void KeepingContractsAndTheReserveComeFromTheSaleUnlessTheScenarioOverridesThem()
    {
        var deal = TestDeals.Hyperion(
            parties: [TestDeals.Party()],
            facilities: [TestDeals.StraightLine(27e9, 360, 0, new Date(2025, 10, 30))],
            leases: [TestDeals.Lease()],
            sales:
            [
                new SaleInfo([new CollateralRef(CollateralKind.Fleet, 0)], 0.10, 3, new SaleMarket(1500, 0.20, 3000, 500, KeepContracts: true, Reserve: 12_000)),
                new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.20, 6),
            ]);
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);
        Assert.Equal((1.0, 12_000.0), (inputs.SaleKeepContracts[0], inputs.SaleReserve[0]));
        // A sale without a market keeps nothing and has no reserve, whatever the scenario says.
        Assert.Equal((0.0, 0.0), (inputs.SaleKeepContracts[1], inputs.SaleReserve[1]));

        // 'enforcement sell all' and 'enforcement reserve 15k per gpu'.
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementKeepContracts = false, EnforcementReserve = 15_000 }, inputs);
        Assert.Equal((0.0, 15_000.0), (inputs.SaleKeepContracts[0], inputs.SaleReserve[0]));
        Assert.Equal((0.0, 0.0), (inputs.SaleKeepContracts[1], inputs.SaleReserve[1]));

        Assert.Throws<ArgumentException>(() =>
            PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementReserve = -1 }, new PathInputs(deal)));
    }

    [Fact]
    public void The_yield_loans_are_sold_at_comes_from_the_sale_unless_the_scenario_overrides_it()
    {
        // Loans sold at a yield of 12%, at a price index and at par: only the first takes a yield, or a scenario's.
        var deal = TestDeals.Hyperion(
            parties: [TestDeals.Party()],
            facilities: [TestDeals.StraightLine(27e9, 360, 0, new Date(2025, 10, 30))],
            leases: [TestDeals.Lease()],
            sales:
            [
                new SaleInfo([new CollateralRef(CollateralKind.Loan, 0)], 0, 3) { Price = new LoanSalePrice(0.12, null) },
                new SaleInfo([new CollateralRef(CollateralKind.Loan, 1)], 0, 3) { Price = new LoanSalePrice(null, 0) },
                new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.20, 6),
            ]);
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);
        Assert.Equal([0.12, 0.0, 0.0], [inputs.SaleYield[0], inputs.SaleYield[1], inputs.SaleYield[2]]);

        // 'enforcement price yield 16%'.
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementYield = 0.16 }, inputs);
        Assert.Equal([0.16, 0.0, 0.0], [inputs.SaleYield[0], inputs.SaleYield[1], inputs.SaleYield[2]]);

        Assert.Throws<ArgumentException>(() =>
            PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementYield = double.NaN }, new PathInputs(deal)));
    }

    [Fact]
    public void A_yield_read_from_an_index_is_its_spread_with_the_index_weighed_in_and_the_scenarios_yield_replaces_both()
    {
        // 'price yield SOFR + 6%' (SOFR the deal's index 0): the slot holds the spread and the index weighs 1; a sale at a
        // constant yield weighs no index. 'enforcement price yield 16%' replaces the whole yield: 16%, the index weighing 0.
        var deal = TestDeals.Hyperion(
            parties: [TestDeals.Party()],
            facilities: [TestDeals.StraightLine(27e9, 360, 0, new Date(2025, 10, 30))],
            leases: [TestDeals.Lease()],
            sales:
            [
                new SaleInfo([new CollateralRef(CollateralKind.Loan, 0)], 0, 3) { Price = new LoanSalePrice(0.06, null, YieldIndex: 0) },
                new SaleInfo([new CollateralRef(CollateralKind.Loan, 1)], 0, 3) { Price = new LoanSalePrice(0.12, null) },
            ]);
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);
        Assert.Equal([0.06, 0.12, 1.0, 0.0], [inputs.SaleYield[0], inputs.SaleYield[1], inputs.SaleYieldWeight[0], inputs.SaleYieldWeight[1]]);

        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementYield = 0.16 }, inputs);
        Assert.Equal([0.16, 0.16, 0.0, 0.0], [inputs.SaleYield[0], inputs.SaleYield[1], inputs.SaleYieldWeight[0], inputs.SaleYieldWeight[1]]);
    }

    [Fact]
    public void AMarketThatAbsorbsNothingIsRefused()
    {
        var deal = Deal();

        Assert.Throws<ArgumentException>(() =>
            PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { EnforcementDepth = 0 }, new PathInputs(deal)));
    }

    [Fact]
    public void RebuildingOverwritesEverythingThePreviousScenarioWrote()
    {
        var deal = Deal();
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, TestDeals.Scenario(deal, renewalsTaken: 2, partyDefault: new Date(2036, 1, 1),
            stress: new ValueStress(0.2, 0.5, new Date(2030, 1, 1))), inputs);
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);

        // As written: ends 2030-02-15 (t=9), no rent after, nobody in default, value unstressed
        // (t=2 ends 2026-11-30, 13 months after closing: 27bn × (1 − 13/360)).
        Assert.Equal(0, inputs.LeaseRent[0][12]);
        Assert.Equal(9, inputs.LeaseEndPeriod[0]);
        Assert.False(inputs.PartyDefaulted[0][47]);
        Assert.Equal(1.0, inputs.RvgRecovery[0]);
        Assert.Equal(new Date(2026, 11, 30), deal.Boundaries[3]);
        Assert.Equal(27e9 * (1 - (13.0 / 360)), inputs.FacilityValue[0][2], 1e-3);
    }

    [Fact]
    public void BuildDoesNotAllocate()
    {
        var deal = Deal();
        var inputs = new PathInputs(deal);
        var scenario = TestDeals.Scenario(deal, renewalsTaken: 2, marketDeflation: 0.05, partyDefault: new Date(2036, 1, 1),
            stress: new ValueStress(0.2, 0.5, new Date(2030, 1, 1)), haircut: 0.3, lag: 9);

        // Warm up so the JIT's own allocations are not counted.
        for (int i = 0; i < 3; i++)
        {
            PathBuilder.Build(deal, scenario, inputs);
        }

        AllocationWindows.AssertOneAllocatesNothing("one build", () => PathBuilder.Build(deal, scenario, inputs));
    }

    [Fact]
    public void ScenarioForAnotherDealIsRejected()
    {
        var deal = Deal();
        var other = TestDeals.Hyperion(); // no leases, parties or facilities
        Assert.Throws<ArgumentException>(() => PathBuilder.Build(deal, ScenarioSpec.AsWritten(other), new PathInputs(deal)));
    }

    [Fact]
    public void MoreRenewalsThanTheLeaseHasAreRejected()
    {
        var deal = Deal();
        Assert.Throws<ArgumentException>(() => PathBuilder.Build(deal, TestDeals.Scenario(deal, renewalsTaken: 5), new PathInputs(deal)));
    }
}
