using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's floating coupon, end to end: reset each period on the index at the period's start, held within its floor
/// and cap, through the tranche's coupon code (docs/language.md, loan); a tranche's coupon reading the loan's; and in
/// the period the obligor defaults in, no interest whatever the rate.
/// </summary>
public sealed class FloatingLoanTests
{
    // Annual, 30/360 (every year fraction is exactly 1), four periods 2026..2029. SOFR is 4% at the closing, stepped to
    // 5% on 2026-12-31 and 2% on 2027-12-31: the periods starting on those dates read them. The loan: 90m linear to
    // 2028-12-31 (30m a period) at SOFR + 3.5% within [6%, 8%]; the note: 60m at the loan's rate less 2%.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          index SOFR { level 4%  points stepped { 2026-12-31 5%  2027-12-31 2% } }

          loan MinerLoan { obligor Miner  balance 90m  coupon SOFR + 3.5% floor 6% cap 8%  amortize linear  maturity 2028-12-31 }

          tranche Notes { balance 60m  coupon MinerLoan.coupon - 2% }
          equity Owners { contributed 30m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Small { }

        scenario MinerDefaults for Small { Miner defaults on 2028-06-30 }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheLoansCouponResetsOnTheIndexWithinItsFloorAndCap()
    {
        //   period 1: SOFR 4% + 3.5% = 7.5% (inside):       interest 90m × 7.5% = 6.75m
        //   period 2: SOFR 5% + 3.5% = 8.5% → capped at 8%:           60m × 8%   = 4.8m
        //   period 3: SOFR 2% + 3.5% = 5.5% → floored at 6%:          30m × 6%   = 1.8m
        double[] rates = [0.075, 0.08, 0.06];
        double[] interest = [6.75e6, 4.8e6, 1.8e6];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(rates[t], Deal.Ledger("MinerLoan coupon", t, "Base"), 12);
            Assert.Equal(interest[t], Deal.Ledger("interest MinerLoan", t, "Base"), 1e-6);
            Assert.Equal(30e6, Deal.Ledger("principal MinerLoan", t, "Base"), 1e-6);
        }

        LoanSummary loan = Deal.Outcomes["Base"].Loans[0];
        Assert.Equal(6.75e6 + 4.8e6 + 1.8e6, loan.InterestReceived, 1e-6);
        Assert.Equal(90e6, loan.PrincipalReceived, 1e-6);
    }

    [Fact]
    public void ATranchesCouponReadsTheLoansRateOfThePeriod()
    {
        // The loans' coupons are reset before the tranches' (2a): the note pays 7.5% − 2% = 5.5% on 60m in period 1,
        // 8% − 2% = 6% in period 2.
        Assert.Equal(0.055, Deal.Ledger("Notes coupon", 0, "Base"), 12);
        Assert.Equal(3.3e6, Deal.Ledger("Notes interest due", 0, "Base"), 1e-6);
        Assert.Equal(0.06, Deal.Ledger("Notes coupon", 1, "Base"), 12);
    }

    [Fact]
    public void InTheDefaultPeriodTheRateIsSetButNoInterestIsReceived()
    {
        // Miner defaults in period 3 (2028): the coupon is still reset (6%, floored), but the loan pays nothing; the
        // recovery is the obligor's 30% of the 30m outstanding = 9m, and 21m is lost.
        Assert.Equal(0.06, Deal.Ledger("MinerLoan coupon", 2, "MinerDefaults"), 12);
        Assert.Equal(0.0, Deal.Ledger("interest MinerLoan", 2, "MinerDefaults"));
        Assert.Equal(9e6, Deal.Ledger("recovery MinerLoan", 2, "MinerDefaults"), 1e-6);
        LoanSummary loan = Deal.Outcomes["MinerDefaults"].Loans[0];
        Assert.Equal(6.75e6 + 4.8e6, loan.InterestReceived, 1e-6);
        Assert.Equal(21e6, loan.Loss, 1e-6);
    }
}
