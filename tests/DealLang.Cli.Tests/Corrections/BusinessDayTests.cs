using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Business-day adjustment of payment dates end to end (docs/language.md §4 "Business days", §11 "The schedule"): the
/// period ends the ledger shows, the interest a tranche accrues to the adjusted or the rolled dates, a holiday on the
/// Monday after a weekend payment date, and a dated default placed with the adjusted boundaries. Each deal is the same
/// but for its <c>business_days</c> line: quarterly ACT/360 from Friday 2027-04-30 to Sunday 2027-10-31, whose rolled
/// dates are 2027-04-30, Saturday 2027-07-31 and Sunday 2027-10-31; a bullet of 100m at 8%. SmallDeal runs with the
/// cash check on.
/// </summary>
public sealed class BusinessDayTests
{
    private const double Cent = 0.005;

    private static string Source(string businessDays, string scenario = "") => $$"""
        deal Dates {
          currency USD
          closing  2027-04-30
          maturity 2027-10-31
          pay      quarterly
          daycount ACT/360
          {{businessDays}}

          party Tenant { rating "BBB" pd 1% recovery 40% }
          party Owner  { }

          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2027-04-30  term 5y }

          tranche Notes { balance 100m  coupon 8% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 100m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Dates { {{scenario}} }
        """;

    private static readonly Lazy<SmallDeal> AsTheyFall = new(() => new SmallDeal(Source("")));
    private static readonly Lazy<SmallDeal> Following = new(() => new SmallDeal(Source("business_days following")));
    private static readonly Lazy<SmallDeal> FollowingUnadjusted = new(() => new SmallDeal(Source("business_days following unadjusted")));
    private static readonly Lazy<SmallDeal> Modified = new(() => new SmallDeal(Source("business_days modified_following")));
    private static readonly Lazy<SmallDeal> Preceding = new(() => new SmallDeal(Source("business_days preceding holidays { 2027-07-30 }")));
    private static readonly Lazy<SmallDeal> MondayHoliday = new(() => new SmallDeal(Source("business_days following holidays { 2027-08-02 }")));

    private static double Interest(Lazy<SmallDeal> deal, int t) => deal.Value.Ledger("Notes interest due", t);

    [Fact]
    public void WithoutTheItemTheRolledDatesArePaid()
    {
        Assert.Equal([new Date(2027, 4, 30), new Date(2027, 7, 31), new Date(2027, 10, 31)], AsTheyFall.Value.Description.Boundaries);
    }

    // Following: Saturday 2027-07-31 to Monday 2027-08-02, Sunday 2027-10-31 to Monday 2027-11-01. Modified following:
    // both Mondays are in the next month, so back to Friday 2027-07-30 and Friday 2027-10-29. The closing stays.
    [Fact]
    public void FollowingMovesMonthEndsToMondayAndModifiedFollowingBackToFriday()
    {
        Assert.Equal([new Date(2027, 4, 30), new Date(2027, 8, 2), new Date(2027, 11, 1)], Following.Value.Description.Boundaries);
        Assert.Equal([new Date(2027, 4, 30), new Date(2027, 7, 30), new Date(2027, 10, 29)], Modified.Value.Description.Boundaries);
    }

    // Adjusted (the default): ACT/360 between the dates paid.
    //   following:           04-30 -> 08-02 = 94 days: 100m x 8% x 94/360 = 2,088,888.89; 08-02 -> 11-01 = 91 days: 2,022,222.22
    //   modified following:  04-30 -> 07-30 = 91 days: 2,022,222.22;                    07-30 -> 10-29 = 91 days: 2,022,222.22
    [Fact]
    public void AdjustedInterestAccruesToThePaymentDates()
    {
        Assert.Equal(100e6 * 0.08 * 94 / 360, Interest(Following, 0), Cent);
        Assert.Equal(100e6 * 0.08 * 91 / 360, Interest(Following, 1), Cent);
        Assert.Equal(100e6 * 0.08 * 91 / 360, Interest(Modified, 0), Cent);
        Assert.Equal(100e6 * 0.08 * 91 / 360, Interest(Modified, 1), Cent);
    }

    // Unadjusted: ACT/360 between the rolled dates, 04-30 -> 07-31 = 92 days and 07-31 -> 10-31 = 92 days, 2,044,444.44
    // each, as without the item; only the payment dates move (to 08-02 and 11-01).
    [Fact]
    public void UnadjustedInterestAccruesToTheRolledDatesWhileThePaymentMoves()
    {
        for (int t = 0; t < 2; t++)
        {
            Assert.Equal(100e6 * 0.08 * 92 / 360, Interest(FollowingUnadjusted, t), Cent);
            Assert.Equal(Interest(AsTheyFall, t), Interest(FollowingUnadjusted, t), 6);
        }

        Assert.Equal(Following.Value.Description.Boundaries, FollowingUnadjusted.Value.Description.Boundaries);
    }

