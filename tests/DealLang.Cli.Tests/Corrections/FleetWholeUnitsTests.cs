using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fleet sold into the repo market holds whole GPUs (docs/language.md §9, "The repo market"): each period sells a
/// whole number of units, and the units held are those delivered less those sold so far — not the units delivered ×
/// the product of the shares each sale left, whose rounding printed examples/coreweave-ddtl2.deal's FireSale fleet as
/// 115,625.99999999999 GPUs. Its workouts (four batches of 41,250, four contracts, cash check on) are the test deal.
/// </summary>
public sealed class FleetWholeUnitsTests
{
    private static readonly SmallDeal CoreWeave = new(File.ReadAllText(Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal")));

    [Theory]
    [InlineData("FireSale")]
    [InlineData("MicrosoftLeaves")]
    [InlineData("RentCollapse")]
    public void EveryPeriodHoldsTheWholeUnitsDeliveredLessThoseSold(string scenario)
    {
        FleetInfo gpus = CoreWeave.Description.Fleets.Single();
        double[] delivered = FleetCurves.Compute(gpus, CoreWeave.Description.Boundaries).Delivered;
        var outcome = CoreWeave.Outcomes[scenario];
        int periods = outcome.Ledger!.Periods;

        // Sold in period t = what was delivered in it − the change in units held (no GPU leaves a fleet but by a sale);
        // each a whole number, and their sum the sale's own count of units sold (result.FleetUnitsSold, += each period's).
        double soldSoFar = 0.0, before = 0.0, deliveredBefore = 0.0;
        for (int t = 0; t < periods; t++)
        {
            double units = CoreWeave.Ledger("Gpus units", t, scenario);
            double soldNow = delivered[t] - deliveredBefore - (units - before);
            soldSoFar += soldNow;
            Assert.True(Math.Floor(units) == units, $"{scenario} period {t}: {units:R} GPUs held");
            Assert.True(Math.Floor(soldNow) == soldNow && soldNow >= 0.0, $"{scenario} period {t}: {soldNow:R} GPUs sold");
            Assert.Equal(delivered[t] - soldSoFar, units);
            (before, deliveredBefore) = (units, delivered[t]);
        }

        Assert.True(soldSoFar > 0.0, $"{scenario} sells no GPU");
        Assert.Equal(outcome.Fleets.Single().UnitsSold, soldSoFar);
    }

    [Fact]
    public void FireSaleHoldsWholeGpusAfterItsSixthQuarterOfSales()
    {
        // FireSale's ledger: all 165,000 GPUs delivered by 2025-06-30; the workout sells 8,586 (165,000 → 156,414), then
        // 8,470, 8,337, 8,180, 8,002 and 7,799 a quarter: 49,374 sold by period 14, so 165,000 − 49,374 = 115,626 held
        // (115,625.99999999999 when the units were 165,000 × the product of the shares each quarter left).
        Assert.Equal(156_414.0, CoreWeave.Ledger("Gpus units", 9, "FireSale"));
        Assert.Equal(115_626.0, CoreWeave.Ledger("Gpus units", 14, "FireSale"));
        Assert.Equal(165_000.0, CoreWeave.Outcomes["FireSale"].Fleets.Single().UnitsSold);
        Assert.Equal(0.0, CoreWeave.Outcomes["FireSale"].Fleets.Single().Units);
    }
}
