using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's obligor paying only part of what falls due, a scenario's lever ('MinerLoan pays 50% from DATE to DATE',
/// docs/language.md §10 "Partial payments"): in the window it pays its share of the period's interest and scheduled
/// principal, interest first; the rest is in arrears (the ledger's 'MinerLoan arrears'), bearing interest at the coupon;
/// in the period after the window it pays them with what falls due (the cure). A default while they are outstanding
/// recovers and loses on the balance and the arrears. Cfads (and so a DSCR) counts the cash received, not what fell due.
/// </summary>
public sealed class LoanPartialPaymentTests
{
    // Quarterly, 30/360 (every year fraction 0.25), twelve periods 2026Q1..2028Q4. MinerLoan 100m at 12% (3% a quarter),
    // linear to 2028-06-30: ten quarters of 10m principal (t=0..9). The window 'from 2026-04-01 to 2026-09-30' is the
    // periods whose ends first reach the dates: Q2 (t=1) and Q3 (t=2); the cure is Q4 (t=3).
    private const string Source = """
        deal Arrears {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 12% fixed  amortize linear  maturity 2028-06-30  recovery 40% }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          test Cash = cfads
          test Dscr = cfads / debt_service
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Arrears { }
        scenario Cured for Arrears { MinerLoan pays 50% from 2026-04-01 to 2026-09-30 }
        scenario Defaulted for Arrears {
          MinerLoan pays 50% from 2026-04-01 to 2026-09-30
          Miner defaults on 2026-08-15
        }
        scenario InFull for Arrears { MinerLoan pays 100% from 2026-04-01 to 2026-09-30 }
        scenario ToMaturity for Arrears { MinerLoan pays 50% from 2028-01-01 }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void HalfPaidForTwoQuartersThenCured()
    {
        // t=0: 100m × 3% = 3m interest, 10m principal (balance 90m).
        // t=1: due 90m × 3% = 2.7m and 10m = 12.7m; paid 50% = 6.35m, interest first: 2.7m interest, 3.65m principal;
        //      arrears 6.35m, all principal (balance 80m).
        // t=2: the arrears bear 6.35m × 3% = 0.1905m; due 2.4m + 10m = 12.4m, paid 6.2m: 2.4m interest, 3.8m principal;
        //      arrears 6.35m + 0.1905m + 6.2m = 12.7405m (12.55m principal) (balance 70m).
        // t=3 (the cure): the arrears bear 12.7405m × 3% = 0.382215m (13.122715m); due 2.1m + 10m; paid with the
        //      arrears: interest 2.1m + 0.1905m + 0.382215m = 2.672715m, principal 10m + 12.55m = 22.55m (25.222715m).
        // t=4: as without the lever, 60m × 3% = 1.8m and 10m.
        double[] interest = [3e6, 2.7e6, 2.4e6, 2.672715e6, 1.8e6];
        double[] principal = [10e6, 3.65e6, 3.8e6, 22.55e6, 10e6];
        double[] arrears = [0, 6.35e6, 12.7405e6, 0, 0];
        double[] balance = [90e6, 80e6, 70e6, 60e6, 50e6];
        for (int t = 0; t < interest.Length; t++)
        {
            Assert.Equal(interest[t], Deal.Ledger("interest MinerLoan", t, "Cured"), 1e-6);
            Assert.Equal(principal[t], Deal.Ledger("principal MinerLoan", t, "Cured"), 1e-6);
            Assert.Equal(arrears[t], Deal.Ledger("MinerLoan arrears", t, "Cured"), 1e-6);
            Assert.Equal(balance[t], Deal.Ledger("MinerLoan balance", t, "Cured"), 1e-6);
        }

        // Cfads (and the DSCR on it) reads the cash received: 6.35m in t=1, not the 12.7m due; the cure's 25.222715m in t=3.
        // The notes' debt service in t=1 is their interest: t=0 swept 13m − 0.6m = 12.4m into them (47.6m left), so
        // 47.6m × 4% × 0.25 = 0.476m: a DSCR of 6.35m / 0.476m = 13.34x, not 12.7m / 0.476m = 26.68x.
        Assert.Equal(6.35e6, Deal.Ledger("Cash", 1, "Cured"), 1e-6);
        Assert.Equal(6.35e6 / 0.476e6, Deal.Ledger("Dscr", 1, "Cured"), 1e-9);
        Assert.Equal(25.222715e6, Deal.Ledger("Cash", 3, "Cured"), 1e-6);
        Assert.Equal(25.222715e6, Deal.Ledger("collections", 3, "Cured"), 1e-6);

        // Over the run: every principal received (100m), and the interest of the loan paying in full plus the arrears'
        // 0.572715m.
        LoanSummary cured = Deal.Outcomes["Cured"].Loans[0];
        LoanSummary paid = Deal.Outcomes["Base"].Loans[0];
        Assert.Equal(100e6, cured.PrincipalReceived, 1e-6);
        Assert.Equal(paid.InterestReceived + 0.572715e6, cured.InterestReceived, 1e-6);
        Assert.Equal(0.0, cured.Loss);
        // The summary's 'peak arrears': the most in arrears at a period's end, t=2's 12.7405m; none paying in full.
        Assert.Equal(12.7405e6, cured.PeakArrears, 1e-6);
        Assert.Equal(0.0, paid.PeakArrears);
        // Cured, the arrears' interest was received as interest: none left in a claim, a sale or at the end.
        Assert.Equal(0.0, cured.ArrearsInterest);
    }

    [Fact]
    public void ADefaultInTheWindowRecoversOnTheBalanceAndTheArrears()
    {
        // t=1 as above: 2.7m interest, 3.65m principal, arrears 6.35m, balance 80m. t=2: Miner defaults (2026-08-15):
        // nothing received; the claim is 80m + 6.35m = 86.35m (nothing accrues in the default period), 40% of it,
        // 34.54m, recovered and 51.81m lost. 10m + 3.65m + 34.54m + 51.81m = 100m.
        Assert.Equal(3.65e6, Deal.Ledger("principal MinerLoan", 1, "Defaulted"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("interest MinerLoan", 2, "Defaulted"));
        Assert.Equal(34.54e6, Deal.Ledger("recovery MinerLoan", 2, "Defaulted"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan arrears", 2, "Defaulted"));
        Assert.Equal(0.0, Deal.Ledger("MinerLoan balance", 2, "Defaulted"));
        LoanSummary loan = Deal.Outcomes["Defaulted"].Loans[0];
        Assert.Equal(34.54e6, loan.Recovery, 1e-6);
        Assert.Equal(51.81e6, loan.Loss, 1e-6);
        // The arrears were all principal (6.35m unpaid of 10m due) and bore nothing yet: no interest among them.
        Assert.Equal(0.0, loan.ArrearsInterest, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void AShareOfAHundredPercentIsTheLoanPayingInFull()
    {
        // (1 − 100%) × due is exactly 0: nothing in arrears, and every column of every period as without the lever.
        ScenarioOutcome inFull = Deal.Outcomes["InFull"], paid = Deal.Outcomes["Base"];
        Assert.Equal(paid.Ledger!.Periods, inFull.Ledger!.Periods);
        for (int t = 0; t < paid.Ledger.Periods; t++)
        {
            for (int k = 0; k < paid.Ledger.Columns; k++)
            {
                Assert.Equal(paid.Ledger[t, k], inFull.Ledger[t, k]);
            }
        }
    }

    [Fact]
    public void PaidInPartToTheMaturityTheArrearsAreADefaultAfterIt()
    {
        // From 2028Q1 (t=8) on it pays 50%: t=8 due 20m × 3% = 0.6m and 10m, paid 5.3m (0.6m interest, 4.7m principal),
        // arrears 5.3m; t=9 (maturity, 2028Q2) arrears bear 0.159m (5.459m); due 0.3m and 10m, paid 5.15m (0.3m, 4.85m):
        // arrears 10.609m. t=10, after the maturity, the unpaid arrears are a default: 40% of 10.609m = 4.2436m recovered,
        // 6.3654m lost. Principal 80m + 4.7m + 4.85m = 89.55m; 89.55m + 4.2436m + 6.3654m = 100.159m, the lent 100m and
        // the 0.159m of interest the arrears bore.
        Assert.Equal(5.3e6, Deal.Ledger("MinerLoan arrears", 8, "ToMaturity"), 1e-6);
        Assert.Equal(10.609e6, Deal.Ledger("MinerLoan arrears", 9, "ToMaturity"), 1e-6);
        Assert.Equal(4.2436e6, Deal.Ledger("recovery MinerLoan", 10, "ToMaturity"), 1e-6);
        LoanSummary loan = Deal.Outcomes["ToMaturity"].Loans[0];
        Assert.Equal(89.55e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(6.3654e6, loan.Loss, 1e-6);
        // No party defaulted: the summary dates the loan's default at the end of its default period, t=10.
        Assert.Equal(new DealLang.Runtime.Date(2028, 9, 30), loan.DefaultDate);
        // The summary's 'arrears interest': of the 10.609m claim, 5.3m + 5.15m = 10.45m is unpaid principal and 0.159m
        // interest, which lifts the parts above the 100m lent.
        Assert.Equal(0.159e6, loan.ArrearsInterest, 1e-6);
        Assert.Equal(100e6 + loan.ArrearsInterest, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }
}
