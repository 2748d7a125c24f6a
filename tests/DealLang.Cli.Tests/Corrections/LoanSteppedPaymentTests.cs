using DealLang.Compiler;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's obligor paying in part with a share that steps by period, several windows for one loan in one scenario
/// (docs/language.md §10 "Partial payments"): each period's share is that of the window holding it; arrears carry on,
/// bearing interest, into a window that follows with no period between, and are cured in the first period in no window
/// (a gap between two windows cures, the next window starting new arrears); a last window without 'to' runs to the
/// maturity, its arrears then a default on the balance and the arrears. Windows are written in time order, sharing no
/// period (DL0590), only the last without 'to' (DL0591); two windows are not the lever set twice (no DL0507). Before
/// the change the second window replaced the first (DL0507, "the last one is used"). SmallDeal runs with the cash check
/// on. Figures compared to 1e-6 (a millionth of a unit of money: the sums are a few decimals of millions).
/// </summary>
public sealed class LoanSteppedPaymentTests
{
    private const double Tolerance = 1e-6;

    // Quarterly, 30/360 (every year fraction 0.25), twelve periods 2026Q1..2028Q4. MinerLoan 100m at 12% (3% a quarter),
    // linear to 2028-06-30: ten quarters of 10m principal (t=0..9). A window's periods are those whose ends first reach
    // its dates: 'from 2026-04-01 to 2026-06-30' is Q2 (t=1), 'from 2026-07-01 to 2026-09-30' Q3 (t=2).
    private const string Source = """
        deal Stepped {
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

        scenario Base for Stepped { }
        scenario StepsUp for Stepped {
          MinerLoan pays 40% from 2026-04-01 to 2026-06-30
          MinerLoan pays 70% from 2026-07-01 to 2026-09-30
        }
        scenario Gap for Stepped {
          MinerLoan pays 40% from 2026-04-01 to 2026-06-30
          MinerLoan pays 70% from 2026-10-01 to 2026-12-31
        }
        scenario OpenLast for Stepped {
          MinerLoan pays 40% from 2027-10-01 to 2027-12-31
          MinerLoan pays 70% from 2028-01-01
        }
        scenario One for Stepped { MinerLoan pays 50% from 2026-04-01 to 2026-09-30 }
        scenario Split for Stepped {
          MinerLoan pays 50% from 2026-04-01 to 2026-06-30
          MinerLoan pays 50% from 2026-07-01 to 2026-09-30
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    private static void AssertColumns(SmallDeal deal, string scenario, double[] interest, double[] principal, double[] arrears)
    {
        for (int t = 0; t < interest.Length; t++)
        {
            Assert.Equal(interest[t], deal.Ledger("interest MinerLoan", t, scenario), Tolerance);
            Assert.Equal(principal[t], deal.Ledger("principal MinerLoan", t, scenario), Tolerance);
            Assert.Equal(arrears[t], deal.Ledger("MinerLoan arrears", t, scenario), Tolerance);
        }
    }

    [Fact]
    public void SeveralWindowsOfOneLoanAreNotTheLeverSetTwice()
    {
        Assert.Empty(Deal.Diagnostics);
    }

    [Fact]
    public void TwoAdjacentWindowsStepUpAndCarryTheArrearsWithTheirInterestToTheCure()
    {
        // t=0: 100m × 3% = 3m interest, 10m principal (balance 90m).
        // t=1 (40%): due 90m × 3% = 2.7m and 10m = 12.7m; paid 40% = 5.08m, interest first: 2.7m interest, 2.38m
        //      principal; arrears 7.62m, all principal (balance 80m).
        // t=2 (70%, no period between: no cure): the arrears bear 7.62m × 3% = 0.2286m (7.8486m); due 2.4m + 10m =
        //      12.4m, paid 70% = 8.68m: 2.4m interest, 6.28m principal; unpaid 3.72m principal: arrears 7.8486m + 3.72m =
        //      11.5686m (11.34m principal) (balance 70m).
        // t=3 (the cure): the arrears bear 11.5686m × 3% = 0.347058m (11.915658m); due 2.1m + 10m; paid with the arrears:
        //      interest 2.1m + 11.915658m − 11.34m = 2.675658m, principal 10m + 11.34m = 21.34m.
        // t=4: as without the lever, 60m × 3% = 1.8m and 10m.
        AssertColumns(Deal, "StepsUp",
            interest: [3e6, 2.7e6, 2.4e6, 2.675658e6, 1.8e6],
            principal: [10e6, 2.38e6, 6.28e6, 21.34e6, 10e6],
            arrears: [0, 7.62e6, 11.5686e6, 0, 0]);
        // Over the run: every principal (100m), and the interest paying in full plus the arrears' 0.2286m + 0.347058m.
        LoanSummary stepped = Deal.Outcomes["StepsUp"].Loans[0], paid = Deal.Outcomes["Base"].Loans[0];
        Assert.Equal(100e6, stepped.PrincipalReceived, Tolerance);
        Assert.Equal(paid.InterestReceived + 0.575658e6, stepped.InterestReceived, Tolerance);
        Assert.Equal(11.5686e6, stepped.PeakArrears, Tolerance);
        Assert.Equal(0.0, stepped.Loss);
    }

    [Fact]
    public void AGapPeriodBetweenTwoWindowsCuresAndTheNextStartsNewArrears()
    {
        // t=1 (40%): as above, 2.7m interest, 2.38m principal, arrears 7.62m (balance 80m).
        // t=2 (in no window, the cure): the arrears bear 0.2286m (7.8486m); due 2.4m + 10m; interest 2.4m + 0.2286m =
        //      2.6286m, principal 10m + 7.62m = 17.62m; arrears 0 (balance 70m).
        // t=3 (70%): due 70m × 3% = 2.1m and 10m = 12.1m, paid 8.47m: 2.1m interest, 6.37m principal; arrears 3.63m,
        //      new and all principal (balance 60m).
        // t=4 (the cure): the arrears bear 3.63m × 3% = 0.1089m; due 1.8m + 10m; interest 1.8m + 0.1089m = 1.9089m,
        //      principal 10m + 3.63m = 13.63m.
        // t=5: as without the lever, 50m × 3% = 1.5m and 10m.
        AssertColumns(Deal, "Gap",
            interest: [3e6, 2.7e6, 2.6286e6, 2.1e6, 1.9089e6, 1.5e6],
            principal: [10e6, 2.38e6, 17.62e6, 6.37e6, 13.63e6, 10e6],
            arrears: [0, 7.62e6, 0, 3.63e6, 0, 0]);
        LoanSummary gap = Deal.Outcomes["Gap"].Loans[0], paid = Deal.Outcomes["Base"].Loans[0];
        Assert.Equal(100e6, gap.PrincipalReceived, Tolerance);
        Assert.Equal(paid.InterestReceived + 0.2286e6 + 0.1089e6, gap.InterestReceived, Tolerance);
    }

    [Fact]
    public void ALastWindowWithoutToRunsToTheMaturityAndItsArrearsAreThenADefault()
    {
        // t=0..6 as without the lever: 70m of principal (balance 30m).
        // t=7 (2027Q4, 40%): due 30m × 3% = 0.9m and 10m = 10.9m, paid 4.36m: 0.9m interest, 3.46m principal; arrears
        //      6.54m (balance 20m).
        // t=8 (2028Q1, 70% from here to the maturity): the arrears bear 6.54m × 3% = 0.1962m (6.7362m); due 0.6m + 10m =
        //      10.6m, paid 7.42m: 0.6m interest, 6.82m principal; arrears 6.7362m + 3.18m = 9.9162m (balance 10m).
        // t=9 (the maturity): the arrears bear 9.9162m × 3% = 0.297486m (10.213686m); due 0.3m + 10m = 10.3m, paid
        //      7.21m: 0.3m interest, 6.91m principal; arrears 10.213686m + 3.09m = 13.303686m (balance 0).
        // t=10: after the maturity the arrears are a default: the claim is balance 0 + arrears 13.303686m; 40% =
        //      5.3214744m recovered, 7.9822116m lost.
        AssertColumns(Deal, "OpenLast",
            interest: [3e6, 2.7e6, 2.4e6, 2.1e6, 1.8e6, 1.5e6, 1.2e6, 0.9e6, 0.6e6, 0.3e6],
            principal: [10e6, 10e6, 10e6, 10e6, 10e6, 10e6, 10e6, 3.46e6, 6.82e6, 6.91e6],
            arrears: [0, 0, 0, 0, 0, 0, 0, 6.54e6, 9.9162e6, 13.303686e6]);
        Assert.Equal(5.3214744e6, Deal.Ledger("recovery MinerLoan", 10, "OpenLast"), Tolerance);
        LoanSummary loan = Deal.Outcomes["OpenLast"].Loans[0];
        // Principal 70m + 3.46m + 6.82m + 6.91m = 87.19m; the arrears' interest 0.1962m + 0.297486m = 0.493686m:
        // 87.19m + 5.3214744m + 7.9822116m = 100.493686m, the lent 100m and that interest.
        Assert.Equal(87.19e6, loan.PrincipalReceived, Tolerance);
        Assert.Equal(5.3214744e6, loan.Recovery, Tolerance);
        Assert.Equal(7.9822116e6, loan.Loss, Tolerance);
        Assert.Equal(0.493686e6, loan.ArrearsInterest, Tolerance);
        Assert.Equal(new DealLang.Runtime.Date(2028, 9, 30), loan.DefaultDate);
        Assert.Equal(100e6 + loan.ArrearsInterest, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, Tolerance);
    }

    [Fact]
    public void OneWindowGivesTodaysFiguresAndIsTwoAdjacentWindowsAtItsShare()
    {
        // One window at 50% over t=1..2 (LoanPartialPaymentTests.HalfPaidForTwoQuartersThenCured, by hand): t=1 paid
        // 6.35m of 12.7m (2.7m interest, 3.65m principal), arrears 6.35m; t=2 arrears 6.35m + 0.1905m + 6.2m = 12.7405m;
        // t=3 the cure, interest 2.1m + 0.1905m + 0.382215m = 2.672715m, principal 10m + 12.55m = 22.55m.
        AssertColumns(Deal, "One",
            interest: [3e6, 2.7e6, 2.4e6, 2.672715e6, 1.8e6],
            principal: [10e6, 3.65e6, 3.8e6, 22.55e6, 10e6],
            arrears: [0, 6.35e6, 12.7405e6, 0, 0]);
        // The same window cut in two adjacent ones at the same share: every column of every period, bit for bit.
        ScenarioOutcome one = Deal.Outcomes["One"], split = Deal.Outcomes["Split"];
        for (int t = 0; t < one.Ledger!.Periods; t++)
        {
            for (int k = 0; k < one.Ledger.Columns; k++)
            {
                Assert.Equal(one.Ledger[t, k], split.Ledger![t, k]);
            }
        }
    }

    [Fact]
    public void OnMonteCarloPathsTheWindowsAreTheSameOnEveryPath()
    {
        // The steps of StepsUp in a stochastic scenario with the miner's default drawn (20% a year): every path's figures
        // are those of its draws written as a dated scenario, bit for bit (the windows in both), and a path whose default
        // comes after 2027Q1 (t=4), or never, has StepsUp's hand-checked figures through t=4.
        const int paths = 200;
        string source = Source + """

