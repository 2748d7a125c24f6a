using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

// The Hyperion schedule (30/360, semiannual): t=1 is 2025-11-30 → 2026-05-30, t=2 → 2026-11-30, t=3 → 2027-05-30,
// t=5 is 2027-11-30 → 2028-05-30, t=9 → 2030-05-30, t=25 → 2038-05-30. The lease starts 2026-02-15.
// Rent is an instalment of 1/2 the annual rent per half-year; a part of a half-year earns its share of the
// half-year's actual days (docs/language.md, lease, "Rent"), whatever the deal's day count (30/360 here).
public class LeaseRentTests
{
    static PathInputs Build(DealDescription deal, ScenarioSpec scenario)
    {
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, scenario, inputs);
        return inputs;
    }

    [Fact]
    public void LeaseStartingMidPeriodAccruesItsShareOfTheRegularPeriodsActualDays()
    {
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease(rent: 1.2e9)]);
        var rent = Build(deal, ScenarioSpec.AsWritten(deal)).LeaseRent[0];

        Assert.Equal(0, rent[0]);

        // t=1 is 2025-11-30 → 2026-05-30, 181 actual days (31 + 31 + 28 + 31 + 30 + 30); the lease covers
        // 2026-02-15 → 2026-05-30, 104 of them (14 + 31 + 30 + 29): 1.2bn / 2 × 104/181 = 344,751,381.22.
        Assert.Equal(1.2e9 / 2 * 104 / 181, rent[1], 1e-3);
        Assert.Equal(344_751_381.22, rent[1], 0.01);

        // A full half-year: 1.2bn / 2.
        Assert.Equal(600e6, rent[2], 1e-3);
    }

    [Fact]
    public void EscalationSplitsThePeriodAtTheLeaseAnniversary()
    {
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease(rent: 1.2e9, escalator: 0.02)]);
        var rent = Build(deal, ScenarioSpec.AsWritten(deal)).LeaseRent[0];

        // t=5, 2027-11-30 → 2028-05-30, crosses the 2nd anniversary 2028-02-15:
        // 182 actual days (2028 is a leap year), split at the anniversary:
        //   2027-11-30 → 2028-02-15:  77 days at 1.2bn × 1.02  / 2 × 77/182  = 258,923,076.92
        //   2028-02-15 → 2028-05-30: 105 days at 1.2bn × 1.02² / 2 × 105/182 = 360,138,461.54
        Assert.Equal((612e6 * 77 / 182) + (624.24e6 * 105 / 182), rent[5], 1e-3);
        Assert.Equal(619_061_538.46, rent[5], 0.01);

        // t=2 lies wholly in lease year 0 (before 2027-02-15): 600m unescalated.
        Assert.Equal(600e6, rent[2], 1e-3);
    }

    [Fact]
    public void RenewalsTakenMoveTheEndPeriod()
    {
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease()]);

        // No renewal: ends 2030-02-15, in t=9 (2029-11-30 → 2030-05-30, 181 days), which gets 77 of them
        // (2029-11-30 → 2030-02-15): 600m × 77/181.
        var none = Build(deal, TestDeals.Scenario(deal, renewalsTaken: 0));
        Assert.Equal(9, none.LeaseEndPeriod[0]);
        Assert.Equal(600e6 * 77 / 181, none.LeaseRent[0][9], 1e-3);
        Assert.Equal(0, none.LeaseRent[0][10]);

        // Two 4-year renewals: ends 2038-02-15, in t=25; t=10 pays a full half-year.
        var two = Build(deal, TestDeals.Scenario(deal, renewalsTaken: 2));
        Assert.Equal(25, two.LeaseEndPeriod[0]);
        Assert.Equal(600e6, two.LeaseRent[0][10], 1e-3);
        Assert.Equal(0, two.LeaseRent[0][26]);
    }

    [Fact]
    public void LeaseRunningPastMaturityHasNoEndPeriod()
    {
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease(termMonths: 30 * 12)]);
        var inputs = Build(deal, ScenarioSpec.AsWritten(deal));

        Assert.Equal(-1, inputs.LeaseEndPeriod[0]);
        Assert.Equal(600e6, inputs.LeaseRent[0][deal.Periods - 1], 1e-3);
    }

    [Fact]
    public void LesseeDefaultStopsRentAndSetsRvgRecovery()
    {
        var deal = TestDeals.Hyperion(
            parties: [TestDeals.Party(recovery: 0.6)],
            leases: [TestDeals.Lease(rvgUntil: new Date(2045, 11, 30))]);

        var healthy = Build(deal, ScenarioSpec.AsWritten(deal));
        Assert.Equal(1.0, healthy.RvgRecovery[0]);
        Assert.True(healthy.RvgApplies[0]); // ends 2030-02-15, within the RVG window

        var defaulted = Build(deal, TestDeals.Scenario(deal, partyDefault: new Date(2027, 3, 15)));

        // t=3, 2026-11-30 → 2027-05-30 (181 days): 2026-11-30 → 2027-03-15 is 105 of them; nothing after.
        Assert.Equal(600e6 * 105 / 181, defaulted.LeaseRent[0][3], 1e-3);
        Assert.Equal(0, defaulted.LeaseRent[0][4]);
        Assert.Equal(0, defaulted.LeaseRent[0][9]);
        Assert.Equal(3, defaulted.LeaseEndPeriod[0]);
        Assert.Equal(0.6, defaulted.RvgRecovery[0]);
        Assert.True(defaulted.RvgApplies[0]);
        Assert.False(defaulted.PartyDefaulted[0][2]);
        Assert.True(defaulted.PartyDefaulted[0][3]);
        Assert.True(defaulted.PartyDefaulted[0][40]);
    }

    [Fact]
    public void DefaultAfterTheLeaseEndsChangesNothingForTheLease()
    {
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease()]);
        var late = Build(deal, TestDeals.Scenario(deal, partyDefault: new Date(2031, 1, 1)));

        Assert.Equal(9, late.LeaseEndPeriod[0]);
        Assert.Equal(1.0, late.RvgRecovery[0]);
    }

    [Theory]
    // The lease (TestDeals.Lease) starts 2026-02-15 and expires 4y later, on 2030-02-15, inside t=9
    // (2029-11-30 → 2030-05-30); the lessee's recovery is 60%.
    //   2030-02-14, a day before: the default ends the lease a day early; the RVG pays 60% of the claim.
    //   2030-02-15, on expiry:    the lessee is in default the day the claim falls due: 60% (was 100%, issue 5 #11).
    //   2030-02-16, a day after:  the claim fell due the day before, owed by a performing lessee: 100%.
    [InlineData(14, 0.6)]
    [InlineData(15, 0.6)]
    [InlineData(16, 1.0)]
    public void LesseeDefaultAroundExpiryPaysTheRecoveryShareOnOrBeforeIt(int day, double share)
    {
        var deal = TestDeals.Hyperion(
            parties: [TestDeals.Party(recovery: 0.6)],
            leases: [TestDeals.Lease(rvgUntil: new Date(2045, 11, 30))]);
        var inputs = Build(deal, TestDeals.Scenario(deal, partyDefault: new Date(2030, 2, day)));

        Assert.Equal(9, inputs.LeaseEndPeriod[0]);
        Assert.True(inputs.RvgApplies[0]);
        Assert.Equal(share, inputs.RvgRecovery[0]);

        Assert.Equal(0, inputs.LeaseRent[0][10]);
    }

    [Fact]
    public void RvgAppliesOnlyWhenTheEndFallsInsideItsWindow()
    {
        // The RVG runs until 2029-01-01 but the lease ends 2030-02-15.
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease(rvgUntil: new Date(2029, 1, 1))]);
        Assert.False(Build(deal, ScenarioSpec.AsWritten(deal)).RvgApplies[0]);

        var noRvg = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease()]);
        Assert.False(Build(noRvg, ScenarioSpec.AsWritten(noRvg)).RvgApplies[0]);
    }

    [Fact]
    public void RenewalAtMarketFollowsTheMarketIndexFromTheRenewal()
    {
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease(atMarket: true)]);
        var inputs = Build(deal, TestDeals.Scenario(deal, renewalsTaken: 1, marketDeflation: 0.10));

        // The original term is untouched by the market: t=8 (2029-05-30 → 2029-11-30) pays 600m.
        Assert.Equal(600e6, inputs.LeaseRent[0][8], 1e-3);

        // t=10 (2030-05-30 → 2030-11-30) lies in the renewal's first lease year, which starts 2030-02-15:
        // 2025-10-30 → 2030-10-30 is 1826 days, less 2030-02-15 → 2030-10-30 (257 days) = 1569 days.
        Assert.Equal(1569, Date.DaysBetween(deal.Closing, new Date(2030, 2, 15)));
        Assert.Equal(600e6 * Math.Pow(0.9, 1569 / 365.25), inputs.LeaseRent[0][10], 1e-3);
    }

    [Fact]
    public void A_lease_over_thirty_thousand_month_end_periods_is_priced_in_one_pass()
    {
        // 2025-12-31 to 9999-12-31 quarterly: 31,896 periods, every date a month end. Each period used to re-read
        // the whole schedule to ask whether it keeps month ends (about 10^9 date reads: minutes, a fuzzed maturity
        // of 9999-12-31 looked like a hang); only the first and last periods need to ask.
        var deal = TestDeals.Make(new Date(2025, 12, 31), new Date(9999, 12, 31), Frequency.Quarterly, DayCount.Thirty360,
            parties: [TestDeals.Party()], leases: [TestDeals.Lease(rent: 1.2e9, termMonths: 95_000)]);
        Assert.Equal(31_896, deal.Periods);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rent = Build(deal, ScenarioSpec.AsWritten(deal)).LeaseRent[0];
        clock.Stop();

        // A whole quarter earns a quarter of the annual rent: 1.2bn / 4 = 300m.
        Assert.Equal(300e6, rent[1_000], 1e-3);
        // Linear, it takes milliseconds; quadratic, minutes. 20 s leaves a slow, shared CI machine room to spare.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
