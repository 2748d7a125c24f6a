using DealLang.Compiler;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan paying at the deal's frequency or a coarser one, or on an uneven schedule, whose instalments are dated inside
/// the deal's periods (docs/language.md §5, "loan", formerly §14): its obligor defaulting inside a period after such an
/// instalment paid it, and the interest to its date. The period receives them at its end, as a loan paying more often
/// than the deal does (<see cref="LoanDefaultInsideAPeriodTests"/>), and the recovery and the loss are on the balance
/// after them; an instalment dated on the default date, or on the period's end, is not received. A performing loan is
/// unchanged: its period accrues on the opening balance and receives the instalment at its end. Every run checks that
/// cash is conserved (the generated loop's CashCheck).
/// </summary>
public sealed class LoanInstalmentDatedInsideAPeriodTests
{
    // Quarterly, 30/360, month ends from 2025-12-31 (periods end 03-31, 06-30, 09-30, 12-31; 12 to 2028-12-31). GpuLoan
    // 120m at 8% to 2028-12-15: 'linear quarterly' pays 10m on the 15th of March, June, September and December from
    // 2026-03-15 (12 dates back from the maturity), one inside each period; 'linear semiannual' 20m on 06-15 and 12-15
    // from 2026-06-15, inside every other period. On 30/360 2025-12-31 → 2026-03-15 is 75 days (the start's 31st is a
    // 30th: 30 × (3 − 12) + 360 + (15 − 30) = 75), 2026-03-31 → 2026-06-15 too (30 × 3 + 15 − 30).
    private static string Source(string amortize = "amortize linear quarterly", string maturity = "2028-12-15", string recovery = "recovery 40%",
        string scenarios = "") => $$"""
        deal Neocloud {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Cloud   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan GpuLoan { obligor Cloud  balance 120m  coupon 8% fixed  maturity {{maturity}}  {{recovery}}  {{amortize}} }

          tranche Notes { balance 80m  coupon 5% }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Neocloud { }
        {{scenarios}}
        """;

    private static string Defaults(string name, string date) => "scenario " + name + " for Neocloud { Cloud defaults on " + date + " }\n";

    [Fact]
    public void AQuarterlyLoanDefaultingOnTheTwentiethOfMarchPaidItsFifteenthOfMarchInstalmentAndTheInterestToIt()
    {
        // 2026-03-20 is inside t=0 (2025-12-31 → 2026-03-31), after the 03-15 instalment: 10m of principal and its
        // interest 120m × 8% × 75/360 = 2,000,000 (not the quarter's 120m × 8% × 90/360 = 2.4m: the 15 days from 03-15 to
        // 03-31 are lost with the default), received at the quarter's end. Recovery 40% × (120m − 10m) = 44m; loss 66m;
        // 10m + 44m + 66m = 120m lent. Nothing after.
        var deal = new SmallDeal(Source(scenarios: Defaults("Mar20", "2026-03-20")));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(10e6, deal.Ledger("principal GpuLoan", 0, "Mar20"), 1e-6);
        Assert.Equal(2e6, deal.Ledger("interest GpuLoan", 0, "Mar20"), 1e-6);
        Assert.Equal(44e6, deal.Ledger("recovery GpuLoan", 0, "Mar20"), 1e-6);
        for (int t = 1; t < 12; t++)
        {
            Assert.Equal(0.0, deal.Ledger("principal GpuLoan", t, "Mar20"));
            Assert.Equal(0.0, deal.Ledger("interest GpuLoan", t, "Mar20"));
            Assert.Equal(0.0, deal.Ledger("recovery GpuLoan", t, "Mar20"));
        }

        LoanSummary loan = deal.Outcomes["Mar20"].Loans[0];
        Assert.Equal(66e6, loan.Loss, 1e-6);
        Assert.Equal(120e6, loan.PrincipalReceived + loan.Recovery + loan.Loss, 1e-6);

        // Performing, the quarter accrues on its opening balance and receives the instalment at its end, as before:
        // 120m × 8% × 90/360 = 2.4m and 10m; the next 110m × 2% = 2.2m.
        Assert.Equal(2.4e6, deal.Ledger("interest GpuLoan", 0, "Base"), 1e-6);
        Assert.Equal(10e6, deal.Ledger("principal GpuLoan", 0, "Base"), 1e-6);
        Assert.Equal(2.2e6, deal.Ledger("interest GpuLoan", 1, "Base"), 1e-6);
    }

