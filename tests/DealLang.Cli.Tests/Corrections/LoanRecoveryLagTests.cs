using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Running;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's recovery after a workout lag ('recovery 40% after 6m', docs/language.md, loan): at the default the
/// balance is written down to the recovery claim (the rest is the loss then), the claim earns nothing and comes in
/// whole ⌈lag / months per period⌉ periods after the default period, outside cfads; a run that ends first shows the
/// claim as outstanding at end, and an enforcement sale in between sells the claim at recovery × (1 − haircut).
/// </summary>
public sealed class LoanRecoveryLagTests
{
    // Quarterly, 30/360 (every year fraction is exactly 0.25), eight periods 2026Q1..2027Q4. MinerLoan 100m at 8%
    // bullet to 2027-12-31 (2m interest a quarter), recovery 40% after 6m: 6 / 3 = 2 periods after the default
    // period. The note: 60m at 4% (0.6m a quarter), swept with what is left.
    private static string Source(string enforcement = "") => $$"""
        deal Workout {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 8% fixed  maturity 2027-12-31  recovery 40% after 6m }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          test Cash = cfads
          {{enforcement}}
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Q2Default for Workout { Miner defaults on 2026-05-15 }

        scenario LastQuarterDefault for Workout { Miner defaults on 2027-11-15 }
        """;

    private static readonly SmallDeal Deal = new(Source());

    // An event of default when the loan defaults (end of Q2) and a sale of it 3 months later, in Q3: before the
    // recovery in Q4.
    private static readonly SmallDeal Sold = new(Source("""
        default when MinerLoan.defaulted
          enforcement { sell MinerLoan haircut 25% lag 3m }
        """));

