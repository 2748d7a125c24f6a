using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

public class FacilityValueTests
{
    static readonly Date Closing = new(2025, 10, 30);

    // Annual periods from 2025-10-30, so period t ends on 30 October of 2026 + t.
    static DealDescription Annual30Years(FacilityInfo facility) =>
        TestDeals.Make(Closing, new Date(2055, 10, 30), Frequency.Annual, DayCount.Thirty360, facilities: [facility]);

    static double[] Values(DealDescription deal, ScenarioSpec? scenario = null)
    {
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, scenario ?? ScenarioSpec.AsWritten(deal), inputs);
        return inputs.FacilityValue[0];
    }

    [Fact]
    public void StraightLineOverThirtyYearsIsHalfAfterFifteen()
    {
        var deal = Annual30Years(TestDeals.StraightLine(27e9, 360, 0, Closing));
        var values = Values(deal);

        // t=14 ends 2040-10-30: 180 of 360 months gone, 27bn × (1 − 180/360) = 13.5bn.
        Assert.Equal(new Date(2040, 10, 30), deal.Boundaries[15]);
        Assert.Equal(13.5e9, values[14], 1e-3);

        // t=0 ends after 12 months: 27bn × (1 − 12/360) = 26.1bn; t=29 after 360 months: 0.
        Assert.Equal(26.1e9, values[0], 1e-3);
        Assert.Equal(0, values[29], 1e-3);
    }

    [Fact]
    public void StraightLineStopsAtTheFloorAndWaitsForItsStart()
    {
        // Depreciation starts 2029-10-30 (t=3 ends there): cost until then; 20% floor over 10 years.
        var deal = Annual30Years(TestDeals.StraightLine(100e6, 120, 0.20, new Date(2029, 10, 30)));
        var values = Values(deal);

        Assert.Equal(100e6, values[0], 1e-6);
        Assert.Equal(100e6, values[3], 1e-6);

        // t=8 ends 2034-10-30, 60 of 120 months: 100m × (1 − 0.8 × 0.5) = 60m. After 120 months: the 20m floor.
        Assert.Equal(60e6, values[8], 1e-6);
        Assert.Equal(20e6, values[13], 1e-6);
        Assert.Equal(20e6, values[29], 1e-6);
    }

    [Fact]
    public void StraightLineCountsThePartOfAMonthInProgress()
    {
        // Monthly-ish check through a quarterly deal: 2025-10-30 → 2026-01-30 is 3 whole months; a life of
        // 12 months has 3/12 gone: 1200 × (1 − 0.25) = 900.
        var deal = TestDeals.Make(Closing, new Date(2026, 10, 30), Frequency.Quarterly, DayCount.Act360,
            facilities: [TestDeals.StraightLine(1200, 12, 0, Closing)]);
        Assert.Equal(900, Values(deal)[0], 1e-9);

        // Half a month: start 2025-10-15, period end 2025-10-30 is 15 of October's 31 days → 15/31 month of 12.
        var mid = TestDeals.Make(new Date(2025, 10, 15), new Date(2026, 1, 30), Frequency.Quarterly, DayCount.Act360,
            facilities: [TestDeals.StraightLine(1200, 12, 0, new Date(2025, 10, 15))]);
        Assert.Equal(new Date(2025, 10, 30), mid.Boundaries[1]);
        Assert.Equal(1200 * (1 - (15.0 / 31 / 12)), Values(mid)[0], 1e-9);
    }

    [Fact]
    public void ScheduleInterpolatesByDayAndIsFlatOutside()
    {
        // Semiannual from 2025-07-02: periods end 2026-01-02, 2026-07-02, 2027-01-02, 2027-07-02.
        var deal = TestDeals.Make(new Date(2025, 7, 2), new Date(2027, 7, 2), Frequency.Semiannual, DayCount.Act365F,
            facilities: [TestDeals.ScheduleValue([new Date(2026, 1, 1), new Date(2027, 1, 1)], [100, 50])]);
        var values = Values(deal);

        // 2026-01-01 → 2026-01-02 is 1 of 365 days: 100 − 50/365. To 2026-07-02: 31+28+31+30+31+30+1 = 182 days.
        Assert.Equal(100 - (50.0 / 365), values[0], 1e-9);
        Assert.Equal(100 - (50.0 * 182 / 365), values[1], 1e-9);
        Assert.Equal(50, values[2], 1e-9);
        Assert.Equal(50, values[3], 1e-9);
    }

    [Fact]
    public void ScheduleIsFlatBeforeItsFirstPoint()
    {
        var deal = TestDeals.Make(new Date(2025, 7, 2), new Date(2027, 7, 2), Frequency.Semiannual, DayCount.Act365F,
            facilities: [TestDeals.ScheduleValue([new Date(2026, 8, 1), new Date(2027, 1, 1)], [100, 50])]);
        Assert.Equal(100, Values(deal)[0], 1e-9);
        Assert.Equal(100, Values(deal)[1], 1e-9);
    }

    [Fact]
    public void DeflationCompoundsOnDaysOver365Point25()
    {
        var deal = Annual30Years(TestDeals.StraightLine(100, 360, 1.0, Closing)); // floor 100%: flat at cost
        var values = Values(deal, TestDeals.Scenario(deal, stress: new ValueStress(0.10, 0, null)));

        // t=0 ends 2026-10-30, 365 days after closing: 100 × 0.9^(365/365.25).
        Assert.Equal(100 * Math.Pow(0.9, 365 / 365.25), values[0], 1e-9);

        // t=9 ends 2035-10-30: ten years of 365 days plus the leap days of 2028 and 2032 = 3652 days.
        Assert.Equal(3652, Date.DaysBetween(Closing, deal.Boundaries[10]));
        Assert.Equal(100 * Math.Pow(0.9, 3652 / 365.25), values[9], 1e-9);
    }

    [Fact]
    public void DropFallsLinearlyToItsDateAndHolds()
    {
        var deal = Annual30Years(TestDeals.StraightLine(100, 360, 1.0, Closing));

        // 70% drop by 2027-10-30 (two annual periods, 730 days): after one year (365/730 of the way) −35%.
        var values = Values(deal, TestDeals.Scenario(deal, stress: new ValueStress(0, 0.70, new Date(2027, 10, 30))));
        Assert.Equal(65, values[0], 1e-9);
        Assert.Equal(30, values[1], 1e-9);
        Assert.Equal(30, values[20], 1e-9);
    }
}
