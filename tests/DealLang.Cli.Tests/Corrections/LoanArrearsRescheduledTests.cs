using DealLang.Compiler;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A standstill that reschedules a loan's arrears ('MinerLoan pays 50% from DATE to DATE then arrears over 12m',
/// docs/language.md §10 "Arrears rescheduled"): the arrears left after the last window are repaid in equal principal
/// instalments over that many periods from the period after it, still bearing interest at the default rate, each
/// period's payment applied to the arrears' interest first; the rest falls due at the loan's maturity; a default during
/// the repayment takes the arrears outstanding into the claim, as a default in the window does. Figures to 1e-6 (money
/// worked by hand to the cent and below); SmallDeal checks cash conservation in every period of every scenario.
/// </summary>
public sealed class LoanArrearsRescheduledTests
{
    // LoanPartialPaymentTests' deal: quarterly, 30/360 (every year fraction 0.25), MinerLoan 100m at 12% (3% a quarter),
    // linear 10m a quarter to 2028-06-30 (t=0..9, the maturity period t=9), no default interest (the arrears bear the
    // coupon). The window 'from 2026-04-01 to 2026-09-30' is t=1, t=2; '12m' is four quarters, t=3..6.
    private const string Source = """
        deal Standstill {
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
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Cured for Standstill { MinerLoan pays 50% from 2026-04-01 to 2026-09-30 }
        scenario Rescheduled for Standstill { MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears over 12m }
        scenario OnePeriod for Standstill { MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears over 3m }
        scenario PastMaturity for Standstill { MinerLoan pays 50% from 2027-07-01 to 2027-12-31 then arrears over 2y }
        scenario DefaultsInRepayment for Standstill {
          MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears over 12m
          Miner defaults on 2027-02-15
        }
        scenario Capitalised for Standstill { MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears capitalised }
        scenario DefaultsCapitalised for Standstill {
          MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears capitalised
          Miner defaults on 2027-02-15
        }
        scenario Stepped for Standstill {
          MinerLoan pays 40% from 2026-04-01 to 2026-06-30
          MinerLoan pays 70% from 2026-07-01 to 2026-09-30 then arrears over 6m
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheArrearsAreRepaidInFourEqualInstalmentsBearingInterest()
    {
        // t=1, t=2 as LoanPartialPaymentTests: the arrears at the window's end (t=2) are A = 12.7405m, 12.55m principal and
        // 0.1905m interest; each instalment's principal is A / 4 = 3.185125m.
        // t=3 (k = 4 left): they bear 12.7405m × 3% = 0.382215m (13.122715m); paid 0.382215m + 3.185125m = 3.56734m
        //      (13.122715m − 12.7405m × 3/4), interest first: 0.1905m + 0.382215m = 0.572715m of interest, 2.994625m of
        //      principal; arrears 9.555375m, all principal. Received: 2.1m + 0.572715m, 10m + 2.994625m.
        // t=4 (k = 3): they bear 9.555375m × 3% = 0.28666125m; paid 0.28666125m + 3.185125m; arrears 6.37025m.
        //      Received: 1.8m + 0.28666125m, 10m + 3.185125m.
        // t=5 (k = 2): they bear 6.37025m × 3% = 0.1911075m; paid 0.1911075m + 3.185125m; arrears 3.185125m.
        // t=6 (k = 1, the last): they bear 3.185125m × 3% = 0.09555375m and are paid in full.
        double[] interest = [3e6, 2.7e6, 2.4e6, 2.672715e6, 2.08666125e6, 1.6911075e6, 1.29555375e6, 0.9e6];
        double[] principal = [10e6, 3.65e6, 3.8e6, 12.994625e6, 13.185125e6, 13.185125e6, 13.185125e6, 10e6];
        double[] arrears = [0, 6.35e6, 12.7405e6, 9.555375e6, 6.37025e6, 3.185125e6, 0, 0];
        double[] balance = [90e6, 80e6, 70e6, 60e6, 50e6, 40e6, 30e6, 20e6];
        for (int t = 0; t < interest.Length; t++)
        {
            Assert.Equal(interest[t], Deal.Ledger("interest MinerLoan", t, "Rescheduled"), 1e-6);
            Assert.Equal(principal[t], Deal.Ledger("principal MinerLoan", t, "Rescheduled"), 1e-6);
            Assert.Equal(arrears[t], Deal.Ledger("MinerLoan arrears", t, "Rescheduled"), 1e-6);
            Assert.Equal(balance[t], Deal.Ledger("MinerLoan balance", t, "Rescheduled"), 1e-6);
            // The loan is the deal's only collateral: what it pays is what the deal collects.
            Assert.Equal(interest[t] + principal[t], Deal.Ledger("collections", t, "Rescheduled"), 1e-6);
        }

        // Over the run: the 100m lent, and the interest of the loan paying in full plus what the arrears bore,
        // 0.1905m + 0.382215m + 0.28666125m + 0.1911075m + 0.09555375m = 1.1460375m (cured at once: 0.572715m).
        LoanSummary rescheduled = Deal.Outcomes["Rescheduled"].Loans[0];
        LoanSummary cured = Deal.Outcomes["Cured"].Loans[0];
        Assert.Equal(100e6, rescheduled.PrincipalReceived, 1e-6);
        Assert.Equal(cured.InterestReceived - 0.572715e6 + 1.1460375e6, rescheduled.InterestReceived, 1e-6);
        Assert.Equal(0.0, rescheduled.Loss);
        Assert.Equal(0.0, rescheduled.ArrearsInterest);
    }

    [Fact]
    public void OverOnePeriodIsTheCureAtOnce_ToTheLastDigit()
    {
        // 'over 3m' on a quarterly deal is one instalment, in the period after the window: the cure as without the clause.
        for (int t = 0; t < 12; t++)
        {
            foreach (string column in new[] { "interest MinerLoan", "principal MinerLoan", "MinerLoan arrears", "MinerLoan balance" })
            {
                Assert.Equal(Deal.Ledger(column, t, "Cured"), Deal.Ledger(column, t, "OnePeriod"));
            }
        }
    }

    [Fact]
    public void TheRestFallsDueAtTheLoansMaturity()
    {
        // Window t=6, t=7 (2027Q3, Q4) on a balance of 40m: t=6 due 1.2m + 10m, paid 5.6m (1.2m, 4.4m), arrears 5.6m;
        // t=7 they bear 0.168m, due 0.9m + 10m, paid 5.45m (0.9m, 4.55m): arrears 5.6m + 0.168m + 5.45m = 11.218m
        // (11.05m principal, 0.168m interest). 'over 2y' is eight quarters, t=8..15, but the loan matures in t=9.
        // t=8 (k = 8): they bear 11.218m × 3% = 0.33654m (11.55454m); paid 11.55454m − 11.218m × 7/8 = 1.73879m, interest
        //      first: 0.168m + 0.33654m = 0.50454m, then 1.23425m of principal; arrears 9.81575m, all principal.
        //      Received 0.6m + 0.50454m, 10m + 1.23425m.
        // t=9 (the maturity): they bear 9.81575m × 3% = 0.2944725m and all fall due with the last 10m:
        //      received 0.3m + 0.2944725m, 10m + 9.81575m.
        Assert.Equal(11.218e6, Deal.Ledger("MinerLoan arrears", 7, "PastMaturity"), 1e-6);
        Assert.Equal(1.10454e6, Deal.Ledger("interest MinerLoan", 8, "PastMaturity"), 1e-6);
        Assert.Equal(11.23425e6, Deal.Ledger("principal MinerLoan", 8, "PastMaturity"), 1e-6);
        Assert.Equal(9.81575e6, Deal.Ledger("MinerLoan arrears", 8, "PastMaturity"), 1e-6);
        Assert.Equal(0.5944725e6, Deal.Ledger("interest MinerLoan", 9, "PastMaturity"), 1e-6);
        Assert.Equal(19.81575e6, Deal.Ledger("principal MinerLoan", 9, "PastMaturity"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan arrears", 9, "PastMaturity"));
        Assert.Equal(0.0, Deal.Ledger("principal MinerLoan", 10, "PastMaturity"));
        LoanSummary loan = Deal.Outcomes["PastMaturity"].Loans[0];
        Assert.Equal(100e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(0.0, loan.Loss);
        Assert.Equal(0.0, loan.Recovery);
    }

    [Fact]
    public void ADefaultDuringTheRepaymentRecoversOnTheBalanceAndTheArrearsOutstanding()
    {
        // t=3 as rescheduled: 2.994625m of the arrears' principal received, 9.555375m left (all principal), balance 60m.
        // t=4: Miner defaults (2027-02-15): nothing received; the claim is 60m + 9.555375m = 69.555375m (nothing accrues
        // in the default period), 40% of it, 27.82215m, recovered and 41.733225m lost.
        // Principal: 10m + 3.65m + 3.8m + 12.994625m = 30.444625m; 30.444625m + 27.82215m + 41.733225m = 100m.
        Assert.Equal(12.994625e6, Deal.Ledger("principal MinerLoan", 3, "DefaultsInRepayment"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("interest MinerLoan", 4, "DefaultsInRepayment"));
        Assert.Equal(0.0, Deal.Ledger("principal MinerLoan", 4, "DefaultsInRepayment"));
        Assert.Equal(27.82215e6, Deal.Ledger("recovery MinerLoan", 4, "DefaultsInRepayment"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan arrears", 4, "DefaultsInRepayment"));
        LoanSummary loan = Deal.Outcomes["DefaultsInRepayment"].Loans[0];
        Assert.Equal(30.444625e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(27.82215e6, loan.Recovery, 1e-6);
        Assert.Equal(41.733225e6, loan.Loss, 1e-6);
        Assert.Equal(0.0, loan.ArrearsInterest, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void SteppedWindowsRescheduleTheLastWindowsArrears()
    {
        // LoanSteppedPaymentTests' figures: 40% in t=1 then 70% in t=2 leave 11.5686m in arrears (11.34m principal,
        // 0.2286m interest). 'over 6m' is two instalments, t=3 and t=4, of 5.7843m of principal each.
        // t=3 (k = 2): they bear 11.5686m × 3% = 0.347058m (11.915658m); paid 11.915658m − 5.7843m = 6.131358m, interest
        //      first: 0.2286m + 0.347058m = 0.575658m, then 5.5557m of principal; arrears 5.7843m, all principal.
        //      Received 2.1m + 0.575658m, 10m + 5.5557m.
        // t=4 (k = 1): they bear 5.7843m × 3% = 0.173529m, paid in full: 1.8m + 0.173529m, 10m + 5.7843m.
        Assert.Equal(11.5686e6, Deal.Ledger("MinerLoan arrears", 2, "Stepped"), 1e-6);
        Assert.Equal(2.675658e6, Deal.Ledger("interest MinerLoan", 3, "Stepped"), 1e-6);
        Assert.Equal(15.5557e6, Deal.Ledger("principal MinerLoan", 3, "Stepped"), 1e-6);
        Assert.Equal(5.7843e6, Deal.Ledger("MinerLoan arrears", 3, "Stepped"), 1e-6);
        Assert.Equal(1.973529e6, Deal.Ledger("interest MinerLoan", 4, "Stepped"), 1e-6);
        Assert.Equal(15.7843e6, Deal.Ledger("principal MinerLoan", 4, "Stepped"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan arrears", 4, "Stepped"));
    }

    [Fact]
    public void CapitalisedArrearsArePaidProRataWithTheSchedule()
    {
        // The arrears at the window's end, K = 12.7405m (0.1905m of it interest), become principal at the start of t=3,
        // when the schedule's balance is B = 70m with seven 10m instalments left (t=3..9). Each period pays K/B of what
        // the schedule has fall due: K × 3% of interest (K × I_t / B, I_t = B × 3%) and K × 10m / B of principal, so
        // K falls with B: K_t = 12.7405m × B_t / 70m, 12.7405m / 7 = 1.82007142857m of principal a quarter.
        // t=3: 2.1m + 12.7405m × 3% = 2.482215m of interest, 10m + 1.82007142857m of principal; K = 10.92042857m.
        // t=4: 1.8m + 10.92042857m × 3% = 2.12761286m; 11.82007143m; K = 9.10035714m.
        // t=9 (the maturity): 0.3m + 1.82007143m × 3% = 0.35460214m; 10m + 1.82007143m, K = 0.
        // (Capitalised, K bears the coupon; the loan has no default interest, so in the window it bore the coupon too.)
        double k = 12.7405e6 / 7;
        double[] interest = [2.482215e6, 1.8e6 + 0.03 * 6 * k, 1.5e6 + 0.03 * 5 * k, 1.2e6 + 0.03 * 4 * k, 0.9e6 + 0.03 * 3 * k,
            0.6e6 + 0.03 * 2 * k, 0.3e6 + 0.03 * k];
        for (int t = 3; t <= 9; t++)
        {
            Assert.Equal(interest[t - 3], Deal.Ledger("interest MinerLoan", t, "Capitalised"), 1e-6);
            Assert.Equal(10e6 + k, Deal.Ledger("principal MinerLoan", t, "Capitalised"), 1e-6);
            Assert.Equal(k * (9 - t), Deal.Ledger("MinerLoan arrears", t, "Capitalised"), 1e-6);
            Assert.Equal(10e6 * (9 - t), Deal.Ledger("MinerLoan balance", t, "Capitalised"), 1e-6);
        }

        // Over the run: the 100m lent and the 0.1905m of interest capitalised (what the arrears bore in t=2, reported as
        // the arrears' interest) received as principal; as interest, the schedule's (paid in full in the window, interest
        // first: cured at once, the loan received it and the arrears' 0.572715m) and what K bore as principal,
        // 3% × 12.7405m × (7 + 6 + ... + 1) / 7 = 1.52886m.
        LoanSummary loan = Deal.Outcomes["Capitalised"].Loans[0];
        LoanSummary cured = Deal.Outcomes["Cured"].Loans[0];
        Assert.Equal(100.1905e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(0.1905e6, loan.ArrearsInterest, 1e-6);
        Assert.Equal(cured.InterestReceived - 0.572715e6 + 1.52886e6, loan.InterestReceived, 1e-6);
        Assert.Equal(100e6 + loan.ArrearsInterest, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void ADefaultAfterCapitalisationRecoversOnTheBalanceAndWhatWasCapitalised()
    {
        // t=3 as capitalised: 10m + 1.82007142857m of principal, K = 10.92042857m, B = 60m. t=4: Miner defaults: the claim
        // is 60m + 10.92042857m = 70.92042857m, 40% recovered (28.36817143m), 42.55225714m lost. Principal received
        // 10m + 3.65m + 3.8m + 11.82007143m = 29.27007143m; with the recovery and the loss 100.1905m, the 100m lent and
        // the 0.1905m of interest capitalised.
        double claim = 60e6 + 12.7405e6 * 6 / 7;
        LoanSummary loan = Deal.Outcomes["DefaultsCapitalised"].Loans[0];
        Assert.Equal(0.4 * claim, loan.Recovery, 1e-6);
        Assert.Equal(0.6 * claim, loan.Loss, 1e-6);
        Assert.Equal(17.45e6 + 10e6 + 12.7405e6 / 7, loan.PrincipalReceived, 1e-6);
        Assert.Equal(0.1905e6, loan.ArrearsInterest, 1e-6);
        Assert.Equal(100.1905e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Theory]
    // Not whole quarters, at the length.
    [InlineData("MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears over 4m", "DL0580", "4m",
        "scenario 'Bad': the arrears of loan 'MinerLoan' are repaid over 4m, which is not a whole number of the deal's periods of 3 months above zero: write months or years that make whole periods (e.g. '12m', four instalments)")]
    [InlineData("MinerLoan pays 50% from 2026-04-01 to 2026-09-30 then arrears over 90d", "DL0580", "90d",
        "scenario 'Bad': the arrears of loan 'MinerLoan' are repaid over 90d, which is not a whole number of the deal's periods of 3 months above zero: write months or years that make whole periods (e.g. '12m', four instalments)")]
    // A window without 'to', at 'then arrears', over or capitalised.
    [InlineData("MinerLoan pays 50% from 2026-04-01 then arrears capitalised", "DL0596", "then arrears capitalised",
        "scenario 'Bad': the arrears of loan 'MinerLoan' are rescheduled, but its partial payments have no 'to': they run to the maturity, and their arrears are then a default, so there is no end of the window to repay them after: give the window a 'to' date, or remove 'then arrears'")]
    [InlineData("MinerLoan pays 50% then arrears over 1y", "DL0596", "then arrears over 1y",
        "scenario 'Bad': the arrears of loan 'MinerLoan' are rescheduled, but its partial payments have no 'to': they run to the maturity, and their arrears are then a default, so there is no end of the window to repay them after: give the window a 'to' date, or remove 'then arrears'")]
    // On a window another follows, at its 'then arrears'.
    [InlineData("MinerLoan pays 40% from 2026-04-01 to 2026-06-30 then arrears capitalised\n  MinerLoan pays 70% from 2026-07-01 to 2026-09-30",
        "DL0597", "then arrears capitalised",
        "scenario 'Bad': the arrears of loan 'MinerLoan' are rescheduled after a window that another window of the loan (from 2026-07-01) follows: the rescheduling is of the arrears left after the last window, so write 'then arrears' on the last window only")]
    public void AMisusedReschedulingIsAnErrorAtItsClause(string items, string code, string at, string message)
    {
        string source = Source + $$"""

