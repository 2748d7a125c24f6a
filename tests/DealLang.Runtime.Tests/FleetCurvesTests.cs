using Xunit;

namespace DealLang.Runtime.Tests;

/// <summary>
/// A fleet's figures per period (docs/language.md §5 "fleet"), checked by hand. Ages are days / 365.25 at the
/// period's end; a batch counts from the period its delivery date falls in (a period runs from its start,
/// exclusive, to its end, inclusive), and costs power and maintenance for the days it is held in the period.
/// </summary>
public sealed class FleetCurvesTests
{
    // Semiannual periods ending 2026-07-01 (181 days after closing), 2027-01-01 (184 more) and 2027-07-01 (181 more).
    private static readonly Date[] Boundaries =
        [new(2026, 1, 1), new(2026, 7, 1), new(2027, 1, 1), new(2027, 7, 1)];

    // Batch A: 100 GPUs at 30,000 on the closing (cost 3.0m); batch B: 200 GPUs at 24,000 on 2026-07-01 (4.8m).
    // Straight line over 6 years; 0.7 kW per GPU × PUE 1.3 at 0.08 per kWh; maintenance 2% of cost a year; market
    // value 90% of cost × 0.7^age.
    private static readonly FleetInfo TwoBatches = new(
        "Cluster", [new(new Date(2026, 1, 1), 100, 30_000), new(new Date(2026, 7, 1), 200, 24_000)],
        LifeMonths: 72, DecliningRate: 0, PowerKwPerGpu: 0.7, Pue: 1.3, PowerPricePerKwh: 0.08, Maintenance: 0.02,
        MarketResidual: 0.9, MarketDecline: 0.3);

    [Fact]
    public void StraightLineBookValueAcrossTwoBatches()
    {
        var curves = FleetCurves.Compute(TwoBatches, Boundaries);

        // Period 1 (to 2026-07-01): A is 181 / 365.25 = 0.495551 years old: 3.0m × (1 − 0.495551 / 6) = 2,752,224.50;
        // B is delivered on the period's end (age 0): 4.8m. Together 7,552,224.50.
        Assert.Equal(7_552_224.50, curves.BookValue[0], 0.01);
        // Period 2 (to 2027-01-01): A 365 days, B 184 days old:
        // 3.0m × (1 − 0.999316 / 6) + 4.8m × (1 − 0.503765 / 6) = 2,500,342.23 + 4,396,988.36 = 6,897,330.60.
        Assert.Equal(6_897_330.60, curves.BookValue[1], 0.01);
        // Period 3 (to 2027-07-01): A 546 days, B 365 days: 3.0m × (1 − 1.494867 / 6) + 4.8m × (1 − 0.999316 / 6)
        // = 2,252,566.74 + 4,000,547.57 = 6,253,114.31.
        Assert.Equal(6_253_114.31, curves.BookValue[2], 0.01);
        // B counts from the period its delivery date falls in, the first (its end is the delivery date).
        Assert.Equal([300.0, 300.0, 300.0], curves.Delivered);
    }

    [Fact]
    public void DecliningBalanceCompoundsOnTheAge()
    {
        var fleet = TwoBatches with { Batches = [new(new Date(2026, 1, 1), 100, 30_000)], LifeMonths = 0, DecliningRate = 0.30 };
        var curves = FleetCurves.Compute(fleet, [new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1)]);

        // After 365 days: 3.0m × 0.7^(365 / 365.25) = 3.0m × 0.700171 = 2,100,512.74 (a hair above 70%: the year is
        // a quarter-day short of 365.25). After 730 days: 3.0m × 0.7^1.998631 = 1,470,717.92.
        Assert.Equal(3e6 * Math.Pow(0.7, 365 / 365.25), curves.BookValue[0], 0.01);
        Assert.Equal(1_470_717.92, curves.BookValue[1], 0.01);
    }

    [Fact]
    public void OpexIsPowerAndMaintenanceForTheDaysHeld()
    {
        var curves = FleetCurves.Compute(TwoBatches, Boundaries);

        // Period 1: only A, held 181 days: power 100 × 0.7 × 1.3 × 0.08 × 24 × 181 = 31,624.32; maintenance
        // 3.0m × 2% × 181 / 365.25 = 29,733.06. B arrives on the period's last day: 0 days held, no cost.
        Assert.Equal(31_624.32, curves.PowerCost[0], 0.01);
        Assert.Equal(29_733.06, curves.MaintenanceCost[0], 0.01);
        // Period 2: 300 GPUs for all 184 days: power 300 × 0.7 × 1.3 × 0.08 × 24 × 184 = 96,445.44; maintenance
        // 7.8m × 2% × 184 / 365.25 = 78,587.27. Opex 175,032.71.
        Assert.Equal(96_445.44, curves.PowerCost[1], 0.01);
        Assert.Equal(78_587.27, curves.MaintenanceCost[1], 0.01);
    }

    [Fact]
    public void AgeIsUnitWeightedAndTheMarketValueFallsWithIt()
    {
        var curves = FleetCurves.Compute(TwoBatches, Boundaries);

        // At 2027-01-01: (100 × 365 + 200 × 184) days / 300 GPUs / 365.25 = 0.668948 years.
        Assert.Equal(0.668948, curves.UnitYears[1] / curves.Delivered[1], 6);
        // Market value: 3.0m × 0.9 × 0.7^0.999316 + 4.8m × 0.9 × 0.7^0.503765 = 1,890,461.46 + 3,609,521.49
        // = 5,499,982.95.
        Assert.Equal(5_499_982.95, curves.MarketValue[1], 0.01);
    }

    [Fact]
    public void ABatchIsWorthNothingPastItsLife()
    {
        var fleet = TwoBatches with { Batches = [new(new Date(2026, 1, 1), 10, 1_000)], LifeMonths = 12 };
        var curves = FleetCurves.Compute(fleet, [new(2026, 1, 1), new(2027, 6, 30)]);

        // 545 days is 1.49 years, past a 1-year life: the book value is floored at 0, never negative.
        Assert.Equal(0.0, curves.BookValue[0]);
    }
}