            scenario Drawn for Stepped {
              paths 200
              seed  11
              Miner defaults drawn pd 20% per year
              MinerLoan pays 40% from 2026-04-01 to 2026-06-30
              MinerLoan pays 70% from 2026-07-01 to 2026-09-30
            }
            """;
        double[] interest = [3e6, 2.7e6, 2.4e6, 2.675658e6, 1.8e6];
        double[] principal = [10e6, 2.38e6, 6.28e6, 21.34e6, 10e6];
        int late = 0, early = 0;
        DrawnAgainstDated.EachPath(source, "Drawn", 11, paths, (deal, spec, result, expected) =>
        {
            Assert.Equal(2, spec.LoanPayments[0]!.Length);
            Assert.Equal(expected.LoanInterest[0], result.LoanInterest[0]);
            Assert.Equal(expected.LoanPrincipal[0], result.LoanPrincipal[0]);
            Assert.Equal(expected.LoanRecovery[0], result.LoanRecovery[0]);
            Assert.Equal(expected.LoanLoss[0], result.LoanLoss[0]);
            if (result.LoanDefaultPeriod[0] is >= 0 and <= 4)
            {
                early++;
                return;
            }

            late++;
            for (int t = 0; t < interest.Length; t++)
            {
                Assert.Equal(interest[t], result.LoanInterest[0][t], Tolerance);
                Assert.Equal(principal[t], result.LoanPrincipal[0][t], Tolerance);
            }
        });

        // Both kinds of path are there, so both checks mean something.
        Assert.InRange(late, 20, paths);
        Assert.InRange(early, 20, paths);
    }

    // Quarterly on month ends from 2028-12-31 to 2029-12-31, 30/360 (MonthEndScenarioLeverTests' deal). Under
    // `preceding` Saturday 2029-03-31, Saturday 2029-06-30 and Sunday 2029-09-30 are paid on Fridays 03-30, 06-29 and
    // 09-28; Monday 2029-12-31 stays. MinerLoan: 100m at 12% (3% a quarter), linear to 2029-12-31, 25m a quarter.
    private static string MonthEnds(string businessDays) => $$"""
        deal Levers {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          {{businessDays}}

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 12% fixed  amortize linear  maturity 2029-12-31  recovery 40% }