            scenario Bad for Standstill {
              {{items}}
            }
            """;
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics);
        string[] lines = source.Split('\n');
        // The Bad scenario is last, and its clause is written nowhere before it.
        int line = Array.FindLastIndex(lines, l => l.Contains(at, StringComparison.Ordinal)) + 1;
        int column = lines[line - 1].IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error {code}: {message}", error.ToString());
    }

    [Theory]
    // The loan matures on 2028-06-30, t=9 (2028-04-01..06-30); t=8 ends 2028-03-31. 'over' after a window ending in
    // t=8 would begin its instalments in t=9, where all the arrears fall due; 'capitalised' after one ending in t=9 has
    // no schedule left. Both are warned of at 'then arrears' (DL0587) and run exactly as the window without the clause.
    [InlineData("MinerLoan pays 50% from 2027-10-01 to 2028-03-31 then arrears over 12m", "then arrears over 12m",
        "scenario 'Late': the arrears of loan 'MinerLoan' are rescheduled after a window ending on 2028-03-31, too late for a loan maturing on 2028-06-30: its instalments would begin in the loan's maturity period or after it, where all the arrears fall due, so they are paid at once after the window (or left outstanding at the run's end), as without 'then arrears', which changes nothing: end the window earlier, or remove 'then arrears'")]
    [InlineData("MinerLoan pays 50% from 2027-10-01 to 2028-06-30 then arrears capitalised", "then arrears capitalised",
        "scenario 'Late': the arrears of loan 'MinerLoan' are rescheduled after a window ending on 2028-06-30, too late for a loan maturing on 2028-06-30: no instalment of its schedule is left after the window to capitalise them into, so they are paid at once after the window (or left outstanding at the run's end), as without 'then arrears', which changes nothing: end the window earlier, or remove 'then arrears'")]
    [InlineData("MinerLoan pays 50% from 2027-10-01 to 2028-12-31 then arrears over 1y", "then arrears over 1y",
        "scenario 'Late': the arrears of loan 'MinerLoan' are rescheduled after a window ending on 2028-12-31, too late for a loan maturing on 2028-06-30: its instalments would begin in the loan's maturity period or after it, where all the arrears fall due, so they are paid at once after the window (or left outstanding at the run's end), as without 'then arrears', which changes nothing: end the window earlier, or remove 'then arrears'")]
    public void AReschedulingTooLateForTheLoanIsWarnedOfAndChangesNothing(string items, string at, string message)
    {
        string window = items[..items.IndexOf(" then", StringComparison.Ordinal)];
        string source = Source + $$"""

