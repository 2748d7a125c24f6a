using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan amortising more often than the deal pays (docs/language.md, loan; formerly refused, DL0448): 'amortize
/// linear monthly' in a quarterly deal. The period receives the instalments falling in it, and its interest is the sum
/// over the loan's months inside it of the balance at the month's start × the coupon × the month's year fraction (the
/// deal's day count). Every run here checks that cash is conserved (SmallDeal).
/// </summary>
public sealed class LoanMonthlyInstalmentTests
{
    // Quarterly, 30/360, closing on the 15th so that every month and quarter is 30 or 90 days (a year fraction of
    // 1/12 or 0.25 exactly). MinerLoan 300m at 12% (1% a month) to 2027-12-15; the deal runs to 2028-12-15 (12 periods),
    // or from month ends to month ends when the closing is one.
    private static string Source(string loan, string scenarios = "", string extra = "", string closing = "2025-12-15", string maturity = "2027-12-15") => $$"""
        deal Monthly {
          currency USD
          closing  {{closing}}
          maturity 2028-{{closing[5..]}}
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Other   { }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 300m  coupon 12% fixed  maturity {{maturity}}  recovery 40%  {{loan}} }

          tranche Notes { balance 200m  coupon 4% }
          equity Owners { contributed 100m  holders Sponsor 100% }
          {{extra}}
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Monthly { }
        {{scenarios}}
        """;

    private const string Linear = "amortize linear monthly";

