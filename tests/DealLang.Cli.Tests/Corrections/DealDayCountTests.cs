using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The deal's day count end to end over a year that holds a leap day (docs/language.md §4, "The day counts"): a
/// tranche's coupon, an account's interest and an annual fee each take the period's year fraction under the deal's
/// convention, on month-end dates whose February end is the 29th. The conventions' arithmetic is DayCountsTests'; this
/// checks that the loop reads it for each of them, and what an analyst sees on such a schedule: 30/360 (US, no February
/// end-of-month rule) counts 361 days in the year. SmallDeal runs with the cash check on.
/// </summary>
public sealed class DealDayCountTests
{
    private const double Cent = 0.005;

    // Quarterly from 2027-11-30 to 2028-11-30: the maturity is a month's last day, so every date rolled back from it is
    // too: 2027-11-30, 2028-02-29, 2028-05-31, 2028-08-31, 2028-11-30. A 100m bullet at 8%, an account of 10m earning
    // 4%, a fee of 360k a year; 40m of rent a year (10m a quarter) pays them.
    private static SmallDeal Deal(string dayCount) => new($$"""
        deal Leap {
          currency USD
          closing  2027-11-30
          maturity 2028-11-30
          pay      quarterly
          daycount {{dayCount}}

          party Owner { }
          party Tenant { }
          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2027-11-30  term 5y }
          tranche Notes { balance 10m  coupon 8% fixed  amortize bullet }
          equity Eq { contributed 100m  holders Owner 100% }
          account Dsra { initial 10m  earns 4% }
          fee Trustee { 360k per year }

          waterfall {
            pay Trustee
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """);

    // The year fraction of each quarter, by hand:
    //   30/360 (ISDA 4.16(f)): 11-30 -> 02-29: 30 x 3 + (29 - 30) = 89; 02-29 -> 05-31: the start is no 30th, so the
    //     31st stays: 30 x 3 + 2 = 92; 05-31 -> 08-31: both count as the 30th, 90; 08-31 -> 11-30: 90. 361 days in all.
    //   30E/360: every 31st is the 30th: 89, 91, 90, 90 (360).
    //   ACT/360, ACT/365F: actual days 91, 92, 92, 91 (366) over 360 or 365.
    //   ACT/ACT (ISDA): 11-30 -> 2028-01-01 is 32 days of 2027, then 59 of leap 2028: 32/365 + 59/366; then 92/366,
    //     92/366, 91/366.
    public static TheoryData<string, double[]> Fractions => new()
    {
        { "30/360", [89 / 360.0, 92 / 360.0, 90 / 360.0, 90 / 360.0] },
        { "30E/360", [89 / 360.0, 91 / 360.0, 90 / 360.0, 90 / 360.0] },
        { "ACT/360", [91 / 360.0, 92 / 360.0, 92 / 360.0, 91 / 360.0] },
        { "ACT/365F", [91 / 365.0, 92 / 365.0, 92 / 365.0, 91 / 365.0] },
        { "ACT/ACT", [(32 / 365.0) + (59 / 366.0), 92 / 366.0, 92 / 366.0, 91 / 366.0] },
    };

    // Each amount is its rate x its base x the quarter's fraction, to a cent: 30/360's second quarter 10m x 8% x 92/360
    // = 204,444.44 of interest, 10m x 4% x 92/360 = 102,222.22 on the account, 360k x 92/360 = 92,000 of fee; ACT/ACT's
    // first quarter 800k x (32/365 + 59/366) = 199,098.74.
    [Theory]
    [MemberData(nameof(Fractions))]
    public void CouponAccountInterestAndFeesTakeTheDealsYearFraction(string dayCount, double[] fractions)
    {
        SmallDeal deal = Deal(dayCount);
        Assert.Equal(
            [new Date(2027, 11, 30), new Date(2028, 2, 29), new Date(2028, 5, 31), new Date(2028, 8, 31), new Date(2028, 11, 30)],
            deal.Description.Boundaries);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(10e6 * 0.08 * fractions[t], deal.Ledger("Notes interest due", t), Cent);
            Assert.Equal(10e6 * 0.04 * fractions[t], deal.Ledger("interest Dsra", t), Cent);
            Assert.Equal(360e3 * fractions[t], deal.Ledger("1 pay Trustee due", t), Cent);
            Assert.Equal(10e6, deal.Ledger("rent Rent", t), Cent); // a whole quarter earns R / 4 whatever the day count
        }
    }
}