          tranche Notes { balance 60m  coupon 5% }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Owners
          }
        }

        scenario QuarterEnds for Levers {
          MinerLoan pays 40% from 2029-03-31 to 2029-03-31
          MinerLoan pays 70% from 2029-06-30 to 2029-06-30
        }
        scenario Sunday for Levers {
          MinerLoan pays 40% from 2029-03-31 to 2029-06-30
          MinerLoan pays 70% from 2029-07-01 to 2029-09-30
        }
        """;

    [Fact]
    public void UnderPrecedingOnMonthEndsWindowsDatedOnQuarterEndsNameThoseQuarters()
    {
        // Saturday 2029-03-31 names the first quarter (paid Friday 03-30), Saturday 06-30 the second: the windows are t=0
        // (40%) and t=1 (70%), adjacent; the cure t=2. Compared as written with the ends as paid they would be t=1, t=2.
        // t=0: due 3m + 25m = 28m, paid 11.2m: 3m interest, 8.2m principal; arrears 16.8m (balance 75m).
        // t=1: the arrears bear 0.504m (17.304m); due 2.25m + 25m = 27.25m, paid 19.075m: 2.25m interest, 16.825m
        //      principal; arrears 17.304m + 8.175m = 25.479m (24.975m principal) (balance 50m).
        // t=2 (the cure): the arrears bear 25.479m × 3% = 0.76437m (26.24337m); interest 1.5m + 26.24337m − 24.975m =
        //      2.76837m, principal 25m + 24.975m = 49.975m.
        // Sunday: 40% 'from 2029-03-31 to 2029-06-30' is t=0..1; Sunday 2029-07-01 is no schedule date, so it stays
        // after Friday 06-29: 70% 'from 2029-07-01 to 2029-09-30' is t=2, adjacent (the checker places it so too).
        // t=0 as above; t=1 (40%): arrears 17.304m + 16.35m unpaid of 27.25m = 33.654m (33.15m principal), 2.25m interest,
        //      8.65m principal; t=2 (70%): the arrears bear 1.00962m (34.66362m); due 1.5m + 25m = 26.5m, paid 18.55m:
        //      1.5m interest, 17.05m principal; arrears 34.66362m + 7.95m = 42.61362m (41.1m principal);
        // t=3 (the cure, the maturity): the arrears bear 1.2784086m (43.8920286m); interest 0.75m + 43.8920286m − 41.1m =
        //      3.5420286m, principal 25m + 41.1m = 66.1m.
        foreach (string businessDays in new[] { "", "business_days preceding unadjusted" })
        {
            var deal = new SmallDeal(MonthEnds(businessDays));
            Assert.Empty(deal.Diagnostics);
            AssertColumns(deal, "QuarterEnds",
                interest: [3e6, 2.25e6, 2.76837e6, 0.75e6],
                principal: [8.2e6, 16.825e6, 49.975e6, 25e6],
                arrears: [16.8e6, 25.479e6, 0, 0]);
            AssertColumns(deal, "Sunday",
                interest: [3e6, 2.25e6, 1.5e6, 3.5420286e6],
                principal: [8.2e6, 8.65e6, 17.05e6, 66.1e6],
                arrears: [16.8e6, 33.654e6, 42.61362e6, 0]);
        }
    }

    [Theory]
    // Sharing a period: 2026-08-15 is in Q3, the period 2026-09-30 names.
    [InlineData("from 2026-04-01 to 2026-09-30", "from 2026-08-15 to 2026-12-31", "DL0590", "2026-08-15",
        "scenario 'Bad': the partial payments of loan 'MinerLoan' from 2026-08-15 start, not in a period after those from 2026-04-01 to 2026-09-30 written before them: write a loan's windows in time order, each starting in a period after the last one's 'to'")]
    // Out of time order.
    [InlineData("from 2027-01-01 to 2027-03-31", "from 2026-04-01 to 2026-06-30", "DL0590", "2026-04-01",
        "scenario 'Bad': the partial payments of loan 'MinerLoan' from 2026-04-01 start, not in a period after those from 2027-01-01 to 2027-03-31 written before them: write a loan's windows in time order, each starting in a period after the last one's 'to'")]
    // An open window before another: located on the open one.
    [InlineData("from 2026-04-01", "from 2027-01-01 to 2027-03-31", "DL0591", "MinerLoan pays 40% from 2026-04-01",
        "scenario 'Bad': the partial payments of loan 'MinerLoan' from 2026-04-01 have no 'to', so they run to the maturity, yet another window of the loan follows them: give them a 'to' date, or write them last")]
    public void WindowsThatShareAPeriodOrAreOutOfOrderOrFollowAnOpenOneAreErrors(string first, string second, string code, string at, string message)
    {
        string source = Source + $$"""

            scenario Bad for Stepped {
              MinerLoan pays 40% {{first}}
              MinerLoan pays 70% {{second}}
            }
            """;
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics);
        string[] lines = source.Split('\n');
        int line = Array.FindLastIndex(lines, l => l.Contains(at, StringComparison.Ordinal)) + 1;
        int column = lines[line - 1].IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error {code}: {message}", error.ToString());
    }
}
