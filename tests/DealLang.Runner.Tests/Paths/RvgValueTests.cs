using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>
/// The value an RVG is measured against (docs/language.md §5 "lease", "On which day"): the facility's value on the day
/// the lease ends, its curve and the scenario's stresses evaluated on that day, not at the end of the period it falls in;
/// on a period's end exactly that period's value; on the closing for a lessee that defaulted before it.
/// </summary>
public class RvgValueTests
{
    // The Hyperion schedule (semiannual, closing 2025-10-30): t=3 is 2026-11-30 → 2027-05-30, t=9 2029-11-30 → 2030-05-30.
    // The campus costs 30bn, straight-line over 360 months to a 20% floor from 2026-02-15; the lease runs 2026-02-15 →
    // 2030-02-15 with an RVG until 2045. The scenario deflates the campus 8% a year and drops it 30% by 2035-01-01.
    static readonly ValueStress Stress = new(0.08, 0.30, new Date(2035, 1, 1));

    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party(recovery: 0.6)],
        facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15))],
        leases: [TestDeals.Lease(rvgUntil: new Date(2045, 11, 30))]);

    static PathInputs Build(DealDescription deal, ScenarioSpec scenario)
    {
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, scenario, inputs);
        return inputs;
    }

    [Fact]
    public void AnExpiryInsideAPeriodIsValuedOnTheExpiryDate()
    {
        DealDescription deal = Deal();
        PathInputs inputs = Build(deal, TestDeals.Scenario(deal, stress: Stress));

        // 2030-02-15 is 48 months into the line: 30bn × (1 − 0.8 × 48/360) = 26.8bn; 1,569 days from the closing
        // (2025-10-30), of the 3,350 to the drop's date: × 0.92^(1569/365.25) × (1 − 0.30 × 1569/3350).
        Date expiry = new(2030, 2, 15);
        int days = Date.DaysBetween(deal.Closing, expiry);
        Assert.Equal(1569, days);
        Assert.Equal(3350, Date.DaysBetween(deal.Closing, new Date(2035, 1, 1)));
        double expected = 26.8e9 * Math.Pow(0.92, days / 365.25) * (1 - (0.30 * days / 3350.0));
        Assert.Equal(9, inputs.LeaseEndPeriod[0]);
        Assert.Equal(expected, inputs.RvgValue[0], 1e-3);

        // Not the value at the end of its period (2030-05-30), three and a half months of deflation later.
        Assert.True(inputs.FacilityValue[0][9] < inputs.RvgValue[0] - 1e8);
    }

    [Fact]
    public void AnEndOnAPeriodsEndIsThatPeriodsValueBitForBit()
    {
        // A default on 2027-05-30, the end of t=3: the RVG's value is the value row's, to the last bit, so a lease
        // ending on a payment date pays what it paid before the RVG was valued on the day.
        DealDescription deal = Deal();
        PathInputs inputs = Build(deal, TestDeals.Scenario(deal, stress: Stress, partyDefault: new Date(2027, 5, 30)));
        Assert.Equal(new Date(2027, 5, 30), deal.Boundaries[4]);
        Assert.Equal(3, inputs.LeaseEndPeriod[0]);
        Assert.Equal(inputs.FacilityValue[0][3], inputs.RvgValue[0]);
    }

    [Fact]
    public void ADefaultBeforeTheClosingIsValuedOnTheClosing()
    {
        // A lessee defaulting on 2025-06-01, before the closing: seen in the first period, valued on the closing, when
        // the campus is worth its cost (the line starts later) and no deflation or drop has run.
        DealDescription deal = Deal();
        PathInputs inputs = Build(deal, TestDeals.Scenario(deal, stress: Stress, partyDefault: new Date(2025, 6, 1)));
        Assert.Equal(0, inputs.LeaseEndPeriod[0]);
        Assert.Equal(30e9, inputs.RvgValue[0]);
    }

    [Fact]
    public void NoValueWhereNoRvgIsPaid()
    {
        // The RVG's window ends before the lease does: nothing to measure.
        DealDescription deal = TestDeals.Hyperion(
            parties: [TestDeals.Party()],
            facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15))],
            leases: [TestDeals.Lease(rvgUntil: new Date(2029, 1, 1))]);
        PathInputs inputs = Build(deal, TestDeals.Scenario(deal, stress: Stress));
        Assert.False(inputs.RvgApplies[0]);
        Assert.Equal(0.0, inputs.RvgValue[0]);
    }
}