            scenario Late for Standstill {
              {{items}}
            }

            scenario Plain for Standstill {
              {{window}}
            }
            """;
        var deal = new SmallDeal(source);
        var warning = Assert.Single(deal.Diagnostics);
        string[] lines = source.Split('\n');
        int line = Array.FindLastIndex(lines, l => l.Contains(at, StringComparison.Ordinal)) + 1;
        int column = lines[line - 1].IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): warning DL0587: {message}", warning.ToString());

        // Cell by cell the same ledger as the window without the clause (the same arithmetic: exact to 1e-9 of a dollar).
        ScenarioOutcome late = deal.Outcomes["Late"], plain = deal.Outcomes["Plain"];
        Assert.Equal(plain.PeriodsRun, late.PeriodsRun);
        for (int t = 0; t < plain.PeriodsRun; t++)
        {
            for (int k = 0; k < plain.Ledger!.Columns; k++)
            {
                Assert.Equal(plain.Ledger[t, k], late.Ledger![t, k], 1e-9);
            }
        }
    }

    [Fact]
    public void ALoanMaturingAfterTheDealGetsDl0417AndNoDl0587()
    {
        // The loan's maturity typed a year past the deal's (2029-06-30 > 2028-12-31) is DL0417's error; the window would be
        // too late for the deal's maturity the check used to put in its place, and DL0587 named that date ("a loan maturing
        // on 2028-12-31"), which the user never wrote. It now waits for the maturity to be put right.
        string source = Source.Replace("maturity 2028-06-30  recovery", "maturity 2029-06-30  recovery", StringComparison.Ordinal) + """

            scenario Late for Standstill {
              MinerLoan pays 50% from 2028-04-01 to 2028-12-31 then arrears capitalised
            }
            """;
        var diagnostics = DealCompiler.Compile("small.deal", source).Diagnostics;
        Assert.Equal(["DL0417"], diagnostics.Select(d => d.Code));
    }

    [Theory]
    // The latest windows the clause still reschedules: 'over' after one ending in t=7 (2027-12-31) repays in t=8 and
    // t=9; 'capitalised' after one ending in t=8 pays them with t=9's instalment, as principal.
    [InlineData("MinerLoan pays 50% from 2027-10-01 to 2027-12-31 then arrears over 12m")]
    [InlineData("MinerLoan pays 50% from 2027-10-01 to 2028-03-31 then arrears capitalised")]
    public void AReschedulingInTimeIsNotWarnedOf(string items)
    {
        var deal = new SmallDeal(Source + $$"""

            scenario InTime for Standstill {
              {{items}}
            }
            """);
        Assert.Empty(deal.Diagnostics);
    }
}
