using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>
/// Leases and value curves that reach past 9999-12-31, the end of <see cref="Date"/>'s calendar. Found by the pipeline
/// fuzzer (a lease starting 9999-12-31, a maturity moved to 9999-12-31, a 9,999-year renewal): building the path threw
/// ArgumentOutOfRangeException from Date.AddMonths. A term past the calendar now simply never ends within the deal.
/// </summary>
public class CalendarEndTests
{
    // Annual 30/360 periods ending 31 December: t ends 9990 + t -12-31, so t = 9 ends on the calendar's last day.
    static DealDescription LastDecade(FacilityInfo[]? facilities = null, LeaseInfo[]? leases = null) =>
        TestDeals.Make(new Date(9989, 12, 31), Date.MaxValue, Frequency.Annual, DayCount.Thirty360,
            parties: [TestDeals.Party()], facilities: facilities, leases: leases);

    static PathInputs Build(DealDescription deal, ScenarioSpec? scenario = null)
    {
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, scenario ?? ScenarioSpec.AsWritten(deal), inputs);
        return inputs;
    }

    [Fact]
    public void ALeaseRunningPastTheCalendarNeverEndsWithinTheDealAndKeepsStepping()
    {
        // Starts 9996-06-30 for 10 years (to 10006): rent 1m a year escalating 10% on each anniversary.
        var lease = new LeaseInfo("Late", 0, 0, 1e6, 0.10, new Date(9996, 6, 30), 120, 0, 0, false, Date.MaxValue, 1e9);
        var deal = LastDecade(leases: [lease]);

        var inputs = Build(deal);

        Assert.Equal(-1, inputs.LeaseEndPeriod[0]);
        Assert.False(inputs.RvgApplies[0]); // it never ends, so its guarantee is never called
        // t=9, 9998-12-31 → 9999-12-31 (one annual instalment, 365 days), is split at the third anniversary
        // 9999-06-30, 181 days before and 184 after: 1m × 1.1² × 181/365 + 1m × 1.1³ × 184/365
        // = 600,027.40 + 670,969.86. The next anniversary, 10000-06-30, does not exist.
        Assert.Equal((1.21e6 * 181 / 365) + (1.331e6 * 184 / 365), inputs.LeaseRent[0][9], 1e-6);
    }

    [Fact]
    public void RenewalsWhoseMonthsOverflowAnIntNeverEndTheLease()
    {
        // 20,000 renewals of 9,999 years: 48 + 20,000 × 119,988 months is 2.4e9, more than an int holds.
        var lease = new LeaseInfo("MetaLease", 0, 0, 1.2e9, 0, new Date(2026, 2, 15), 48, 20_000, 119_988, false, null, 0);
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [lease]);

        var inputs = Build(deal, TestDeals.Scenario(deal, renewalsTaken: 20_000));

        Assert.Equal(-1, inputs.LeaseEndPeriod[0]);
        Assert.Equal(600e6, inputs.LeaseRent[0][47], 1e-3); // the last half-year, half of 1.2bn
    }

    [Fact]
    public void AStraightLineValueIsDefinedOnTheCalendarsLastDay()
    {
        // 360m over 360 months from 9990-01-15: at 9999-12-31, 119 whole months (to 9999-12-15) and 16 of the 31
        // days of the month in progress have gone, so the value is 360m − 1m × (119 + 16/31) = 240,483,870.97.
        var facility = new FacilityInfo("Campus", 360e6, new StraightLineCurve(360, 0, new Date(9990, 1, 15)));
        var deal = LastDecade(facilities: [facility]);

        var values = Build(deal).FacilityValue[0];

        Assert.Equal(360e6 - (1e6 * (119 + (16.0 / 31))), values[9], 1e-3);
    }
}
