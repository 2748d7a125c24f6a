namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A guarantor's <c>until DATE</c> on a deal whose business days move its month-end payment dates (docs/language.md §4
/// "Business days", business-days-scenario-levers; §5 "Guarantors", "A guarantor behind the RVG"). "It pays only for
/// periods ending on or before DATE" names the last period by a date as a test's <c>from</c> names the first: a date
/// written on a scheduled quarter end is that quarter's, whichever day it is paid on. Before the fix it was compared as
/// written with the ends as paid, so under <c>following</c> a guarantee <c>until 2029-06-30</c> (a Saturday, the quarter
/// paid on Monday 07-02) stopped a quarter early: the rent guarantor left the second quarter's rent unpaid and the RVG's
/// guarantor paid nothing of a claim falling due on 2029-06-15. A date that is no scheduled date is compared as written.
/// SmallDeal runs with the cash check on. Figures to a cent (6 decimal places of a double).
/// </summary>
public sealed class MonthEndGuarantorUntilTests
{
    // Quarterly on month ends from 2028-12-31, 30/360. Under `following` Saturday 2029-03-31 and Saturday 2029-06-30 are
    // paid on Mondays 04-02 and 07-02 (t = 0, 1); under `preceding` on Fridays 03-30 and 06-29. Rent 12m a year, equal
    // instalments of 3m a quarter. Campus 100m straight-line over 20 years from the closing. Parent stands behind the
    // rent and the RVG (110m guaranteed, capped at 40m), each until the DATE given.
    private static string Source(string rule, string until) => $$"""
        deal Backstop {
          currency USD
          closing  2028-12-31
          maturity 2031-12-31
          pay      quarterly
          daycount 30/360
          business_days {{rule}}

          party Tenant { recovery 40% }
          party Parent { recovery 25% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee    Tenant
            rent      12m per year
            starts    2028-12-31
            term      2y
            guarantor Parent cap 100m until {{until}}
            rvg       guarantees 110m cap 40m with guarantor Parent cap 30m until {{until}}
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario RentDefault for Backstop {
          Tenant defaults on 2029-01-01
        }

        scenario RvgDefault for Backstop {
          Tenant defaults on 2029-06-15
        }
        """;

    // Tenant defaulting on 2029-01-01 leaves the first quarter's rent unpaid but for the closing day: under `following`
    // the quarter runs 2028-12-31 → Monday 2029-04-02, 92 days, so Parent pays 3m × 91/92 = 2,967,391.30; then the whole
    // 3m of the second quarter, the one scheduled to end 2029-06-30, and nothing of the third.
    [Fact]
    public void ARentGuaranteeUntilAMovedQuarterEndAnswersForThatQuarter()
    {
        var deal = new SmallDeal(Source("following", "2029-06-30"));
        Assert.Equal(3_000_000 * 91.0 / 92, deal.Ledger("guarantor L", 0, "RentDefault"), 6);
        Assert.Equal(3_000_000, deal.Ledger("guarantor L", 1, "RentDefault"), 6);
        Assert.Equal(0.0, deal.Ledger("guarantor L", 2, "RentDefault"));
        Assert.Equal((3_000_000 * 91.0 / 92) + 3_000_000, deal.Outcomes["RentDefault"].Guarantees[0].Paid, 6);

        // Under `preceding` (the second quarter paid on Friday 06-29, before the date as written) the same quarters.
        var preceding = new SmallDeal(Source("preceding", "2029-06-30"));
        Assert.Equal(3_000_000, preceding.Ledger("guarantor L", 1, "RentDefault"), 6);
        Assert.Equal(0.0, preceding.Ledger("guarantor L", 2, "RentDefault"));
    }

    // Tenant defaulting on 2029-06-15, in the quarter scheduled to end 2029-06-30: the campus is worth
    // 100m × (1 − 5.5/240) = 97,708,333.33 (five months to 2029-05-31, then 15 of the 30 days to 06-30), the RVG claim
    // min(40m, 110m − 97,708,333.33) = 12,291,666.67; Tenant pays 40% of it, 4,916,666.67, and Parent the other 60%,
    // 7,375,000 (within its 30m cap). The rent guarantor pays the quarter's rent from the default: under `following` the
    // quarter is 2029-04-02 → 07-02, 91 days, 17 of them from 06-15: 3m × 17/91 = 560,439.56.
    [Fact]
    public void AnRvgGuaranteeUntilAMovedQuarterEndAnswersForAClaimInThatQuarter()
    {
        var deal = new SmallDeal(Source("following", "2029-06-30"));
        double claim = 110_000_000 - (100_000_000 * (1 - (5.5 / 240)));
        Assert.Equal(claim * 0.40, deal.Ledger("rvg L", 1, "RvgDefault"), 6);
        Assert.Equal(7_375_000, claim * 0.60, 6);
        Assert.Equal(7_375_000, deal.Ledger("rvg guarantor L", 1, "RvgDefault"), 6);
        Assert.Equal(3_000_000 * 17.0 / 91, deal.Ledger("guarantor L", 1, "RvgDefault"), 6);
    }

    // A date that is no scheduled date is compared as written with the ends as paid: 'until 2029-07-01' (a Sunday) ends
    // before the second quarter's payment on Monday 07-02, so neither guarantee answers for it.
    [Fact]
    public void AnyOtherDateIsComparedAsWritten()
    {
        var deal = new SmallDeal(Source("following", "2029-07-01"));
        Assert.Equal(3_000_000 * 91.0 / 92, deal.Ledger("guarantor L", 0, "RentDefault"), 6);
        Assert.Equal(0.0, deal.Ledger("guarantor L", 1, "RentDefault"));
        Assert.Equal(0.0, deal.Ledger("rvg guarantor L", 1, "RvgDefault"));
    }
}