    [Fact]
    public void OnTheInstalmentsOwnDateTheObligorFailsToPayItAndOnThePeriodsEndItHadPaidIt()
    {
        // On 2026-03-15, the instalment's own date: nothing of t=0, recovery 40% × 120m = 48m (loss 72m). On 2026-03-31,
        // the period's end and still its default period: the 03-15 instalment is dated before it, so it is received with
        // its interest as on 03-20 (10m, 2m; recovery 44m), as a monthly loan defaulting on its period's end receives the
        // instalments dated before that day.
        var deal = new SmallDeal(Source(scenarios: Defaults("Mar15", "2026-03-15") + Defaults("Mar31", "2026-03-31")));
        Assert.Equal(0.0, deal.Ledger("principal GpuLoan", 0, "Mar15"));
        Assert.Equal(0.0, deal.Ledger("interest GpuLoan", 0, "Mar15"));
        Assert.Equal(48e6, deal.Ledger("recovery GpuLoan", 0, "Mar15"), 1e-6);
        Assert.Equal(72e6, deal.Outcomes["Mar15"].Loans[0].Loss, 1e-6);

        Assert.Equal(10e6, deal.Ledger("principal GpuLoan", 0, "Mar31"), 1e-6);
        Assert.Equal(2e6, deal.Ledger("interest GpuLoan", 0, "Mar31"), 1e-6);
        Assert.Equal(44e6, deal.Ledger("recovery GpuLoan", 0, "Mar31"), 1e-6);
    }

    [Fact]
    public void ASemiannualLoanPaysItsInstalmentInsideEveryOtherPeriod()
    {
        // 'linear semiannual': 20m on 2026-06-15, 2026-12-15, … Defaulting on 2026-06-20 (t=1, 03-31 → 06-30): t=0 was
        // received whole (120m × 2% = 2.4m, no principal); t=1 receives the 06-15 instalment, 20m, and 120m × 8% × 75/360
        // = 2m; recovery 40% × 100m = 40m, loss 60m. Defaulting on 2026-03-20 (t=0, no instalment inside it): nothing of
        // t=0, recovery 40% × 120m = 48m, as before.
        var deal = new SmallDeal(Source("amortize linear semiannual", scenarios: Defaults("Jun20", "2026-06-20") + Defaults("Mar20", "2026-03-20")));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(2.4e6, deal.Ledger("interest GpuLoan", 0, "Jun20"), 1e-6);
        Assert.Equal(0.0, deal.Ledger("principal GpuLoan", 0, "Jun20"));
        Assert.Equal(20e6, deal.Ledger("principal GpuLoan", 1, "Jun20"), 1e-6);
        Assert.Equal(2e6, deal.Ledger("interest GpuLoan", 1, "Jun20"), 1e-6);
        Assert.Equal(40e6, deal.Ledger("recovery GpuLoan", 1, "Jun20"), 1e-6);
        Assert.Equal(60e6, deal.Outcomes["Jun20"].Loans[0].Loss, 1e-6);

        Assert.Equal(0.0, deal.Ledger("principal GpuLoan", 0, "Mar20"));
        Assert.Equal(0.0, deal.Ledger("interest GpuLoan", 0, "Mar20"));
        Assert.Equal(48e6, deal.Ledger("recovery GpuLoan", 0, "Mar20"), 1e-6);
    }

    [Fact]
    public void AnUnevenScheduleDatedInsideAPeriodIsReceivedBeforeALaterDefault()
    {
        // 'schedule { 2026-05-15 25%, 2026-11-15 25% }' to 2027-12-31: 30m at the end of t=1 and of t=3, the 60m left at
        // the maturity. Defaulting on 2026-11-20 (t=3, 09-30 → 12-31): the 11-15 instalment, 30m, and the interest on the
        // 90m outstanding from 09-30 to 11-15, 90m × 8% × 45/360 = 900,000 (30 × 2 + 15 − 30 = 45 days); recovery 40% ×
        // 60m = 24m, loss 36m; 30m + 30m + 24m + 36m = 120m. With 'after 6m' the 60m is written down to a 24m claim,
        // received two quarters later (t=5).
        string schedule = "amortize schedule { 2026-05-15 25%, 2026-11-15 25% }";
        var deal = new SmallDeal(Source(schedule, "2027-12-31", scenarios: Defaults("Nov20", "2026-11-20")));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(30e6, deal.Ledger("principal GpuLoan", 3, "Nov20"), 1e-6);
        Assert.Equal(900_000, deal.Ledger("interest GpuLoan", 3, "Nov20"), 1e-6);
        Assert.Equal(24e6, deal.Ledger("recovery GpuLoan", 3, "Nov20"), 1e-6);
        LoanSummary loan = deal.Outcomes["Nov20"].Loans[0];
        Assert.Equal(36e6, loan.Loss, 1e-6);
        Assert.Equal(120e6, loan.PrincipalReceived + loan.Recovery + loan.Loss, 1e-6);

        var lagged = new SmallDeal(Source(schedule, "2027-12-31", "recovery 40% after 6m", Defaults("Nov20", "2026-11-20")));
        Assert.Equal(30e6, lagged.Ledger("principal GpuLoan", 3, "Nov20"), 1e-6);
        Assert.Equal(0.0, lagged.Ledger("recovery GpuLoan", 3, "Nov20"));
        Assert.Equal(24e6, lagged.Ledger("recovery GpuLoan", 5, "Nov20"), 1e-6);
        Assert.Equal(36e6, lagged.Outcomes["Nov20"].Loans[0].Loss, 1e-6);
    }