    [Fact]
    public void TheRecoveryComesInTwoQuartersAfterTheDefaultQuarter()
    {
        // Q1 (t=0): 100m × 8% × 0.25 = 2m interest. Q2 (t=1): Miner defaults (2026-05-15 ≤ 2026-06-30): nothing is
        // received, the balance is written down to 40% × 100m = 40m, and 60m is lost. Q3 (t=2): the claim earns
        // nothing. Q4 (t=3 = 1 + ⌈6 / 3⌉): the 40m claim is received, and the balance is 0.
        double[] interest = [2e6, 0, 0, 0, 0];
        double[] recovery = [0, 0, 0, 40e6, 0];
        double[] balance = [100e6, 40e6, 40e6, 0, 0];
        for (int t = 0; t < interest.Length; t++)
        {
            Assert.Equal(interest[t], Deal.Ledger("interest MinerLoan", t, "Q2Default"), 1e-6);
            Assert.Equal(0.0, Deal.Ledger("principal MinerLoan", t, "Q2Default"));
            Assert.Equal(recovery[t], Deal.Ledger("recovery MinerLoan", t, "Q2Default"), 1e-6);
            Assert.Equal(balance[t], Deal.Ledger("MinerLoan balance", t, "Q2Default"), 1e-6);
        }

        // The recovery is a collection but not cfads: Q4's collections are the 40m, its cfads (test Cash) 0.
        Assert.Equal(40e6, Deal.Ledger("collections", 3, "Q2Default"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Cash", 3, "Q2Default"), 1e-6);

        LoanSummary loan = Deal.Outcomes["Q2Default"].Loans[0];
        Assert.Equal(2e6, loan.InterestReceived, 1e-6);
        Assert.Equal(40e6, loan.Recovery, 1e-6);
        Assert.Equal(60e6, loan.Loss, 1e-6);
        Assert.Equal(0.0, loan.Outstanding);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void ARunThatEndsBeforeTheRecoveryShowsTheClaimOutstandingAtEnd()
    {
        // Miner defaults in the last quarter (t=7): the recovery would come at t=9, after the run's eight periods.
        // 7 quarters of 2m interest were received; 60m is lost, and the 40m claim is outstanding at end.
        // The compiler knows it from the dated default: a warning (DL0491) names the quarter the claim was due in.
        Diagnostic late = Assert.Single(Deal.Diagnostics);
        Assert.Equal("DL0491", late.Code);
        Assert.Contains("until the period ending 2028-06-30", late.Message, StringComparison.Ordinal);
        LoanSummary loan = Deal.Outcomes["LastQuarterDefault"].Loans[0];
        Assert.Equal(14e6, loan.InterestReceived, 1e-6);
        Assert.Equal(0.0, loan.Recovery);
        Assert.Equal(60e6, loan.Loss, 1e-6);
        Assert.Equal(40e6, loan.Outstanding, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void ASaleDuringTheWorkoutSellsTheClaimLessTheHaircut()
    {
        // Default in Q2 (t=1), the event of default at its end, the sale 3 months later in Q3 (t=2), before the
        // recovery's Q4: it realises the 40m claim × (1 − 25%) = 30m, the run ends, and nothing is recovered.
        Assert.Equal(30e6, Sold.Ledger("sale proceeds", 2, "Q2Default"), 1e-6);
        Assert.Equal(3, Sold.Outcomes["Q2Default"].PeriodsRun);
        LoanSummary loan = Sold.Outcomes["Q2Default"].Loans[0];
        Assert.Equal(40e6, loan.Sold, 1e-6);
        Assert.Equal(0.0, loan.Recovery);
        Assert.Equal(60e6, loan.Loss, 1e-6);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss + loan.Sold + loan.Outstanding, 1e-6);
    }

    [Fact]
    public void MonteCarloLagsEachPathsDrawnDefaultTheSameWay()
    {
        // Valid corpus 032's Stochastic scenario, with its lags and without them (the same seed, so the same defaults
        // are drawn on every path): the same share of paths loses principal, but the lagged claims of defaults near
        // the end are never received before the maturity, so the senior note's expected loss is higher. The report
        // does not depend on the threads.
        string lagged = Path.Combine(RepoPaths.Root, "tests/corpus/valid/032-loan-recoveries-after-a-workout-lag.deal");
        string unlagged = Path.Combine(Path.GetTempPath(), $"deallang-nolag-{Guid.NewGuid():N}.deal");
        File.WriteAllText(unlagged, File.ReadAllText(lagged).Replace(" after 18m", "", StringComparison.Ordinal)
            .Replace(" after 1y", "", StringComparison.Ordinal));
        try
        {
            CliOutcome withLag = CliHarness.Run("mc", lagged, "--scenario", "Stochastic", "--format", "csv", "--threads", "1");
            CliOutcome withoutLag = CliHarness.Run("mc", unlagged, "--scenario", "Stochastic", "--format", "csv", "--threads", "1");
            Assert.True(withLag.Exit == ExitCodes.Ok, withLag.ToString());
            Assert.True(withoutLag.Exit == ExitCodes.Ok, withoutLag.ToString());
            Assert.Equal(withLag.Out, CliHarness.Run("mc", lagged, "--scenario", "Stochastic", "--format", "csv", "--threads", "2").Out);
            Assert.Equal(Figure(withoutLag.Out, "P(principal loss)"), Figure(withLag.Out, "P(principal loss)"));
            Assert.True(Figure(withLag.Out, "P(principal loss)") > 0);
            Assert.True(Figure(withLag.Out, "expected loss") > Figure(withoutLag.Out, "expected loss"));
        }
        finally
        {
            File.Delete(unlagged);
        }
    }

    // The senior note's figure from an 'mc --format csv' report ("Senior,expected loss,VALUE,STDERR").
    private static double Figure(string csv, string metric) =>
        double.Parse(csv.ReplaceLineEndings("\n").Split('\n').First(l => l.StartsWith("Senior," + metric + ",", StringComparison.Ordinal))
            .Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("after 6m", null)]
    [InlineData("after 4m", "DL0489")]
    [InlineData("after 121m", "DL0490")]
    [InlineData("after 0m", "DL0314")]
    [InlineData("after 90d", "DL0313")]
    public void TheLagIsWholePeriodsWithinTheLongestWorkout(string lag, string? code)
    {
        // 4m on a quarterly deal is rounded up to 2 periods (DL0489, a warning); past 10 years no run reaches it
        // (DL0490); a lag is a positive whole number of months, as enforcement's is (DL0314, DL0313).
        // (LastQuarterDefault's recovery falls after the maturity, DL0491: ARunThatEndsBeforeTheRecovery… checks it.)
        var diagnostics = DealCompiler.Compile("small.deal", Source().Replace("after 6m", lag, StringComparison.Ordinal)).Diagnostics
            .Where(d => d.Code != "DL0491").ToList();
        Assert.Equal(code is null ? [] : [code], diagnostics.Select(d => d.Code));
        if (code == "DL0489")
        {
            Assert.Equal(Severity.Warning, diagnostics[0].Severity);
            Assert.Contains("2 periods (6 months)", diagnostics[0].Message, StringComparison.Ordinal);
        }
    }
}
