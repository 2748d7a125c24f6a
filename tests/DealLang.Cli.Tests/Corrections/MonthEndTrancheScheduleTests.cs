namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A tranche's schedule and maturity on a schedule whose business days move a month end (docs/language.md §4 "Business
/// days", §5 "tranche"): a scheduled amount or a maturity dated on a quarter end is that quarter's, paid on the day the
/// quarter end is paid, as a loan's instalment is (<see cref="MonthEndLoanTests"/>; the same lowering,
/// AmortizationLowering). Before the fix the dates were placed against the boundaries as paid: Saturday 2029-03-31 is
/// after Friday 2029-03-30 as paid, so its amount was paid a quarter late, and a maturity on Sunday 2029-09-30 (paid
/// Friday 09-28) fell in the fourth quarter. SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndTrancheScheduleTests
{
    private const double Cent = 0.005;

    private static string Source(string businessDays) => $$"""
        deal Scheduled {
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

          tranche Notes { balance 100m  coupon 8% fixed  amortize schedule { 2029-03-31 25m, 2029-06-30 25m, 2029-09-30 50m }  maturity 2029-09-30  seniority 1 }
          equity  Eq    { contributed 100m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Scheduled { }
        """;

    // Quarterly on month ends from 2028-12-31; under `preceding` Saturday 2029-03-31, Saturday 2029-06-30 and Sunday
    // 2029-09-30 are paid on Fridays 03-30, 06-29 and 09-28. Unadjusted, each quarter accrues 8% × 90/360 = 2%. The
    // schedule's 25m on 03-31 and 06-30 are due in the first two quarters and its 50m on the maturity, 09-30, in the
    // third: interest 2% of 100m, 75m, 50m = 2m, 1.5m, 1m; nothing in the fourth. The same without business days.
    // Before the fix: 0, 25m, 25m, 50m (each date a quarter late).
    [Fact]
    public void ScheduledAmountsAndTheMaturityOnMovedQuarterEndsAreDueInTheirQuarters()
    {
        double[] principal = [25e6, 25e6, 50e6, 0];
        double[] interest = [2e6, 1.5e6, 1e6, 0];
        foreach (string businessDays in new[] { "", "business_days preceding unadjusted" })
        {
            var deal = new SmallDeal(Source(businessDays));
            Assert.Empty(deal.Diagnostics);
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(principal[t], deal.Ledger("Notes principal due", t), Cent);
                Assert.Equal(interest[t], deal.Ledger("Notes interest due", t), Cent);
            }
        }
    }
}
