using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Running;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's recovery claim during its workout (docs/language.md, loan): 'accruing 8%' or 'accruing coupon' grows the
/// claim each period from the one after the default, one period's simple interest at the deal's day count compounded
/// into it, a stated rate capped by what the obligor owes (the defaulted balance at the coupon); 'in 4 instalments'
/// receives it in equal parts of what is left, one a period from the lag's end; a sale during the instalments sells
/// the rest. Every run here checks that cash is conserved in every period (SmallDeal).
/// </summary>
public sealed class LoanWorkoutTests
{
    // Quarterly, 30/360 (every year fraction is exactly 0.25), eight periods 2026Q1..2027Q4. MinerLoan 100m at 8%
    // bullet to 2027-12-31 (2m interest a quarter); Miner defaults in Q2 (t=1), so a 6m lag receives the claim from
    // Q4 (t=3 = 1 + 6 / 3). The note: 60m at 4%, swept with what is left.
    private static string Source(string recovery, string enforcement = "", string scenarios = "") => $$"""
        deal Workout {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 8% fixed  maturity 2027-12-31  {{recovery}} }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          test Cash = cfads
          test Claim = MinerLoan.balance
          test Performing = if MinerLoan.defaulted then 0 else MinerLoan.balance
          {{enforcement}}
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Q2Default for Workout { Miner defaults on 2026-05-15 }
        {{scenarios}}
        """;

    private static LoanSummary Loan(SmallDeal deal, string scenario = "Q2Default") => deal.Outcomes[scenario].Loans[0];

    // principal received + recovery + loss + sold + outstanding = the balance lent + what the claim accrued.
    private static void AddsUp(LoanSummary loan) =>
        Assert.Equal(100e6 + loan.WorkoutInterest, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);