    // The same coupons and principal paid two and one days later: the holders' IRR (ACT/365F flow times at the dates
    // paid) is lower. Notes of 50m, repaid in full from 60m of rent a quarter, so the IRR is positive (the 100m notes
    // lose 42m, and at a negative IRR a flow paid later lifts it: discounting at a negative rate rewards waiting).
    [Fact]
    public void TheIrrTimesTheFlowsAtTheDatesPaid()
    {
        static SmallDeal Repaid(string businessDays) => new(Source(businessDays).Replace("balance 100m", "balance 50m", StringComparison.Ordinal));

        SmallDeal lateDeal = Repaid("business_days following unadjusted");
        SmallDeal onTimeDeal = Repaid("");
        Assert.Equal(0.0, lateDeal.Single.Tranches[0].PrincipalLoss, 6);
        for (int t = 0; t < 2; t++)
        {
            Assert.Equal(onTimeDeal.Ledger("2 pay Notes.principal paid", t), lateDeal.Ledger("2 pay Notes.principal paid", t), 6);
            Assert.Equal(onTimeDeal.Ledger("1 pay Notes.interest paid", t), lateDeal.Ledger("1 pay Notes.interest paid", t), 6);
        }

        double late = lateDeal.Single.Tranches[0].Irr;
        double onTime = onTimeDeal.Single.Tranches[0].Irr;
        Assert.True(onTime > 0, $"IRR on time {onTime} should be positive");
        Assert.True(late < onTime - 1e-5, $"IRR paid late {late} should be below {onTime}");
    }

    // Preceding, with Friday 2027-07-30 a holiday: Saturday 2027-07-31 moves back past it to Thursday 2027-07-29, Sunday
    // 2027-10-31 to Friday 2027-10-29. Interest 04-30 -> 07-29 = 90 days: 100m x 8% x 90/360 = 2,000,000.00;
    // 07-29 -> 10-29 = 92 days: 2,044,444.44.
    [Fact]
    public void PrecedingPaysOnTheBusinessDayBeforeAndAccruesToIt()
    {
        Assert.Equal([new Date(2027, 4, 30), new Date(2027, 7, 29), new Date(2027, 10, 29)], Preceding.Value.Description.Boundaries);
        Assert.Equal(100e6 * 0.08 * 90 / 360, Interest(Preceding, 0), Cent);
        Assert.Equal(100e6 * 0.08 * 92 / 360, Interest(Preceding, 1), Cent);
    }

    // Holiday Monday 2027-08-02: Saturday 2027-07-31 moves on to Tuesday 2027-08-03. Interest 04-30 -> 08-03 = 95 days:
    // 2,111,111.11; 08-03 -> 11-01 = 90 days: 2,000,000.00.
    [Fact]
    public void AHolidayOnTheMondayAfterAWeekendPaymentDateMovesItToTuesday()
    {
        Assert.Equal(new Date(2027, 8, 3), MondayHoliday.Value.Description.Boundaries[1]);
        Assert.Equal(100e6 * 0.08 * 95 / 360, Interest(MondayHoliday, 0), Cent);
        Assert.Equal(100e6 * 0.08 * 90 / 360, Interest(MondayHoliday, 1), Cent);
    }

    // A default on Sunday 2027-08-01 falls in the period it is inside: with the adjusted boundaries that is period 0
    // (ending Monday 2027-08-02), so no rent is collected in period 1; without the item it is period 1 (2027-07-31 to
    // 2027-10-31), whose rent is still collected up to the default.
    [Fact]
    public void ADateInsideAPeriodIsPlacedWithTheAdjustedBoundaries()
    {
        var adjusted = new SmallDeal(Source("business_days following", "Tenant defaults on 2027-08-01"));
        var asTheyFall = new SmallDeal(Source("", "Tenant defaults on 2027-08-01"));
        Assert.Equal(0.0, adjusted.Ledger("rent Rent", 1));
        Assert.True(asTheyFall.Ledger("rent Rent", 1) > 0);
    }

    // A payment date on a named holiday: the same deal from Wednesday 2027-08-25 to Friday 2028-02-25, whose rolled
    // dates are 2027-08-25, Thursday 2027-11-25 (Thanksgiving, a Federal Reserve holiday) and 2028-02-25. Under
    // federal_reserve and following, Thanksgiving is paid on Friday 2027-11-26: interest 08-25 -> 11-26 = 93 days,
    // 100m x 8% x 93/360 = 2,066,666.67; 11-26 -> 02-25 = 91 days: 2,022,222.22. Under TARGET2 nothing moves (92 days
    // each: 2,044,444.44).
    [Fact]
    public void APaymentDateOnANamedHolidayMovesAndAccruesToTheDatePaid()
    {
        static SmallDeal Deal(string businessDays) => new(Source(businessDays)
            .Replace("2027-04-30", "2027-08-25", StringComparison.Ordinal)
            .Replace("2027-10-31", "2028-02-25", StringComparison.Ordinal));

        SmallDeal fed = Deal("business_days following holidays federal_reserve");
        Assert.Equal([new Date(2027, 8, 25), new Date(2027, 11, 26), new Date(2028, 2, 25)], fed.Description.Boundaries);
        Assert.Equal(100e6 * 0.08 * 93 / 360, fed.Ledger("Notes interest due", 0), Cent);
        Assert.Equal(100e6 * 0.08 * 91 / 360, fed.Ledger("Notes interest due", 1), Cent);

        SmallDeal target2 = Deal("business_days following holidays TARGET2");
        Assert.Equal([new Date(2027, 8, 25), new Date(2027, 11, 25), new Date(2028, 2, 25)], target2.Description.Boundaries);
        Assert.Equal(100e6 * 0.08 * 92 / 360, target2.Ledger("Notes interest due", 0), Cent);
    }

