namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An obligor never receives interest from its lender (docs/language.md §5, "loan"): a loan's floating coupon below 0%
/// (its index below zero and no floor at or above 0%) is read at 0%. Before, a rate index drawn below zero took a
/// `SOFR + 1.36%` loan's coupon to −1.24%, its "interest received" and the collections went negative, and the first pay
/// step "paid" a negative amount (the property run's `paid −1,296,229.72 outside [0, due 0]`, seed 0WmOc5nilNg1 at
/// DEALLANG_FUZZ_ITERATIONS=20000).
/// </summary>
public sealed class NegativeLoanCouponTests
{
    // Quarterly, 30/360 (a quarter's year fraction 0.25), closing 2026-01-01: a 100m bullet loan at SOFR + 1%, and notes
    // the collections pay. SOFR at 2% (3% coupon), and in the scenarios −3% (−2%) and −0.5% (0.5%).
    private const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Borrower { }
          party Owner { }
          index SOFR { level 2% }
          loan Credit { obligor Borrower  balance 100m  coupon SOFR + 1%  maturity 2027-01-01 }

          tranche Notes { balance 150m  coupon 1% fixed }
          equity  Eq    { contributed 50m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Small { }
        scenario Negative for Small { SOFR level -3% }
        scenario SlightlyNegative for Small { SOFR level -0.5% }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void A_coupon_below_zero_earns_nothing_and_the_collections_stay_at_zero()
    {
        // SOFR −3%: −3% + 1% = −2% is read at 0%: no interest, no negative collections (a floor below 0% is DL0595's
        // error). The coupon column shows the rate the obligor pays, 0.
        Assert.Equal(0.0, Deal.Value.Ledger("Credit coupon", 1, "Negative"));
        Assert.Equal(0.0, Deal.Value.Ledger("interest Credit", 1, "Negative"));
        Assert.Equal(0.0, Deal.Value.Ledger("collections", 1, "Negative"));
    }

    [Fact]
    public void A_coupon_above_zero_is_as_before()
    {
        // SOFR −0.5%: 0.5% a year, 100m × 0.5% × 0.25 = 125,000 a quarter; SOFR 2%: 3%, 750,000 a quarter.
        Assert.Equal(125_000, Deal.Value.Ledger("interest Credit", 1, "SlightlyNegative"), 1e-6);
        Assert.Equal(750_000, Deal.Value.Ledger("interest Credit", 1, "AsAgreed"), 1e-6);
    }
}
