namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A level (annuity) tranche on a schedule whose business days move a month end (docs/language.md §5 "tranche", §4
/// "Business days"): a period is a stub, weighted by its share of a regular period's payment, when the schedule makes
/// it one, not when a payment moved to a Friday makes it a day short. Before the fix the weights were read off the
/// dates as paid: 2029-03-30 + 3 months = 2029-06-30 is after 2029-06-29 as paid, so the second quarter counted as a
/// stub of 89/90 (30/360). SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndLevelTests
{
    private const double Cent = 0.005;

    private static string Source(string businessDays) => $$"""
        deal Level {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          {{businessDays}}

          party Tenant { rating "BBB" pd 1% recovery 40% }
          party Owner  { }

          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2028-12-31  term 5y }

          tranche Notes { balance 100m  coupon 8% fixed  amortize level  seniority 1 }
          equity  Eq    { contributed 100m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Level { }
        """;

    // Quarterly on month ends from 2028-12-31 to 2029-12-31; under `preceding` Saturday 2029-03-31, Saturday 2029-06-30
    // and Sunday 2029-09-30 are paid on Fridays 03-30, 06-29 and 09-28. Accruing unadjusted on 30/360, every quarter's
    // rate is 8% x 90/360 = 2%, every quarter is whole, so the payment is level:
    //   P = 100m x 0.02 / (1 - 1.02^-4) = 26,262,375.27 a quarter (interest + principal), as without business days.
    [Fact]
    public void EveryWholeQuarterPaysTheSameLevelPaymentWhenMonthEndsArePaidOnFridays()
    {
        double level = 100e6 * 0.02 / (1 - Math.Pow(1.02, -4));
        foreach (string businessDays in new[] { "", "business_days preceding unadjusted holidays federal_reserve" })
        {
            var deal = new SmallDeal(Source(businessDays));
            for (int t = 0; t < 4; t++)
            {
                double paid = deal.Ledger("Notes interest due", t) + deal.Ledger("Notes principal due", t);
                Assert.Equal(level, paid, Cent);
            }
        }
    }
}
