using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's recovery instalments at a frequency other than the deal's (docs/language.md §5, "loan", formerly §14):
/// 'in 8 instalments monthly' on a quarterly deal. Part j is dated j × the frequency's months after the lag's end (the
/// first on it, as with the deal's own frequency) and received at the end of the deal period it falls in; an accruing
/// claim accrues each period as before and each period receives its parts' share of what is left. Every run checks that
/// cash is conserved (the generated loop's CashCheck).
/// </summary>
public sealed class LoanRecoveryInstalmentFrequencyTests
{
    // Quarterly, 30/360, month ends from 2025-12-31 (12 periods to 2028-12-31). GpuLoan 120m at 8%, a bullet to
    // 2028-12-31. Cloud defaulting on 2026-05-20 defaults it in t=1 (03-31 → 06-30): the claim is 40% × 120m = 48m (loss
    // 72m), and 'after 6m' ends the lag at the end of t = 1 + 6 / 3 = 3 (2026-12-31), where the first part is dated.
    private static string Source(string recovery, string scenarios = "") => $$"""
        deal Neocloud {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Cloud   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan GpuLoan { obligor Cloud  balance 120m  coupon 8% fixed  maturity 2028-12-31  {{recovery}} }

          tranche Notes { balance 80m  coupon 5% }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Neocloud { }
        scenario May20 for Neocloud { Cloud defaults on 2026-05-20 }
        {{scenarios}}
        """;

    private static double[] Recoveries(SmallDeal deal, int periods) =>
        [.. Enumerable.Range(0, periods).Select(t => deal.Ledger("recovery GpuLoan", t, "May20"))];

    [Fact]
    public void MonthlyPartsOnAQuarterlyDealAreReceivedAtTheEndOfTheQuarterEachFallsIn()
    {
        // 8 parts of 48m / 8 = 6m dated 2026-12-31 (t=3), 2027-01-31, 02-28, 03-31 (t=4), 04-30, 05-31, 06-30 (t=5) and
        // 07-31 (t=6): 6m, 18m, 18m, 6m; 48m in all, and 48m + 72m = 120m lent.
        var deal = new SmallDeal(Source("recovery 40% after 6m in 8 instalments monthly"));
        Assert.Empty(deal.Diagnostics);
        double[] expected = [0, 0, 0, 6e6, 18e6, 18e6, 6e6, 0, 0, 0, 0, 0];
        double[] actual = Recoveries(deal, 12);
        for (int t = 0; t < 12; t++)
        {
            Assert.Equal(expected[t], actual[t], 1e-6);
        }

        LoanSummary loan = deal.Outcomes["May20"].Loans[0];
        Assert.Equal(48e6, loan.Recovery, 1e-6);
        Assert.Equal(72e6, loan.Loss, 1e-6);
    }

    [Fact]
    public void SemiannualPartsOnAQuarterlyDealAreReceivedEveryOtherQuarter()
    {
        // 4 parts of 12m dated 2026-12-31 (t=3), 2027-06-30 (t=5), 2027-12-31 (t=7) and 2028-06-30 (t=9); nothing between.
        var deal = new SmallDeal(Source("recovery 40% after 6m in 4 instalments semiannual"));
        Assert.Empty(deal.Diagnostics);
        double[] expected = [0, 0, 0, 12e6, 0, 12e6, 0, 12e6, 0, 12e6, 0, 0];
        double[] actual = Recoveries(deal, 12);
        for (int t = 0; t < 12; t++)
        {
            Assert.Equal(expected[t], actual[t], 1e-6);
        }
    }