    // A coupon on Good Friday: the same deal monthly from Friday 2027-02-26 to Monday 2027-04-26, whose rolled dates are
    // 2027-02-26, Friday 2027-03-26 (Good Friday: Easter is 2027-03-28) and 2027-04-26. The NYSE closes on Good Friday
    // and is open on Easter Monday: under following the coupon is paid on Monday 2027-03-29, and interest runs
    // 02-26 -> 03-29 = 31 days, 100m x 8% x 31/360 = 688,888.89, then 03-29 -> 04-26 = 28 days: 622,222.22. The Federal
    // Reserve is open on Good Friday: nothing moves (28 days: 622,222.22, then 31 days: 688,888.89). London closes on
    // Easter Monday too: Tuesday 2027-03-30, 32 days (711,111.11) then 27 days (600,000.00).
    [Fact]
    public void ACouponOnGoodFridayMovesOnTheNyseCalendarAndNotOnTheFederalReserves()
    {
        static SmallDeal Deal(string businessDays) => new(Source(businessDays)
            .Replace("2027-04-30", "2027-02-26", StringComparison.Ordinal)
            .Replace("2027-10-31", "2027-04-26", StringComparison.Ordinal)
            .Replace("pay      quarterly", "pay      monthly", StringComparison.Ordinal));

        SmallDeal nyse = Deal("business_days following holidays NYSE");
        Assert.Equal([new Date(2027, 2, 26), new Date(2027, 3, 29), new Date(2027, 4, 26)], nyse.Description.Boundaries);
        Assert.Equal(100e6 * 0.08 * 31 / 360, nyse.Ledger("Notes interest due", 0), Cent);
        Assert.Equal(100e6 * 0.08 * 28 / 360, nyse.Ledger("Notes interest due", 1), Cent);

        SmallDeal fed = Deal("business_days following holidays federal_reserve");
        Assert.Equal([new Date(2027, 2, 26), new Date(2027, 3, 26), new Date(2027, 4, 26)], fed.Description.Boundaries);
        Assert.Equal(100e6 * 0.08 * 28 / 360, fed.Ledger("Notes interest due", 0), Cent);

        SmallDeal london = Deal("business_days following holidays London");
        Assert.Equal([new Date(2027, 2, 26), new Date(2027, 3, 30), new Date(2027, 4, 26)], london.Description.Boundaries);
        Assert.Equal(100e6 * 0.08 * 32 / 360, london.Ledger("Notes interest due", 0), Cent);
        Assert.Equal(100e6 * 0.08 * 27 / 360, london.Ledger("Notes interest due", 1), Cent);
    }

    // Under unadjusted only the notes' interest accrues to the rolled dates; the lease's rent is the lessee's obligation
    // under the lease and is collected up to the day the waterfall pays (docs/language.md §4, "Business days"). With the
    // rent on its own ACT/365F basis, under following (paid 08-02 and 11-01), adjusted or not:
    //   period 0: 04-30 -> 08-02 = 94 days: 240m x 94/365 = 61,808,219.18 (the rolled 92 days would give 60,493,150.68);
    //   period 1: 08-02 -> 11-01 = 91 days: 240m x 91/365 = 59,835,616.44.
    // In equal instalments (the default), the rent of each period is the same adjusted and unadjusted too.
    [Fact]
    public void UnadjustedLeavesTheRentCollectedOverThePeriodsAsPaid()
    {
        static SmallDeal Deal(string businessDays) =>
            new(Source(businessDays).Replace("term 5y }", "term 5y  daycount ACT/365F }", StringComparison.Ordinal));

        foreach (SmallDeal deal in new[] { Deal("business_days following"), Deal("business_days following unadjusted") })
        {
            Assert.Equal(240e6 * 94 / 365, deal.Ledger("rent Rent", 0), Cent);
            Assert.Equal(240e6 * 91 / 365, deal.Ledger("rent Rent", 1), Cent);
        }

        for (int t = 0; t < 2; t++)
        {
            Assert.Equal(Following.Value.Ledger("rent Rent", t), FollowingUnadjusted.Value.Ledger("rent Rent", t), 6);
        }
    }
}
