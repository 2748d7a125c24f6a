using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan paying more often than the deal whose obligor pays in part ('MinerLoan pays 60% from DATE', docs/language.md
/// §10 "Partial payments") and defaults inside a period of the window: the instalments dated before the default, and
/// the interest up to the last of them, are what falls due in that period, and the obligor pays its share of them,
/// interest first; the unpaid part, principal first, joins the arrears, and the claim the recovery and the loss are on
/// is the balance after the instalments and the arrears. Outside the window they are received in full. Every run
/// checks that cash is conserved (the generated loop's CashCheck).
/// </summary>
public sealed class LoanPartialPaymentBeforeDefaultTests
{
    // Quarterly, 30/360, month ends from 2025-12-31. MinerLoan 12m at 12% 'amortize linear monthly' to 2026-12-31: 1m on
    // each month end. 30/360 gives January 30 days, February 28 (01-31 → 02-28), March 33 (02-28 → 03-31), April 30.
    // t=0 falls due: 12m × 12% × 30/360 + 11m × 12% × 28/360 + 10m × 12% × 33/360 = 120,000 + 102,666.67 + 110,000 =
    // 332,666.67 of interest and 3m of principal, 3,332,666.67 in all (balance 9m after it). Miner defaults on 2026-05-20,
    // inside t=1 (2026-03-31 → 06-30), after the 04-30 instalment: 1m and 9m × 12% × 30/360 = 90,000 fall due before it,
    // 1,090,000; the balance after it is 8m. Nothing accrues on the arrears in the default period (as without
    // instalments inside it: the claim is on the arrears at the period's start and what was left unpaid before the default).
    private static string Source(string scenarios, string recovery = "recovery 40%", string maturity = "2026-12-31") => $$"""
        deal Monthly {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 12m  coupon 12% fixed  maturity {{maturity}}  {{recovery}}  amortize linear monthly }

          tranche Notes { balance 8m  coupon 4% }
          equity Owners { contributed 4m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Monthly { }
        {{scenarios}}
        """;

    private const string Scenarios = """
        scenario Sixty for Monthly {
          MinerLoan pays 60% from 2026-01-01 to 2026-06-30
          Miner defaults on 2026-05-20
        }
        scenario Five for Monthly {
          MinerLoan pays 5% from 2026-01-01 to 2026-06-30
          Miner defaults on 2026-05-20
        }
        scenario AfterWindow for Monthly {
          MinerLoan pays 60% from 2026-01-01 to 2026-03-31
          Miner defaults on 2026-05-20
        }
        """;

    private static readonly SmallDeal Deal = new(Source(Scenarios));

    [Fact]
    public void TheInstalmentsBeforeADefaultInTheWindowArePaidAtTheShareAndTheRestIsInTheClaim()
    {
        // t=0: paid 60% × 3,332,666.67 = 1,999,600, interest first: 332,666.67 of interest, 1,666,933.33 of principal;
        //      unpaid 1,333,066.67, all principal (it is less than the 3m due), in arrears.
        // t=1: paid 60% × 1,090,000 = 654,000: 90,000 of interest, 564,000 of principal; unpaid 436,000, all principal.
        //      The claim: 8m + 1,333,066.67 + 436,000 = 9,769,066.67; 40% recovered, 3,907,626.67; lost 5,861,440.
        //      (Before: the 1,090,000 received in full and the claim 8m + 1,333,066.67.)
        // Principal 1,666,933.33 + 564,000 = 2,230,933.33; + 3,907,626.67 + 5,861,440 = 12m lent (no interest unpaid).
        Assert.Empty(Deal.Diagnostics);
        Assert.Equal(332_666.666667, Deal.Ledger("interest MinerLoan", 0, "Sixty"), 1e-5);
        Assert.Equal(1_666_933.333333, Deal.Ledger("principal MinerLoan", 0, "Sixty"), 1e-5);
        Assert.Equal(1_333_066.666667, Deal.Ledger("MinerLoan arrears", 0, "Sixty"), 1e-5);
        Assert.Equal(90_000, Deal.Ledger("interest MinerLoan", 1, "Sixty"), 1e-6);
        Assert.Equal(564_000, Deal.Ledger("principal MinerLoan", 1, "Sixty"), 1e-6);
        Assert.Equal(3_907_626.666667, Deal.Ledger("recovery MinerLoan", 1, "Sixty"), 1e-5);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan arrears", 1, "Sixty"));
        Assert.Equal(0.0, Deal.Ledger("MinerLoan balance", 1, "Sixty"));
        LoanSummary loan = Deal.Outcomes["Sixty"].Loans[0];
        Assert.Equal(2_230_933.333333, loan.PrincipalReceived, 1e-5);
        Assert.Equal(5_861_440, loan.Loss, 1e-5);
        Assert.Equal(12e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void AShareBelowTheInterestLeavesInterestInArrearsAndInTheClaim()
    {
        // t=0: paid 5% × 3,332,666.67 = 166,633.33, all interest; unpaid 3,166,033.33: the 3m principal and 166,033.33
        //      of interest, in arrears.
        // t=1: paid 5% × 1,090,000 = 54,500, all interest; unpaid 1,035,500: the 1m principal and 35,500 of interest.
        //      The claim: 8m + 3,166,033.33 + 1,035,500 = 12,201,533.33; 40% recovered, 4,880,613.33; lost 7,320,920.
        // No principal received: 0 + 4,880,613.33 + 7,320,920 = 12,201,533.33, the 12m lent and the 201,533.33 of
        // interest in arrears at the default.
        Assert.Equal(166_633.333333, Deal.Ledger("interest MinerLoan", 0, "Five"), 1e-5);
        Assert.Equal(0.0, Deal.Ledger("principal MinerLoan", 0, "Five"), 1e-6);
        Assert.Equal(54_500, Deal.Ledger("interest MinerLoan", 1, "Five"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("principal MinerLoan", 1, "Five"), 1e-6);
        Assert.Equal(4_880_613.333333, Deal.Ledger("recovery MinerLoan", 1, "Five"), 1e-5);
        LoanSummary loan = Deal.Outcomes["Five"].Loans[0];
        Assert.Equal(7_320_920, loan.Loss, 1e-5);
        Assert.Equal(12_201_533.333333, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-5);
    }

    [Fact]
    public void AfterTheWindowTheInstalmentsBeforeTheDefaultAreReceivedInFull()
    {
        // The window is t=0 alone (arrears 1,333,066.67, as in Sixty). t=1, the cure's period, defaults before its end:
        // the 1,090,000 before the default is received in full, the arrears are not cured and join the claim:
        // 8m + 1,333,066.67 = 9,333,066.67; 40%, 3,733,226.67, recovered; 5,599,840 lost.
        // 1,666,933.33 + 1m + 3,733,226.67 + 5,599,840 = 12m.
        Assert.Equal(90_000, Deal.Ledger("interest MinerLoan", 1, "AfterWindow"), 1e-6);
        Assert.Equal(1e6, Deal.Ledger("principal MinerLoan", 1, "AfterWindow"), 1e-6);
        Assert.Equal(3_733_226.666667, Deal.Ledger("recovery MinerLoan", 1, "AfterWindow"), 1e-5);
        LoanSummary loan = Deal.Outcomes["AfterWindow"].Loans[0];
        Assert.Equal(5_599_840, loan.Loss, 1e-5);
        Assert.Equal(12e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void WithAWorkoutLagTheClaimWrittenDownIsTheBalanceAndTheArrears()
    {
        // 'recovery 40% after 6m', the Five scenario: the 12,201,533.33 claim is written down to 4,880,613.33 at t=1
        // (7,320,920 lost) and received at t = 1 + 6 / 3 = 3.
        var deal = new SmallDeal(Source(Scenarios, "recovery 40% after 6m"));
        Assert.Equal(54_500, deal.Ledger("interest MinerLoan", 1, "Five"), 1e-6);
        Assert.Equal(0.0, deal.Ledger("recovery MinerLoan", 1, "Five"));
        Assert.Equal(4_880_613.333333, deal.Ledger("MinerLoan balance", 1, "Five"), 1e-5);
        Assert.Equal(4_880_613.333333, deal.Ledger("recovery MinerLoan", 3, "Five"), 1e-5);
        LoanSummary loan = deal.Outcomes["Five"].Loans[0];
        Assert.Equal(7_320_920, loan.Loss, 1e-5);
        Assert.Equal(12_201_533.333333, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-5);
    }

    [Fact]
    public void AMaturityPaidInPartBeforeTheDefaultLeavesTheLoanDefaultedOnItsArrears()
    {
        // Maturing on 2026-11-30: 11 instalments of 12m / 11 = 1,090,909.09, the last two on 10-31 and 11-30 inside t=3
        // (2026-09-30 → 12-31), whose opening balance is 2 × 1,090,909.09 = 2,181,818.18. Interest: 2,181,818.18 × 1%
        // (09-30 → 10-31, 30 days) + 1,090,909.09 × 1% (10-31 → 11-30) = 32,727.27; due 2,214,545.45. Paying 60% from
        // 2026-10-01, defaulting on 2026-12-10 (after the maturity): paid 1,328,727.27, 32,727.27 of interest and
        // 1,296,000 of principal; 885,818.18 unpaid, all principal: the loan is not repaid, and defaults on it: 40%,
        // 354,327.27, recovered, 531,490.91 lost. Principal 9 × 1,090,909.09 + 1,296,000 = 11,114,181.82;
        // + 354,327.27 + 531,490.91 = 12m.
        var deal = new SmallDeal(Source("""
            scenario Maturity for Monthly {
              MinerLoan pays 60% from 2026-10-01
              Miner defaults on 2026-12-10
            }
            """, maturity: "2026-11-30"));
        Assert.Equal(32_727.272727, deal.Ledger("interest MinerLoan", 3, "Maturity"), 1e-5);
        Assert.Equal(1_296_000, deal.Ledger("principal MinerLoan", 3, "Maturity"), 1e-5);
        Assert.Equal(354_327.272727, deal.Ledger("recovery MinerLoan", 3, "Maturity"), 1e-5);
        LoanSummary loan = deal.Outcomes["Maturity"].Loans[0];
        Assert.Equal(11_114_181.818182, loan.PrincipalReceived, 1e-5);
        Assert.Equal(531_490.909091, loan.Loss, 1e-5);
        Assert.Equal(new DealLang.Runtime.Date(2026, 12, 10), loan.DefaultDate);
        Assert.Equal(12e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }
}