    [Theory]
    [InlineData("accruing 8%")]
    [InlineData("accruing coupon")]
    public void TheClaimAccruesFromThePeriodAfterTheDefaultUntilItIsReceived(string accruing)
    {
        // Q2 (t=1): written down to 40% × 100m = 40m, 60m lost, nothing accrued in the default period. Q3 (t=2):
        // 40m × 8% × 0.25 = 0.8m accrued, the claim 40.8m. Q4 (t=3): 40.8m × 2% = 0.816m, the claim 41.616m
        // (= 40m × 1.02²), received whole. The loan's coupon is 8%, so 'accruing coupon' is the same.
        var deal = new SmallDeal(Source("recovery 40% after 6m " + accruing));
        double[] claimInterest = [0, 0, 0.8e6, 0.816e6, 0];
        double[] recovery = [0, 0, 0, 41.616e6, 0];
        double[] balance = [100e6, 40e6, 40.8e6, 0, 0];
        for (int t = 0; t < balance.Length; t++)
        {
            Assert.Equal(claimInterest[t], deal.Ledger("MinerLoan claim interest", t, "Q2Default"), 1e-6);
            Assert.Equal(recovery[t], deal.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
            Assert.Equal(balance[t], deal.Ledger("MinerLoan balance", t, "Q2Default"), 1e-6);
        }

        // MinerLoan.balance reads the claim outstanding at the period's start: 40.8m in Q4, before its accrual; a test
        // wanting only a performing balance tests MinerLoan.defaulted (set from the default period on): 100m in Q1, 0
        // from Q2.
        Assert.Equal(40.8e6, deal.Ledger("Claim", 3, "Q2Default"), 1e-6);
        Assert.Equal(100e6, deal.Ledger("Performing", 0, "Q2Default"), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Performing", 1, "Q2Default"));
        Assert.Equal(0.0, deal.Ledger("Performing", 3, "Q2Default"));
        LoanSummary loan = Loan(deal);
        Assert.Equal(41.616e6, loan.Recovery, 1e-6);
        Assert.Equal(60e6, loan.Loss, 1e-6);
        Assert.Equal(1.616e6, loan.WorkoutInterest, 1e-6);
        AddsUp(loan);
    }

    [Fact]
    public void AStatedRateAboveTheCouponIsCappedByWhatTheObligorOwes()
    {
        // recovery 100% accruing 20% on an 8% loan: the claim (100m) would grow 5% a quarter, but what is owed is the
        // defaulted 100m at the 8% coupon: Q3 owed 100m × 1.02 = 102m, so the claim accrues min(5m, 102m − 100m) = 2m;
        // Q4 owed 104.04m, the claim accrues min(102m × 5% = 5.1m, 104.04m − 102m = 2.04m) = 2.04m and 104.04m is
        // received: never more than the 100m with its contract interest.
        var deal = new SmallDeal(Source("recovery 100% after 6m accruing 20%"));
        Assert.Equal(2e6, deal.Ledger("MinerLoan claim interest", 2, "Q2Default"), 1e-6);
        Assert.Equal(2.04e6, deal.Ledger("MinerLoan claim interest", 3, "Q2Default"), 1e-6);
        LoanSummary loan = Loan(deal);
        Assert.Equal(104.04e6, loan.Recovery, 1e-6);
        Assert.Equal(0.0, loan.Loss, 1e-6);
        Assert.Equal(4.04e6, loan.WorkoutInterest, 1e-6);
        AddsUp(loan);
    }

    [Fact]
    public void DefaultInterestRaisesTheRateAClaimAccruingAtTheCouponAccruesAt()
    {
        // 'default_interest +2%' on the 8% loan: the default rate is 10% a year, 2.5% a quarter. Q2 (t=1) writes down to
        // 40m; Q3 (t=2) accrues 40m × 2.5% = 1m (claim 41m); Q4 (t=3) 41m × 2.5% = 1.025m and receives 42.025m
        // (= 40m × 1.025²; at the bare coupon it was 41.616m). Workout interest 2.025m; the loss is still 60m.
        var deal = new SmallDeal(Source("recovery 40% after 6m accruing coupon  default_interest +2%"));
        Assert.Empty(deal.Diagnostics);
        double[] claimInterest = [0, 0, 1e6, 1.025e6, 0];
        double[] recovery = [0, 0, 0, 42.025e6, 0];
        for (int t = 0; t < claimInterest.Length; t++)
        {
            Assert.Equal(claimInterest[t], deal.Ledger("MinerLoan claim interest", t, "Q2Default"), 1e-6);
            Assert.Equal(recovery[t], deal.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
        }

        LoanSummary loan = Loan(deal);
        Assert.Equal(42.025e6, loan.Recovery, 1e-6);
        Assert.Equal(60e6, loan.Loss, 1e-6);
        Assert.Equal(2.025e6, loan.WorkoutInterest, 1e-6);
        AddsUp(loan);
    }

    [Fact]
    public void DefaultInterestRaisesTheCapOnAClaimAccruingAtAStatedRate()
    {
        // recovery 100% accruing 20% (5% a quarter) with 'default_interest 2%': what is owed accrues at the default
        // rate, 8% + 2% = 10% a year, 2.5% a quarter. Q3 (t=2): owed 100m × 1.025 = 102.5m, the claim accrues
        // min(100m × 5% = 5m, 102.5m − 100m) = 2.5m; Q4 (t=3): owed 105.0625m, the claim accrues min(102.5m × 5% =
        // 5.125m, 105.0625m − 102.5m = 2.5625m) = 2.5625m, and 105.0625m is received (at the bare coupon's cap, 104.04m).
        // The claim accrues at its stated 20%, so the default interest only moves the cap: a warning says so (DL0434).
        var deal = new SmallDeal(Source("recovery 100% after 6m accruing 20%  default_interest 2%"));
        Assert.Equal("DL0434", Assert.Single(deal.Diagnostics).Code);
        Assert.Equal(2.5e6, deal.Ledger("MinerLoan claim interest", 2, "Q2Default"), 1e-6);
        Assert.Equal(2.5625e6, deal.Ledger("MinerLoan claim interest", 3, "Q2Default"), 1e-6);
        LoanSummary loan = Loan(deal);
        Assert.Equal(105.0625e6, loan.Recovery, 1e-6);
        Assert.Equal(5.0625e6, loan.WorkoutInterest, 1e-6);
        AddsUp(loan);

        // Below the cap the stated rate is what accrues, default interest or not: 40% at 8% is 41.616m, as without it.
        var below = new SmallDeal(Source("recovery 40% after 6m accruing 8%  default_interest 2%"));
        Assert.Equal(41.616e6, Loan(below).Recovery, 1e-6);
    }

    [Fact]
    public void InstalmentsReceiveEqualPartsOfWhatIsLeftFromTheLagsEnd()
    {
        // Without accrual: 40m in 4 instalments from Q4 (t=3): 10m at t=3, 4, 5, 6; the balance 40, 30, 20, 10, 0.
        var flat = new SmallDeal(Source("recovery 40% after 6m in 4 instalments"));
        double[] recovery = [0, 0, 0, 10e6, 10e6, 10e6, 10e6, 0];
        double[] balance = [100e6, 40e6, 40e6, 30e6, 20e6, 10e6, 0, 0];
        for (int t = 0; t < recovery.Length; t++)
        {
            Assert.Equal(recovery[t], flat.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
            Assert.Equal(balance[t], flat.Ledger("MinerLoan balance", t, "Q2Default"), 1e-6);
        }

        AddsUp(Loan(flat));

        // Accruing 8% (2% a quarter), each instalment the claim after this period's accrual over the instalments left:
        // t=2 40.8m; t=3 41.616m / 4 = 10.404m (31.212m left); t=4 31.83624m / 3 = 10.61208m (21.22416m left);
        // t=5 21.6486432m / 2 = 10.8243216m; t=6 10.8243216m × 1.02 = 11.040808032m, the last. Received 42.881209632m,
        // of which 2.881209632m accrued.
        var accruing = new SmallDeal(Source("recovery 40% after 6m accruing 8% in 4 instalments"));
        double[] parts = [0, 0, 0, 10.404e6, 10.61208e6, 10.8243216e6, 11.040808032e6, 0];
        for (int t = 0; t < parts.Length; t++)
        {
            Assert.Equal(parts[t], accruing.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
        }

        LoanSummary loan = Loan(accruing);
        Assert.Equal(42.881209632e6, loan.Recovery, 1e-6);
        Assert.Equal(2.881209632e6, loan.WorkoutInterest, 1e-6);
        AddsUp(loan);
    }

    [Fact]
    public void UnequalInstalmentsAreTheirSharesOfTheClaimAndOfWhatItAccrued()
    {
        // 'in instalments { 50% 30% 20% }' from Q4 (t=3): without accrual 50%, 30% and 20% of the 40m claim, 20m, 12m and
        // 8m at t=3, 4, 5; the balance 40, 40, 20, 8, 0 from t=1.
        var flat = new SmallDeal(Source("recovery 40% after 6m in instalments { 50% 30% 20% }"));
        double[] recovery = [0, 0, 0, 20e6, 12e6, 8e6, 0, 0];
        double[] balance = [100e6, 40e6, 40e6, 20e6, 8e6, 0, 0, 0];
        for (int t = 0; t < recovery.Length; t++)
        {
            Assert.Equal(recovery[t], flat.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
            Assert.Equal(balance[t], flat.Ledger("MinerLoan balance", t, "Q2Default"), 1e-6);
        }

        AddsUp(Loan(flat));

        // Accruing 8% (2% a quarter), instalment j takes s_j / (s_j + ... + s_last) of the claim after this period's
        // accrual: t=2 40.8m; t=3 41.616m × 50% / 100% = 20.808m (20.808m left); t=4 21.22416m × 30% / 50% =
        // 12.734496m (8.489664m left); t=5 8.65945728m × 20% / 20%, all of it. Received 42.20195328m, of which
        // 2.20195328m accrued: each instalment is its share of the claim at the default, grown by the accrual on it.
        var accruing = new SmallDeal(Source("recovery 40% after 6m accruing 8% in instalments { 50%, 30%, 20% }"));
        double[] parts = [0, 0, 0, 20.808e6, 12.734496e6, 8.65945728e6, 0, 0];
        for (int t = 0; t < parts.Length; t++)
        {
            Assert.Equal(parts[t], accruing.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
        }

        LoanSummary loan = Loan(accruing);
        Assert.Equal(42.20195328e6, loan.Recovery, 1e-6);
        Assert.Equal(2.20195328e6, loan.WorkoutInterest, 1e-6);
        AddsUp(loan);

        // Without a lag the first share comes in the default quarter (t=1): 25% of 40m, then the 30m left at t=2.
        var atOnce = new SmallDeal(Source("recovery 40% in instalments { 25% 75% }"));
        Assert.Equal(10e6, atOnce.Ledger("recovery MinerLoan", 1, "Q2Default"), 1e-6);
        Assert.Equal(30e6, atOnce.Ledger("recovery MinerLoan", 2, "Q2Default"), 1e-6);
        AddsUp(Loan(atOnce));
    }

    [Fact]
    public void WithoutALagTheFirstInstalmentComesInTheDefaultPeriod()
    {
        // recovery 40% in 4 instalments: 10m at t=1 (the default quarter), 2, 3, 4.
        var deal = new SmallDeal(Source("recovery 40% in 4 instalments"));
        double[] recovery = [0, 10e6, 10e6, 10e6, 10e6, 0];
        for (int t = 0; t < recovery.Length; t++)
        {
            Assert.Equal(recovery[t], deal.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
        }

        Assert.Equal(60e6, Loan(deal).Loss, 1e-6);
        AddsUp(Loan(deal));
    }

    [Fact]
    public void ASaleDuringTheInstalmentsSellsTheRestOfTheClaim()
    {
        // The event of default at the end of Q2 (t=1), the sale 9 months later in t=4: 10m came in at t=3 and 10m at
        // t=4, then the sale sells the 20m left for 20m × (1 − 25%) = 15m, and the run ends.
        var deal = new SmallDeal(Source("recovery 40% after 6m in 4 instalments", """
            default when MinerLoan.defaulted
              enforcement { sell MinerLoan haircut 25% lag 9m }
            """));
        Assert.Equal(15e6, deal.Ledger("sale proceeds", 4, "Q2Default"), 1e-6);
        Assert.Equal(5, deal.Outcomes["Q2Default"].PeriodsRun);
        LoanSummary loan = Loan(deal);
        Assert.Equal(20e6, loan.Recovery, 1e-6);
        Assert.Equal(20e6, loan.Sold, 1e-6);
        Assert.Equal(0.0, loan.Outstanding);
        AddsUp(loan);
    }

    [Fact]
    public void ADrawnDefaultLagsAccruesAndInstalsAsADatedOne()
    {
        // Path 0 of seed 4 draws Miner's default on 2026-04-12, in Q2 as Q2Default's: every ledger column of the
        // drawn path is the dated scenario's, the accrual and the instalments included.
        var deal = new SmallDeal(Source("recovery 40% after 6m accruing 8% in 4 instalments", scenarios: """
            scenario Drawn for Workout {
              paths 100
              seed 4
              Miner defaults drawn pd 40% per year
            }
            """));
        Assert.Equal(new DealLang.Runtime.Date(2026, 4, 12), Loan(deal, "Drawn").DefaultDate);
        var dated = deal.Outcomes["Q2Default"].Ledger!;
        var drawn = deal.Outcomes["Drawn"].Ledger!;
        Assert.Equal(dated.Periods, drawn.Periods);
        for (int t = 0; t < dated.Periods; t++)
        {
            for (int k = 0; k < dated.Columns; k++)
            {
                Assert.Equal(dated[t, k], drawn[t, k]);
            }
        }

        Assert.Equal(Loan(deal).WorkoutInterest, Loan(deal, "Drawn").WorkoutInterest);
    }

    [Fact]
    public void MonteCarloPathsAccrueAndInstalAsTheDealSays()
    {
        // Valid corpus 034's Stochastic scenario (200 paths drawing three defaults), as written, without its accruals,
        // and without accruals or instalments (the same seed, so the same defaults on every path): the claims' interest
        // is cash the senior note is repaid with, so its expected loss is lower with it; instalments bring the
        // claims in later than whole, so without them it is lower again. The report does not depend on the threads.
        string written = Path.Combine(RepoPaths.Root, "tests/corpus/valid/034-loan-recovery-claims-accruing-in-instalments.deal");
        string text = File.ReadAllText(written);
        string noAccrual = text.Replace(" accruing coupon", "", StringComparison.Ordinal).Replace(" accruing 10%", "", StringComparison.Ordinal);
        string whole = System.Text.RegularExpressions.Regex.Replace(noAccrual, @" in \d instalments", "");
        Assert.NotEqual(text, noAccrual);
        Assert.NotEqual(noAccrual, whole);
        double[] loss = [.. new[] { text, noAccrual, whole }.Select(source =>
        {
            string file = Path.Combine(Path.GetTempPath(), $"deallang-workout-{Guid.NewGuid():N}.deal");
            File.WriteAllText(file, source);
            try
            {
                CliOutcome one = CliHarness.Run("mc", file, "--scenario", "Stochastic", "--format", "csv", "--threads", "1");
                Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
                Assert.Equal(one.Out, CliHarness.Run("mc", file, "--scenario", "Stochastic", "--format", "csv", "--threads", "2").Out);
                return SeniorExpectedLoss(one.Out);
            }
            finally
            {
                File.Delete(file);
            }
        })];
        Assert.True(loss[0] > 0, "no path loses: the comparison would be empty");
        Assert.True(loss[0] < loss[1], $"with accrual {loss[0]:R}, without {loss[1]:R}");
        Assert.True(loss[2] < loss[1], $"whole {loss[2]:R}, in instalments {loss[1]:R}");
    }

    // The senior note's expected loss from an 'mc --format csv' report ("Senior,expected loss,VALUE,STDERR").
    private static double SeniorExpectedLoss(string csv) =>
        double.Parse(csv.ReplaceLineEndings("\n").Split('\n').First(l => l.StartsWith("Senior,expected loss,", StringComparison.Ordinal))
            .Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("recovery 40% after 6m accruing 8% in 4 instalments", "")]
    [InlineData("recovery 40% accruing 8%", "DL0499")]
    [InlineData("recovery 40% accruing coupon in 1 instalment", "DL0499")]
    [InlineData("recovery 40% after 9y in 5 instalments", "DL0491")]
    [InlineData("recovery 40% after 9y in 6 instalments", "DL0498")]
    [InlineData("recovery 40% after 12y in 2 instalments", "DL0490")]
    [InlineData("recovery 40% after 6m in 2147483647 instalments", "DL0498")]
    [InlineData("recovery 40% after 6m in 0 instalments", "DL0106")]
    [InlineData("recovery 40% after 6m accruing -2%", "DL0312")]
    public void TheWorkoutsTermsAreChecked(string recovery, string codes)
    {
        // DL0499: a claim received whole in the default period is never held, so it cannot accrue. DL0498: after 9y
        // (36 quarters) the 5th instalment comes 36 + 4 = 40 quarters (120 months, the longest workout) after the
        // default period, the 6th 123 months after it. (With 5, Q2Default's recovery falls after the maturity: DL0491,
        // not said of instalments that DL0498 already reports.)
        // A lag beyond the workout is DL0490 alone; a count near int.MaxValue is DL0498 (the months do not overflow).
        // DL0106: a count of at least one. DL0312: a rate not negative.
        var diagnostics = DealCompiler.Compile("small.deal", Source(recovery)).Diagnostics;
        Assert.Equal(codes, string.Join(' ', diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("recovery 40% after 6m", "2027-05-15", null)]
    [InlineData("recovery 40% after 6m", "2027-08-15", "2028-03-31")]
    [InlineData("recovery 40% after 6m in 2 instalments", "2027-05-15", "2028-03-31")]
    [InlineData("recovery 40% in 4 instalments", "2027-08-15", "2028-06-30")]
    [InlineData("recovery 40% after 6m", "2028-02-15", null)]
    public void ADatedDefaultWhoseRecoveryFallsAfterTheMaturityIsAWarning(string recovery, string defaults, string? due)
    {
        // The eight quarters end with t=7 (2027Q4, ending 2027-12-31). 2027-05-15 is in t=5: received at t=5 + 2 = 7,
        // in the run; in 2 instalments the last is at t=8, the quarter ending 2028-03-31, after it. 2027-08-15 is in
        // t=6: received at t=8; in 4 instalments without a lag at t=6, 7, 8, 9, the last in the quarter ending
        // 2028-06-30. 2028-02-15 is after the maturity: no default in the run, no warning.
        var diagnostics = DealCompiler.Compile("small.deal", Source(recovery, scenarios: $$"""
            scenario Late for Workout { Miner defaults on {{defaults}} }
            """)).Diagnostics;
        if (due is null)
        {
            Assert.Empty(diagnostics);
            return;
        }

        Diagnostic warning = Assert.Single(diagnostics);
        Assert.Equal(("DL0491", Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains($"defaults on {defaults} and its recovery is not all received until the period ending {due}", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amortize schedule { 2026-06-30 60m  2027-03-31 40m }", false)]
    [InlineData("amortize schedule { 2026-06-30 60m  2027-09-30 40m }", true)]
    [InlineData("interest_only until 2026-06-30  amortize schedule { 2026-06-30 60m  2027-03-31 40m }", true)]
    public void ALoanItsScheduleHasRepaidBeforeTheDefaultDrawsNoWarning(string amortization, bool warns)
    {
        // Miner defaults on 2027-08-15, in t=6 (the quarter ending 2027-09-30): with 'after 6m' a claim would come at
        // t=8, after the last quarter (t=7). The schedule pays 60m at t=1 (2026-06-30) and 40m at t=4 (2027-03-31): the
        // loan opens t=6 owing nothing, so there is no claim and no warning. With the 40m dated 2027-09-30 it falls in
        // t=6 itself, which the default takes: 40m owed, the warning stands. Interest-only until 2026-06-30, t=1 (ending
        // then) pays no scheduled principal: 100m − 40m = 60m owed at t=6, the warning stands.
        string source = Source(amortization + "  recovery 40% after 6m", scenarios: """
            scenario Repaid for Workout { Miner defaults on 2027-08-15 }
            """);
        var diagnostics = DealCompiler.Compile("small.deal", source).Diagnostics.Where(d => d.Code == "DL0491").ToList();
        Assert.Equal(warns ? 1 : 0, diagnostics.Count);
        if (warns)
        {
            Assert.Contains("in scenario 'Repaid', loan 'MinerLoan' defaults on 2027-08-15", diagnostics[0].Message, StringComparison.Ordinal);
            return;
        }

        // What the run does: the default finds nothing owed, so nothing is lost and nothing is left outstanding.
        LoanSummary loan = Loan(new SmallDeal(source), "Repaid");
        Assert.Equal((100e6, 0.0, 0.0), (loan.PrincipalReceived, loan.Loss, loan.Outstanding));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("\n  MinerLoan pays 50% from 2027-07-01", true)]
    public void ALoanRepaidAtItsMaturityBeforeTheDefaultInThatPeriodDrawsNoWarning(string paysInPart, bool warns)
    {
        // The loan matures on 2027-08-01, inside t=6 (the quarter ending 2027-09-30), and Miner defaults on 2027-08-15 in
        // the same quarter: the run repays it at its maturity, before the default (docs/language.md §5, "loan", a
        // default inside a period), so there is no claim whose 'after 6m' recovery (t=8) would fall after the run, and no
        // warning. Paying 50% from 2027-07-01 it leaves half its maturity's 100m + 2m unpaid: a claim, and the warning.
        string source = Source("recovery 40% after 6m", scenarios: "scenario Repaid for Workout {\n  Miner defaults on 2027-08-15" + paysInPart + "\n}")
            .Replace("maturity 2027-12-31  recovery", "maturity 2027-08-01  recovery", StringComparison.Ordinal);
        var diagnostics = DealCompiler.Compile("small.deal", source).Diagnostics.Where(d => d.Code == "DL0491").ToList();
        Assert.Equal(warns ? 1 : 0, diagnostics.Count);
        if (!warns)
        {
            // What the run does: the whole 100m received at the maturity, nothing lost or left.
            LoanSummary loan = Loan(new SmallDeal(source), "Repaid");
            Assert.Equal((100e6, 0.0, 0.0, 0.0), (loan.PrincipalReceived, loan.Recovery, loan.Loss, loan.Outstanding));
        }
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("business_days following holidays { 2027-06-30 }", false)]
    public void TheWarningPlacesTheDefaultInThePeriodsAsPaid(string businessDays, bool warns)
    {
        // Miner defaults on 2027-07-01. As rolled, the quarter ending 2027-06-30 is t=5 and 07-01 falls in t=6: 'after 6m'
        // brings the claim at t=8, after the last quarter (t=7), a warning. With 2027-06-30 a holiday, that quarter is paid
        // (and ends) on Thursday 2027-07-01 (following), so the default falls in t=5 as the run places it, the claim comes at
        // t=7, received in the run: no warning. Before the check read the periods as paid it warned here, of a claim the run
        // receives.
        string source = Source("recovery 40% after 6m", scenarios: """
            scenario Boundary for Workout { Miner defaults on 2027-07-01 }
            """).Replace("daycount 30/360", "daycount 30/360\n  " + businessDays, StringComparison.Ordinal);
        var diagnostics = DealCompiler.Compile("small.deal", source).Diagnostics;
        Assert.Equal(warns ? "DL0491" : "", string.Join(' ', diagnostics.Select(d => d.Code)));
        if (!warns)
        {
            // The run receives the claim in its last quarter: 40% of the 100m owed, nothing left outstanding.
            LoanSummary loan = Loan(new SmallDeal(source), "Boundary");
            Assert.Equal((40e6, 0.0), (loan.Recovery, loan.Outstanding));
        }
    }
}
