using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan paying more often than the deal whose obligor defaults inside a period (docs/language.md §5, "loan",
/// formerly §14): the instalments dated strictly before the default are received at the period's end with the interest
/// of the pieces up to the last of them, and the recovery and the loss are on the balance after them. An instalment
/// dated on the default date is the one the obligor fails to pay (a lease's rent likewise stops on the default date).
/// A drawn default (Monte Carlo) falls on the path's own date and gives what the same date written in a scenario gives.
/// Every run checks that cash is conserved (the generated loop's CashCheck).
/// </summary>
public sealed class LoanDefaultInsideAPeriodTests
{
    // Quarterly, 30/360, month ends from 2025-12-31 (periods end 03-31, 06-30, …; 8 to 2027-12-31). MinerLoan 12m at 12%
    // 'amortize linear monthly' to 2026-12-31: 12 instalments of 1m on 2026-01-31, 02-28, 03-31, …, 12-31. On 30/360 the
    // months are 30 days (12-31 → 01-31), 28 (01-31 → 02-28: the start's 31st becomes a 30th) and 33 (02-28 → 03-31).
    private static string Source(string recovery = "recovery 40%", string scenarios = "", string maturity = "2026-12-31") => $$"""
        deal Monthly {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
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

    private static string Defaults(string name, string date) => "scenario " + name + " for Monthly { Miner defaults on " + date + " }\n";

    [Fact]
    public void ADefaultOnTheTwentiethOfFebruaryReceivesTheJanuaryInstalmentAndItsInterestAndRecoversOnElevenMillion()
    {
        // 2026-02-20 is inside t=0 (2025-12-31 → 2026-03-31). The 01-31 instalment is before it: 1m of principal and the
        // month's interest 12m × 12% × 30/360 = 120,000, received at the quarter's end. The 02-28 and 03-31 instalments
        // and the interest from 01-31 on are not. Recovery 40% × (12m − 1m) = 4.4m in the same quarter; loss 6.6m;
        // 1m + 4.4m + 6.6m = 12m lent. Nothing after.
        var deal = new SmallDeal(Source(scenarios: Defaults("Feb20", "2026-02-20")));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(1e6, deal.Ledger("principal MinerLoan", 0, "Feb20"), 1e-6);
        Assert.Equal(120_000, deal.Ledger("interest MinerLoan", 0, "Feb20"), 1e-6);
        Assert.Equal(4.4e6, deal.Ledger("recovery MinerLoan", 0, "Feb20"), 1e-6);
        for (int t = 1; t < 8; t++)
        {
            Assert.Equal(0.0, deal.Ledger("principal MinerLoan", t, "Feb20"));
            Assert.Equal(0.0, deal.Ledger("interest MinerLoan", t, "Feb20"));
            Assert.Equal(0.0, deal.Ledger("recovery MinerLoan", t, "Feb20"));
        }

        LoanSummary loan = deal.Outcomes["Feb20"].Loans[0];
        Assert.Equal(6.6e6, loan.Loss, 1e-6);
        Assert.Equal(1e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(120_000, loan.InterestReceived, 1e-6);
        Assert.Equal(12e6, loan.PrincipalReceived + loan.Recovery + loan.Loss, 1e-6);
        Assert.Equal(new Date(2026, 2, 20), loan.DefaultDate);
    }

    [Fact]
    public void AnInstalmentDatedOnTheDefaultDateIsTheOneTheObligorFailsToPay()
    {
        // Defaulting on 2026-02-28, the February instalment's own date: only the January one is received (strictly
        // before the default), as on 02-20: 1m + 120,000, recovery 4.4m. A day later, on 03-01, February's is received
        // too: 2m and 120,000 + 11m × 12% × 28/360 = 120,000 + 102,666.67 = 222,666.67; recovery 40% × 10m = 4m, loss 6m.
        var deal = new SmallDeal(Source(scenarios: Defaults("Feb28", "2026-02-28") + Defaults("Mar01", "2026-03-01")));
        Assert.Equal(1e6, deal.Ledger("principal MinerLoan", 0, "Feb28"), 1e-6);
        Assert.Equal(120_000, deal.Ledger("interest MinerLoan", 0, "Feb28"), 1e-6);
        Assert.Equal(4.4e6, deal.Ledger("recovery MinerLoan", 0, "Feb28"), 1e-6);

        Assert.Equal(2e6, deal.Ledger("principal MinerLoan", 0, "Mar01"), 1e-6);
        Assert.Equal(222_666.666667, deal.Ledger("interest MinerLoan", 0, "Mar01"), 1e-5);
        Assert.Equal(4e6, deal.Ledger("recovery MinerLoan", 0, "Mar01"), 1e-6);
        Assert.Equal(6e6, deal.Outcomes["Mar01"].Loans[0].Loss, 1e-6);
    }

    [Fact]
    public void ADefaultOnAPeriodsFirstDayReceivesNothingOfThatPeriod()
    {
        // 2026-04-01 is the first day of t=1 (2026-03-31 → 06-30), before its first instalment (04-30): t=1 receives
        // nothing but the recovery, 40% × 9m = 3.6m (loss 5.4m). t=0 was received whole: 3m and 120,000 + 102,666.67 +
        // 10m × 12% × 33/360 (110,000) = 332,666.67.
        var deal = new SmallDeal(Source(scenarios: Defaults("Apr01", "2026-04-01")));
        Assert.Equal(3e6, deal.Ledger("principal MinerLoan", 0, "Apr01"), 1e-6);
        Assert.Equal(332_666.666667, deal.Ledger("interest MinerLoan", 0, "Apr01"), 1e-5);
        Assert.Equal(0.0, deal.Ledger("principal MinerLoan", 1, "Apr01"));
        Assert.Equal(0.0, deal.Ledger("interest MinerLoan", 1, "Apr01"));
        Assert.Equal(3.6e6, deal.Ledger("recovery MinerLoan", 1, "Apr01"), 1e-6);
        Assert.Equal(5.4e6, deal.Outcomes["Apr01"].Loans[0].Loss, 1e-6);
    }

    [Fact]
    public void WithAWorkoutLagTheClaimIsOnTheBalanceAfterTheInstalmentsReceived()
    {
        // 'recovery 40% after 6m', defaulting on 2026-02-20: t=0 receives the January instalment and its interest (1m +
        // 120,000) and writes the 11m left down to the claim, 4.4m (loss 6.6m); the claim comes in t = 0 + 6 / 3 = 2.
        var deal = new SmallDeal(Source("recovery 40% after 6m", Defaults("Feb20", "2026-02-20")));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(1e6, deal.Ledger("principal MinerLoan", 0, "Feb20"), 1e-6);
        Assert.Equal(120_000, deal.Ledger("interest MinerLoan", 0, "Feb20"), 1e-6);
        Assert.Equal(0.0, deal.Ledger("recovery MinerLoan", 0, "Feb20"));
        Assert.Equal(4.4e6, deal.Ledger("MinerLoan balance", 1, "Feb20"), 1e-6);
        Assert.Equal(4.4e6, deal.Ledger("recovery MinerLoan", 2, "Feb20"), 1e-6);
        LoanSummary loan = deal.Outcomes["Feb20"].Loans[0];
        Assert.Equal(6.6e6, loan.Loss, 1e-6);
        Assert.Equal(12e6, loan.PrincipalReceived + loan.Recovery + loan.Loss, 1e-6);
    }

    [Fact]
    public void ALoanItsInstalmentsBeforeTheDefaultRepaidHasNotDefaulted()
    {
        // Maturing on 2026-11-30, inside t=3 (2026-09-30 → 12-31): 11 instalments of 12m / 11 from 2026-01-31. Miner
        // defaulting on 2026-12-10, after the last of them, finds the loan repaid: t=3 receives its October and
        // November instalments (the whole balance left) and their interest as in Base, nothing is recovered or lost,
        // and the loan has no default date (its obligor has).
        var deal = new SmallDeal(Source(scenarios: Defaults("Dec10", "2026-12-10"), maturity: "2026-11-30"));
        Assert.Empty(deal.Diagnostics);
        LoanSummary repaid = deal.Outcomes["Dec10"].Loans[0], performing = deal.Outcomes["Base"].Loans[0];
        Assert.Equal(deal.Ledger("principal MinerLoan", 3, "Base"), deal.Ledger("principal MinerLoan", 3, "Dec10"));
        Assert.Equal(deal.Ledger("interest MinerLoan", 3, "Base"), deal.Ledger("interest MinerLoan", 3, "Dec10"));
        Assert.Equal(12e6, repaid.PrincipalReceived, 1e-6);
        Assert.Equal(performing.InterestReceived, repaid.InterestReceived, 1e-6);
        Assert.Equal((0.0, 0.0), (repaid.Recovery, repaid.Loss));
        Assert.Null(repaid.DefaultDate);
        Assert.Equal(new Date(2026, 12, 10), deal.Outcomes["Dec10"].Parties[0].DefaultDate);
    }

    [Fact]
    public void ADrawnDefaultReceivesTheInstalmentsDatedBeforeThePathsOwnDate()
    {
        // Miner's default drawn per path (pd 60% a year, so most paths default within the loan's year). On each path the
        // default period receives 1m for each month end after the period's start and before the path's date (and not
        // after the loan's maturity), with interest when it receives any; principal + recovery + loss is the 12m lent;
        // and the path's figures are those of the same date written in a scenario, bit for bit.
        const int paths = 300;
        string source = Source(scenarios: """
            scenario Drawn for Monthly {
              paths 300
              seed  17
              Miner defaults drawn pd 60% per year
            }
            """);
        int midPeriod = 0;
        DrawnAgainstDated.EachPath(source, "Drawn", 17, paths, (deal, spec, result, expected) =>
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

            Date start = deal.Boundaries[t];
            int before = Enumerable.Range(1, 12).Count(m => new Date(2026, m, 1).AddMonthsClamped(1).AddDays(-1) is var due && due > start && due < d);
            Assert.Equal(before * 1e6, result.LoanPrincipal[0][t], 1e-6);
            Assert.Equal(before > 0, result.LoanInterest[0][t] > 0);
            double received = result.LoanPrincipal[0].Sum() + result.LoanRecovery[0].Sum();
            Assert.Equal(12e6, received + result.LoanLoss[0], 1e-6);
            midPeriod += before > 0 ? 1 : 0;
        });

        // Enough paths default after an instalment inside their default period for the check to mean something.
        Assert.InRange(midPeriod, 20, paths);
    }
}
