using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>
/// Issue 5 #12: rent accrues on the lease's own basis, not on the tranches' day count. By default one equal
/// instalment per regular payment period (annual rent / periods a year); a stub or a partial period earns the
/// instalment × actual days covered / actual days of the regular period holding them. A lease that states a
/// <c>daycount</c> accrues rent × that convention's year fraction instead.
/// </summary>
public class LeaseRentBasisTests
{
    static PathInputs Build(DealDescription deal)
    {
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal), inputs);
        return inputs;
    }

    static LeaseInfo Lease(Date start, double escalator = 0, DayCount? dayCount = null) =>
        new("Rack", 0, 0, 12e6, escalator, start, 120, 0, 0, false, null, 0, dayCount);

    // Quarterly on ACT/360, rolled back from 2029-12-31 (a month end, so every date is one): 2026-01-15, then
    // 2026-03-31, 06-30, 09-30, 12-31, ... The first period, 2026-01-15 → 2026-03-31, is a 75-day stub of the
    // regular quarter 2025-12-31 → 2026-03-31 (90 days).
    static DealDescription Act360Quarterly(LeaseInfo lease) =>
        TestDeals.Make(new Date(2026, 1, 15), new Date(2029, 12, 31), Frequency.Quarterly, DayCount.Act360,
            parties: [TestDeals.Party()], leases: [lease]);

    [Fact]
    public void An_Act360_deal_collects_exactly_the_annual_rent_over_each_full_year()
    {
        var deal = Act360Quarterly(Lease(new Date(2026, 1, 15)));
        double[] rent = Build(deal).LeaseRent[0];

        // 2027-01-01 → 2027-12-31 is periods t=4..7 (quarters ending 2027-03-31 … 2027-12-31), each 12m / 4 = 3m:
        // 12m for the year. On ACT/360 accrual it would have been 12m × 365/360 = 12,166,666.67.
        Assert.Equal(new Date(2026, 12, 31), deal.Boundaries[4]);
        Assert.Equal(new Date(2027, 12, 31), deal.Boundaries[8]);
        Assert.Equal(12e6, rent[4] + rent[5] + rent[6] + rent[7], 1e-6);
        Assert.Equal(12e6, rent[8] + rent[9] + rent[10] + rent[11], 1e-6); // 2028, a leap year: still 12m
        Assert.Equal(3e6, rent[5], 1e-9); // a 91-day quarter earns what a 90- or 92-day one does
    }

    [Fact]
    public void A_front_stub_earns_its_share_of_the_regular_period_holding_it()
    {
        var deal = Act360Quarterly(Lease(new Date(2026, 1, 15)));

        // 3m × 75/90 = 2,500,000.00.
        Assert.Equal(2.5e6, Build(deal).LeaseRent[0][0], 1e-6);
    }

    [Fact]
    public void A_back_stub_earns_its_share_of_the_regular_period_rolled_forward_from_its_start()
    {
        // first_payment 2026-04-01: quarters roll forward from it, and the last period 2027-01-01 → 2027-02-15
        // (45 days) is a stub of the regular quarter 2027-01-01 → 2027-04-01 (90 days): 3m × 45/90 = 1.5m.
        Date[] b = Schedule.Boundaries(new Date(2026, 1, 1), new Date(2027, 2, 15), Frequency.Quarterly, new Date(2026, 4, 1));
        var deal = TestDeals.Make(b, Frequency.Quarterly, DayCount.Act360,
            parties: [TestDeals.Party()], leases: [Lease(new Date(2026, 1, 1))]);
        double[] rent = Build(deal).LeaseRent[0];

        Assert.Equal(new Date(2027, 1, 1), b[^2]);
        Assert.Equal(1.5e6, rent[^1], 1e-6);
        Assert.Equal(3e6, rent[0], 1e-6); // 2026-01-01 → 2026-04-01 is a whole quarter
    }

    [Fact]
    public void An_anniversary_inside_a_period_splits_it_on_actual_days()
    {
        // Starts at the closing, 2025-08-10, escalating 10%: the period
        // 2026-06-30 → 2026-09-30 (92 days) crosses the first anniversary 2026-08-10:
        //   41 days at 12m / 4 × 41/92 = 1,336,956.52;  51 days at 13.2m / 4 × 51/92 = 1,829,347.83.
        var deal = TestDeals.Make(new Date(2025, 8, 10), new Date(2029, 12, 31), Frequency.Quarterly, DayCount.Act360,
            parties: [TestDeals.Party()], leases: [Lease(new Date(2025, 8, 10), escalator: 0.10)]);
        int t = Array.IndexOf(deal.Boundaries, new Date(2026, 6, 30));

        Assert.Equal((3e6 * 41 / 92) + (3.3e6 * 51 / 92), Build(deal).LeaseRent[0][t], 1e-6);
    }

    [Fact]
    public void A_lease_that_states_a_day_count_accrues_on_it()
    {
        var deal = Act360Quarterly(Lease(new Date(2026, 1, 15), dayCount: DayCount.Act365F));
        double[] rent = Build(deal).LeaseRent[0];

        // ACT/365F: 2026-03-31 → 2026-06-30 is 91 days, 12m × 91/365 = 2,991,780.82; the stub 12m × 75/365.
        Assert.Equal(12e6 * 91 / 365, rent[1], 1e-6);
        Assert.Equal(12e6 * 75 / 365, rent[0], 1e-6);
    }
}