    [Fact]
    public void ALinearMonthlyLoanInAQuarterlyDealReceivesThreeInstalmentsAQuarterAndInterestOnEachMonthsBalance()
    {
        // 24 monthly instalments back from 2027-12-15 (2026-01-15 … 2027-12-15) of 300m / 24 = 12.5m, three in each
        // quarter t=0..7. Quarter t opens at B_t = 300m − 37.5m × t and its interest is
        //   1% × (B_t + (B_t − 12.5m) + (B_t − 25m)) = 3% × B_t − 0.375m:
        //   t=0: 300m × 1% + 287.5m × 1% + 275m × 1% = 8.625m (not 300m × 3% = 9m: the balance falls each month)
        //   t=1: 262.5m → 7.5m; t=2: 225m → 6.375m; … t=7: 37.5m → 0.75m. In all Σ_t (3% × B_t − 0.375m) with
        //   Σ B_t = 37.5m × (8 + 7 + … + 1) = 1,350m: 40.5m − 3m = 37.5m, which is 1% of the 24 monthly opening
        //   balances 12.5m × (24 + 23 + … + 1) = 3,750m.
        var deal = new SmallDeal(Source(Linear));
        Assert.Empty(deal.Diagnostics);
        for (int t = 0; t < 12; t++)
        {
            double opening = Math.Max(0, 300e6 - (37.5e6 * t));
            double interest = t < 8 ? (0.03 * opening) - 0.375e6 : 0;
            Assert.Equal(t < 8 ? 37.5e6 : 0, deal.Ledger("principal MinerLoan", t, "Base"), 1e-6);
            Assert.Equal(interest, deal.Ledger("interest MinerLoan", t, "Base"), 1e-6);
        }

        Assert.Equal(8.625e6, deal.Ledger("interest MinerLoan", 0, "Base"), 1e-6);
        LoanSummary loan = deal.Outcomes["Base"].Loans[0];
        Assert.Equal(300e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(37.5e6, loan.InterestReceived, 1e-6);
        Assert.Equal("linear monthly", deal.Description.Loans[0].Amortization);
    }

    [Fact]
    public void AFloatingCouponReadsItsIndexAtTheDealPeriodsStartForEveryMonthInside()
    {
        // SOFR + 8%, SOFR 4% stepping to 6% on 2026-02-15, inside t=0: t=0 reads 4% at its start (2025-12-15) for all
        // three of its months, 12%: 8.625m as the fixed 12%; t=1 reads 6% at 2026-03-15, 14% a year on the months'
        // balances 262.5m, 250m, 237.5m: 750m × 14% / 12 = 8.75m.
        var deal = new SmallDeal(Source(Linear, extra: "index SOFR { level 4%  points stepped { 2026-02-15 6% } }").Replace("coupon 12% fixed", "coupon SOFR + 8%", StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(8.625e6, deal.Ledger("interest MinerLoan", 0, "Base"), 1e-6);
        Assert.Equal(8.75e6, deal.Ledger("interest MinerLoan", 1, "Base"), 1e-6);
    }

    [Fact]
    public void MonthEndInstalmentsAccrueTheDaysThirty360GivesEachMonth()
    {
        // Month ends on 30/360 (ISDA): 2025-12-31 → 2026-01-31 is 30 days, → 02-28 is 28 (the start's 31st becomes a
        // 30th, the end stays the 28th), → 03-31 is 33 (a start on the 28th leaves the end's 31st alone). So the first
        // quarter receives 300m × 12% × 30/360 + 287.5m × 12% × 28/360 + 275m × 12% × 33/360
        //   = 3,000,000 + 2,683,333.333 + 3,025,000 = 8,708,333.333,
        // more than the quarter's 90 days would give on the same balances (8.625m): the sum is over the loan's months,
        // at the day count the deal (and so the loan) uses. The second quarter's months are 30 days each: 1% × (262.5m
        // + 250m + 237.5m) = 7.5m.
        var deal = new SmallDeal(Source(Linear, closing: "2025-12-31", maturity: "2027-12-31"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(37.5e6, deal.Ledger("principal MinerLoan", 0, "Base"), 1e-6);
        Assert.Equal(8_708_333.333333, deal.Ledger("interest MinerLoan", 0, "Base"), 1e-5);
        Assert.Equal(7.5e6, deal.Ledger("interest MinerLoan", 1, "Base"), 1e-6);
    }

    [Fact]
    public void ALevelMonthlyLoanPaysTheSameMonthlyAnnuityThreeTimesAQuarter()
    {
        // 'level monthly' to 2026-12-15: 12 instalments at r = 1% a month; P = 300m × 1% / (1 − 1.01^−12) =
        // 26,654,636.6035 (the level payment at the loan's own frequency, not the quarterly one). Each month pays
        // P = interest + principal, so each quarter receives 3P = 79,963,909.8105 in all. Quarter 0: the balance after
        // month k is B_k = B_{k−1} − (P − 1% × B_{k−1}):
        //   month 1: interest 3,000,000,      principal 23,654,636.6035, left 276,345,363.3965
        //   month 2: interest 2,763,453.6340, principal 23,891,182.9695, left 252,454,180.4270
        //   month 3: interest 2,524,541.8043, principal 24,130,094.7992, left 228,324,085.6277
        // interest 8,287,995.4383, principal 71,675,914.3723.
        var deal = new SmallDeal(Source("amortize level monthly", maturity: "2026-12-15"));
        Assert.Empty(deal.Diagnostics);
        double payment = 300e6 * 0.01 / (1 - Math.Pow(1.01, -12));
        Assert.Equal(26_654_636.6035, payment, 1e-3);
        Assert.Equal(8_287_995.4383, deal.Ledger("interest MinerLoan", 0, "Base"), 1e-3);
        Assert.Equal(71_675_914.3723, deal.Ledger("principal MinerLoan", 0, "Base"), 1e-3);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(3 * payment, deal.Ledger("interest MinerLoan", t, "Base") + deal.Ledger("principal MinerLoan", t, "Base"), 1e-3);
        }

        Assert.Equal(0.0, deal.Ledger("MinerLoan balance", 3, "Base"), 1e-6);
        Assert.Equal(300e6, deal.Outcomes["Base"].Loans[0].PrincipalReceived, 1e-6);
    }

    [Fact]
    public void ADefaultInTheSecondMonthOfAQuarterReceivesTheFirstMonthsInstalmentAndRecoversOnTheBalanceAfterIt()
    {
        // Miner defaults on 2026-04-20, in the second month of t=1 (2026-03-15 … 06-15). The instalment dated 2026-04-15,
        // before the default, is received at the quarter's end with its month's interest: 12.5m of principal and
        // 262.5m × 1% = 2.625m. The May and June ones are not, nor the interest from 04-15 on. 40% of the 250m left
        // after the April instalment is recovered, 100m, and 150m is lost (not 40% of the 262.5m at the quarter's
        // start). t=0 was received whole: 37.5m and 8.625m.
        var deal = new SmallDeal(Source(Linear, "scenario Default for Monthly { Miner defaults on 2026-04-20 }"));
        Assert.Equal(37.5e6, deal.Ledger("principal MinerLoan", 0, "Default"), 1e-6);
        Assert.Equal(8.625e6, deal.Ledger("interest MinerLoan", 0, "Default"), 1e-6);
        Assert.Equal(12.5e6, deal.Ledger("principal MinerLoan", 1, "Default"), 1e-6);
        Assert.Equal(2.625e6, deal.Ledger("interest MinerLoan", 1, "Default"), 1e-6);
        Assert.Equal(100e6, deal.Ledger("recovery MinerLoan", 1, "Default"), 1e-6);
        for (int t = 2; t < 12; t++)
        {
            Assert.Equal(0.0, deal.Ledger("interest MinerLoan", t, "Default"));
            Assert.Equal(0.0, deal.Ledger("principal MinerLoan", t, "Default"));
        }

        LoanSummary loan = deal.Outcomes["Default"].Loans[0];
        Assert.Equal(150e6, loan.Loss, 1e-6);
        Assert.Equal(50e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(300e6, loan.PrincipalReceived + loan.Recovery + loan.Loss, 1e-6);
    }

    [Fact]
    public void AnInterestOnlyEndInsideAQuarterStartsTheInstalmentsAfterIt()
    {
        // Month ends, interest only until 2026-02-15: back from 2027-12-31 a month at a time while after it, 23
        // instalments from 2026-02-28, each 300m / 23 = 13,043,478.2609. Quarter 0 receives two (02-28 and 03-31),
        // 26,086,956.5217, and accrues 300m over 2025-12-31 → 2026-02-28 (58 days on 30/360) and 300m − 13.043m over
        // → 03-31 (33 days): 300m × 12% × 58/360 + 286,956,521.7391 × 12% × 33/360 = 5,800,000 + 3,156,521.7391 =
        // 8,956,521.7391.
        var deal = new SmallDeal(Source("interest_only until 2026-02-15  " + Linear, closing: "2025-12-31", maturity: "2027-12-31"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(26_086_956.5217, deal.Ledger("principal MinerLoan", 0, "Base"), 1e-3);
        Assert.Equal(8_956_521.7391, deal.Ledger("interest MinerLoan", 0, "Base"), 1e-3);
        Assert.Equal(300e6, deal.Outcomes["Base"].Loans[0].PrincipalReceived, 1e-6);
    }

    [Fact]
    public void ASaleInEnforcementSellsTheBalanceAfterTheQuartersInstalments()
    {
        // The deal defaults when Other does (2026-05-15, t=1) and sells the loan 3 months later, at the end of t=2,
        // after that quarter's three instalments: 300m − 9 × 12.5m = 187.5m outstanding, sold at 75%: 140.625m. The
        // quarter's interest is received as in Base (225m opening: 6.375m); nothing is received after the sale.
        var deal = new SmallDeal(Source(Linear, "scenario Default for Monthly { Other defaults on 2026-05-15 }", """
            default when Other.defaulted
              enforcement { sell MinerLoan haircut 25% lag 3m }
            """));
        Assert.Equal(37.5e6, deal.Ledger("principal MinerLoan", 2, "Default"), 1e-6);
        Assert.Equal(6.375e6, deal.Ledger("interest MinerLoan", 2, "Default"), 1e-6);
        Assert.Equal(140.625e6, deal.Ledger("sale proceeds", 2, "Default"), 1e-6);
        LoanSummary loan = deal.Outcomes["Default"].Loans[0];
        Assert.Equal(187.5e6, loan.Sold, 1e-6);
        Assert.Equal(300e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }
}
