using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>The fleet's rules and lowering (FleetRules, FleetLowering) and the repo market's checks: what its members
/// read, its terms in compute units, its batches, the defaults it lowers to. The harness's deal is annual from
/// 2025-01-01 to 2030-01-01; the first extra line is line 9.</summary>
public sealed class FleetRulesTests
{
    private const string Batches = "deliveries { 2025-01-01 100 gpus at 30k per gpu  2025-06-30 200 gpus at 24k per gpu }";

    private static string Fleet(string items) => "  fleet F { " + items + " }";

    [Theory]
    [InlineData("F.book_value", Quantity.FleetBookValue, Unit.Money)]
    [InlineData("F.market_value", Quantity.FleetMarketValue, Unit.Money)]
    [InlineData("F.opex", Quantity.FleetOpex, Unit.Money)]
    [InlineData("F.age", Quantity.FleetAge, Unit.Number)]
    public void MembersReadTheFleetsState(string reference, Quantity quantity, Unit unit)
    {
        var read = Assert.IsType<QuantityExpression>(TestExpression(reference, Fleet(Batches + "  depreciate straight_line 6y")));

        Assert.Equal((quantity, 0, unit), (read.Quantity, read.Index, read.Unit));
    }

    [Fact]
    public void UnitsAreGpusSoOverGpusTheyAreARatio()
    {
        var units = Assert.IsType<QuantityExpression>(TestExpression("F.units", Fleet(Batches + "  depreciate straight_line 6y")));
        Assert.Equal((Unit.Measure, new Dimension(0, 1, 0, 0)), (units.Unit, units.Dimension));

        BoundExpression share = TestExpression("F.idle_units / F.units", Fleet(Batches + "  depreciate straight_line 6y"));
        Assert.Equal(Unit.Ratio, share.Unit);
    }

    [Fact]
    public void LoweringAppliesTheDefaultsAndTheComputeUnits()
    {
        DealModel model = ModelOf(Deal(Fleet("units 10 gpus  unit_cost 30k per gpu  depreciate declining 30% per year"
            + "  power 700 kW per gpu  power_price 80 per MWh")));

        // One batch at closing; pue 1, no maintenance, market value 90% declining 30% a year; 80 per MWh is 0.08 per kWh.
        FleetInfo fleet = Assert.Single(model.Fleets);
        Assert.Equal(new FleetBatch(new Date(2025, 1, 1), 10, 30_000), Assert.Single(fleet.Batches));
        Assert.Equal((0, 0.30, 700.0, 1.0, 0.08, 0.0, 0.90, 0.30, -1),
            (fleet.LifeMonths, fleet.DecliningRate, fleet.PowerKwPerGpu, fleet.Pue, fleet.PowerPricePerKwh, fleet.Maintenance,
             fleet.MarketResidual, fleet.MarketDecline, fleet.Generation));
        // An idle unit costs what a unit in use costs unless the fleet says otherwise.
        Assert.Equal(1.0, fleet.IdleCost);
    }

    [Fact]
    public void AnIdleCostLowersToItsShare()
    {
        DealModel model = ModelOf(Deal(Fleet("units 10 gpus  unit_cost 30k per gpu  depreciate straight_line 6y  idle_cost 15%")));

        Assert.Equal(0.15, model.Fleets[0].IdleCost, 12);
    }

    [Fact]
    public void AGenerationDeclinesLessOnTopOfItsIndex()
    {
        DealModel model = ModelOf(Deal("  index Rent { level 2.35 per gpu_hour }\n"
            + Fleet(Batches + "  depreciate straight_line 6y  generation Rent")));

        Assert.Equal((0, 0.18, 72), (model.Fleets[0].Generation, model.Fleets[0].MarketDecline, model.Fleets[0].LifeMonths));
    }

    [Fact]
    public void AGenerationMustBeAnIndex()
    {
        Diagnostic d = Single(Errors(Deal("  party P { }\n" + Fleet(Batches + "  depreciate straight_line 6y  generation P"))), "DL0205");

        Assert.Contains("must be an index", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("units 10 hours  unit_cost 30k per gpu", "DL0333", 19)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu_hour", "DL0333", 38)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu  power 0.7 kWh per gpu  power_price 80 per MWh", "DL0333", 57)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu  power 0.7 kW per gpu  power_price 80 per gpu", "DL0333", 85)]
    [InlineData("units 0 gpus  unit_cost 30k per gpu", "DL0334", 19)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu  pue 0.9", "DL0335", 55)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu  idle_cost 120%", "DL0233", 61)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu  idle_cost -5%", "DL0233", 61)]
    [InlineData("units 10 gpus  unit_cost 30k per gpu  idle_cost 100 per MWh", "DL0302", 61)]
    public void TermsInTheWrongUnitOrRangeArePointedAt(string items, string code, int column)
    {
        At(Single(Errors(Deal(Fleet(items + "  depreciate straight_line 6y"))), code), 9, column);
    }

    [Fact]
    public void BatchesMustBeInOrderAndInsideTheDeal()
    {
        At(Single(Errors(Deal(Fleet("deliveries { 2026-01-01 1 gpus at 1k per gpu  2025-06-30 1 gpus at 1k per gpu }"
            + "  depreciate straight_line 6y"))), "DL0460"), 9, 59);
        At(Single(Errors(Deal(Fleet("deliveries { 2024-12-31 1 gpus at 1k per gpu }  depreciate straight_line 6y"))), "DL0461"), 9, 26);
        At(Single(Errors(Deal(Fleet("deliveries { 2030-01-01 1 gpus at 1k per gpu }  depreciate straight_line 6y"))), "DL0461"), 9, 26);
    }

    [Fact]
    public void MissingItemsAreNamed()
    {
        var errors = Errors(Deal(Fleet("units 10 gpus  power 1 kW per gpu")));

        Assert.Contains(errors, e => e.Message.Contains("a unit_cost", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("a depreciation", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("a power_price", StringComparison.Ordinal));
    }

    [Fact]
    public void OpexIsPaidAsAWholeByItsMember()
    {
        string fleet = Fleet(Batches + "  depreciate straight_line 6y");
        Assert.Empty(Analyze(Deal(fleet, "pay F.opex\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq")).Diagnostics);
        Assert.Single(Errors(Deal(fleet, "pay F.units\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq")));
    }
}