    [Fact]
    public void UnequalMonthlySharesAreAddedUpByTheQuarterTheyFallIn()
    {
        // Without a lag the first part is dated on the default period's end (t=1, 2026-06-30), then 07-31, 08-31, 09-30
        // (t=2): shares 40% in t=1 and 30% + 20% + 10% = 60% in t=2, of the 48m claim: 19.2m and 28.8m.
        var deal = new SmallDeal(Source("recovery 40% in instalments { 40% 30% 20% 10% } monthly"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(19.2e6, deal.Ledger("recovery GpuLoan", 1, "May20"), 1e-6);
        Assert.Equal(28.8e6, deal.Ledger("recovery GpuLoan", 2, "May20"), 1e-6);
        Assert.Equal(0.0, deal.Ledger("recovery GpuLoan", 3, "May20"));
    }

    [Fact]
    public void AnAccruingClaimAccruesEachQuarterAndEachQuarterReceivesItsPartsShareOfWhatIsLeft()
    {
        // 'accruing 8%': from t=2 the claim grows by a quarter's interest, 8% × 90/360 = 2%, before the period's parts;
        // the period receives (its parts) / (the parts left) of the claim then.
        //   t=2: 48m × 1.02 = 48.96m
        //   t=3: 48.96m × 1.02 = 49.9392m, 1/8 received = 6.2424m, 43.6968m left
        //   t=4: × 1.02 = 44.570736m, 3/7 = 19.101744m, 25.468992m left
        //   t=5: × 1.02 = 25.97837184m, 3/4 = 19.48377888m, 6.49459296m left
        //   t=6: × 1.02 = 6.6244848192m, all of it.
        var deal = new SmallDeal(Source("recovery 40% after 6m accruing 8% in 8 instalments monthly"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(6.2424e6, deal.Ledger("recovery GpuLoan", 3, "May20"), 1e-5);
        Assert.Equal(19.101744e6, deal.Ledger("recovery GpuLoan", 4, "May20"), 1e-5);
        Assert.Equal(19.48377888e6, deal.Ledger("recovery GpuLoan", 5, "May20"), 1e-5);
        Assert.Equal(6.6244848192e6, deal.Ledger("recovery GpuLoan", 6, "May20"), 1e-5);
        Assert.Equal(0.0, deal.Ledger("GpuLoan balance", 6, "May20"), 1e-6);
    }

    [Fact]
    public void TheWorkoutLimitCountsThePeriodsThePartsSpanNotTheParts()
    {
        // 40 quarterly instalments after a 6m lag end (2 + 40 − 1) × 3 = 123 months after the default period, past the
        // 120-month workout (DL0498); 40 monthly ones span 1 + ⌈39 / 3⌉ = 14 quarters, (2 + 14 − 1) × 3 = 45 months. May20's
        // last part is then received in t = 1 + 2 + 14 − 1 = 16, 2030-03-31, after the run's last period (DL0491's warning).
        Assert.Contains(DealCompiler.Compile("small.deal", Source("recovery 40% after 6m in 40 instalments")).Diagnostics, d => d.Code == "DL0498");
        Diagnostic late = Assert.Single(DealCompiler.Compile("small.deal", Source("recovery 40% after 6m in 40 instalments monthly")).Diagnostics);
        Assert.Equal("DL0491", late.Code);
        Assert.Contains("period ending 2030-03-31", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWordThatIsNoFrequencyIsRefused()
    {
        var compiled = DealCompiler.Compile("small.deal", Source("recovery 40% after 6m in 8 instalments montly"));
        Diagnostic d = Assert.Single(compiled.Diagnostics);
        Assert.Equal("DL0568", d.Code);
        Assert.Contains("did you mean 'monthly'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFrequencyOnAClaimReceivedInOnePartIsAWarning()
    {
        // 'in 1 instalment monthly' spaces nothing: the claim is received whole at the lag's end (t=3), 48m.
        var deal = new SmallDeal(Source("recovery 40% after 6m in 1 instalment monthly"));
        Diagnostic d = Assert.Single(deal.Diagnostics);
        Assert.Equal(("DL0569", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(48e6, deal.Ledger("recovery GpuLoan", 3, "May20"), 1e-6);
    }

    [Fact]
    public void ADrawnDefaultReceivesTheMonthlyPartsFromItsOwnDefaultPeriod()
    {
        // Cloud's default drawn per path (pd 30% a year). On each path the parts come 6m, 18m, 18m, 6m in the 3rd to 6th
        // periods after the default period, as far as the run goes (what is left at its end is outstanding), and
        // recovery + loss + outstanding is the 120m lent; the path's figures are those of the same date written in a
        // scenario, bit for bit.
        const int paths = 200;
        string source = Source("recovery 40% after 6m in 8 instalments monthly", """
            scenario Drawn for Neocloud {
              paths 200
              seed  29
              Cloud defaults drawn pd 30% per year
            }
            """);
        double[] parts = [6e6, 18e6, 18e6, 6e6];
        int defaulted = 0;
        DrawnAgainstDated.EachPath(source, "Drawn", 29, paths, (deal, spec, result, expected) =>
        {
            Assert.Equal(expected.LoanRecovery[0], result.LoanRecovery[0]);
            Assert.Equal(expected.LoanLoss[0], result.LoanLoss[0]);

            int t = result.LoanDefaultPeriod[0];
            if (t < 0)
            {
                return;
            }

            defaulted++;
            for (int k = 0; k < parts.Length && t + 2 + k < 12; k++)
            {
                Assert.Equal(parts[k], result.LoanRecovery[0][t + 2 + k], 1e-6);
            }

            Assert.Equal(120e6, result.LoanRecovery[0].Sum() + result.LoanLoss[0] + result.LoanOutstanding[0], 1e-6);
        });

        Assert.InRange(defaulted, 20, paths);
    }
}