    [Fact]
    public void ALoanItsMaturityInsideThePeriodRepaidBeforeTheDefaultHasNotDefaulted()
    {
        // 'linear semiannual' to 2026-12-15: 60m on 2026-06-15 and 2026-12-15, the last inside t=3 (09-30 → 12-31).
        // Cloud defaulting on 2026-12-20 finds the loan repaid: t=3 receives the 60m and its interest as in Base, nothing
        // is recovered or lost, and the loan has no default date.
        var deal = new SmallDeal(Source("amortize linear semiannual", "2026-12-15", scenarios: Defaults("Dec20", "2026-12-20")));
        Assert.Empty(deal.Diagnostics);
        LoanSummary repaid = deal.Outcomes["Dec20"].Loans[0];
        Assert.Equal(deal.Ledger("principal GpuLoan", 3, "Base"), deal.Ledger("principal GpuLoan", 3, "Dec20"));
        Assert.Equal(60e6, deal.Ledger("principal GpuLoan", 3, "Dec20"), 1e-6);
        Assert.Equal(120e6, repaid.PrincipalReceived, 1e-6);
        Assert.Equal((0.0, 0.0), (repaid.Recovery, repaid.Loss));
        Assert.Null(repaid.DefaultDate);
    }

    [Fact]
    public void ALoanDatedOnThePeriodsEndsWritesNoInstalmentDates()
    {
        // Maturing on 2028-12-31, the quarterly instalments fall on the deal's period ends: a default inside a period is
        // before its instalment or on it, so nothing changes and the generated C# lists no instalment dates.
        var compiled = DealCompiler.Compile("small.deal", Source(maturity: "2028-12-31"));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        Assert.DoesNotContain("InstalmentsBeforeDefault", compiled.Compiled!.Source, StringComparison.Ordinal);
        var inside = DealCompiler.Compile("small.deal", Source());
        Assert.Contains("InstalmentsBeforeDefault", inside.Compiled!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ADrawnDefaultReceivesTheInstalmentDatedBeforeThePathsOwnDate()
    {
        // Cloud's default drawn per path (pd 40% a year). On each path the default period receives the 10m instalment of
        // the 15th of its quarter's last month when it is before the path's date, with interest exactly then; principal +
        // recovery + loss is the 120m lent; and the path's figures are those of the same date written in a scenario, bit
        // for bit.
        const int paths = 300;
        string source = Source(scenarios: """
            scenario Drawn for Neocloud {
              paths 300
              seed  23
              Cloud defaults drawn pd 40% per year
            }
            """);
        int afterInstalment = 0;
        DrawnAgainstDated.EachPath(source, "Drawn", 23, paths, (deal, spec, result, expected) =>
        {
            Assert.Equal(expected.LoanInterest[0], result.LoanInterest[0]);
            Assert.Equal(expected.LoanPrincipal[0], result.LoanPrincipal[0]);
            Assert.Equal(expected.LoanRecovery[0], result.LoanRecovery[0]);
            Assert.Equal(expected.LoanLoss[0], result.LoanLoss[0]);

            int t = result.LoanDefaultPeriod[0];
            if (spec.PartyDefaults[0] is not { } d || t < 0)
            {
                return;
            }

            // The period's instalment is on the 15th of the month it ends in (03-15 in 12-31 → 03-31).
            Date end = deal.Boundaries[t + 1];
            bool paid = new Date(end.Year, end.Month, 15) < d;
            Assert.Equal(paid ? 10e6 : 0.0, result.LoanPrincipal[0][t], 1e-6);
            Assert.Equal(paid, result.LoanInterest[0][t] > 0);
            double received = result.LoanPrincipal[0].Sum() + result.LoanRecovery[0].Sum();
            Assert.Equal(120e6, received + result.LoanLoss[0], 1e-6);
            afterInstalment += paid ? 1 : 0;
        });

        // Enough paths default after the instalment inside their default period for the check to mean something.
        Assert.InRange(afterInstalment, 20, paths);
    }
}
