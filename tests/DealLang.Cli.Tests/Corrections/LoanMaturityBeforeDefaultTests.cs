using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan whose maturity falls inside a deal period, its obligor defaulting later in that period (docs/language.md §5,
/// "loan", a default inside a period): the loan was repaid at its maturity, before the obligor failed, so the period
/// receives what it receives without the default (the whole balance and the period's interest), nothing is recovered
/// or lost, and the loan has no default date (its obligor has). A bullet and a loan amortising at the deal's own
/// frequency alike: their only date inside a period is the maturity. A default on the maturity date itself is the
/// maturity's payment the obligor fails to make. Every run checks that cash is conserved (the generated loop's
/// CashCheck).
/// </summary>
public sealed class LoanMaturityBeforeDefaultTests
{
    // Quarterly, 30/360 (every year fraction 0.25), month ends from 2025-12-31: twelve periods to 2028-12-31, 2028Q1 (t=8,
    // 2027-12-31 → 2028-03-31) holding both loans' maturity, 2028-02-15. BulletLoan 100m at 8%: 2m a quarter, the 100m at
    // t=8. LinearLoan 90m at 8% 'amortize linear' (the deal's frequency): 90m / 9 = 10m a quarter over t=0..8, the last
    // 10m at t=8 with 10m × 8% × 0.25 = 0.2m of interest. Its recovery comes after a workout lag of 6 months, 2 quarters.
    private static string Source(string scenarios) => $$"""
        deal Maturing {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          loan BulletLoan { obligor Miner  balance 100m  coupon 8% fixed  maturity 2028-02-15  recovery 40% }
          loan LinearLoan { obligor Miner  balance 90m  coupon 8% fixed  amortize linear  maturity 2028-02-15  recovery 40% after 6m }

          tranche Notes { balance 150m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Maturing { }
        {{scenarios}}
        """;

    private static string Defaults(string name, string date) => "scenario " + name + " for Maturing { Miner defaults on " + date + " }\n";

    private static readonly SmallDeal Deal = new(Source(Defaults("Mar10", "2028-03-10") + Defaults("Feb15", "2028-02-15")));

    [Fact]
    public void ABulletLoanRepaidAtItsMaturityBeforeItsObligorDefaultsInThatQuarterLosesNothing()
    {
        // Miner defaults on 2028-03-10, inside t=8 and after 2028-02-15: BulletLoan repaid its 100m and paid its 2m of
        // interest at the maturity, as in Base; recovery 0, loss 0. 100m + 0 + 0 = 100m lent.
        Assert.Empty(Deal.Diagnostics);
        Assert.Equal(100e6, Deal.Ledger("principal BulletLoan", 8, "Mar10"), 1e-6);
        Assert.Equal(2e6, Deal.Ledger("interest BulletLoan", 8, "Mar10"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("recovery BulletLoan", 8, "Mar10"));
        Assert.Equal(0.0, Deal.Ledger("BulletLoan balance", 8, "Mar10"));
        for (int t = 0; t < 12; t++)
        {
            Assert.Equal(Deal.Ledger("interest BulletLoan", t, "Base"), Deal.Ledger("interest BulletLoan", t, "Mar10"));
            Assert.Equal(Deal.Ledger("principal BulletLoan", t, "Base"), Deal.Ledger("principal BulletLoan", t, "Mar10"));
            Assert.Equal(0.0, Deal.Ledger("recovery BulletLoan", t, "Mar10"));
        }

        LoanSummary loan = Deal.Outcomes["Mar10"].Loans[0];
        Assert.Equal(100e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(Deal.Outcomes["Base"].Loans[0].InterestReceived, loan.InterestReceived, 1e-6);
        Assert.Equal((0.0, 0.0), (loan.Recovery, loan.Loss));
        Assert.Null(loan.DefaultDate);
        Assert.Equal(new Date(2028, 3, 10), Deal.Outcomes["Mar10"].Parties[0].DefaultDate);
    }

    [Fact]
    public void ALoanAmortisingAtTheDealsFrequencyRepaidAtItsMaturityBeforeTheDefaultLosesNothingEither()
    {
        // LinearLoan's last 10m and its 0.2m of interest are received at t=8 as in Base; nothing is written down to a
        // claim, nothing recovered two quarters later, nothing lost: 9 × 10m = 90m lent.
        Assert.Equal(10e6, Deal.Ledger("principal LinearLoan", 8, "Mar10"), 1e-6);
        Assert.Equal(0.2e6, Deal.Ledger("interest LinearLoan", 8, "Mar10"), 1e-6);
        for (int t = 8; t < 12; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("recovery LinearLoan", t, "Mar10"));
            Assert.Equal(0.0, Deal.Ledger("LinearLoan balance", t, "Mar10"));
        }

        LoanSummary loan = Deal.Outcomes["Mar10"].Loans[1];
        Assert.Equal(90e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal((0.0, 0.0, 0.0), (loan.Recovery, loan.Loss, loan.Outstanding));
        Assert.Null(loan.DefaultDate);
    }

    [Fact]
    public void ADefaultOnTheMaturityDateIsTheMaturitysPaymentTheObligorFailsToMake()
    {
        // Miner defaults on 2028-02-15 itself: nothing of t=8 is received (the maturity's payment is the one it fails to
        // make). BulletLoan: 40% × 100m = 40m recovered at t=8, 60m lost. LinearLoan: its 10m written down to a 4m claim
        // (6m lost), received at t = 8 + 6 / 3 = 10. 80m + 4m + 6m = 90m lent.
        Assert.Equal(0.0, Deal.Ledger("principal BulletLoan", 8, "Feb15"));
        Assert.Equal(0.0, Deal.Ledger("interest BulletLoan", 8, "Feb15"));
        Assert.Equal(40e6, Deal.Ledger("recovery BulletLoan", 8, "Feb15"), 1e-6);
        LoanSummary bullet = Deal.Outcomes["Feb15"].Loans[0];
        Assert.Equal(60e6, bullet.Loss, 1e-6);
        Assert.Equal(new Date(2028, 2, 15), bullet.DefaultDate);

        Assert.Equal(0.0, Deal.Ledger("principal LinearLoan", 8, "Feb15"));
        Assert.Equal(4e6, Deal.Ledger("LinearLoan balance", 8, "Feb15"), 1e-6);
        Assert.Equal(4e6, Deal.Ledger("recovery LinearLoan", 10, "Feb15"), 1e-6);
        LoanSummary linear = Deal.Outcomes["Feb15"].Loans[1];
        Assert.Equal(80e6, linear.PrincipalReceived, 1e-6);
        Assert.Equal(6e6, linear.Loss, 1e-6);
        Assert.Equal(90e6, linear.PrincipalReceived + linear.Recovery + linear.Loss + linear.Sold + linear.Outstanding, 1e-6);
    }

    [Fact]
    public void ADrawnDefaultAfterTheMaturityInItsQuarterLosesNothingOnThePathsOwnDate()
    {
        // Miner's default drawn per path (pd 30% a year). On each path BulletLoan's figures are those of the same date
        // written in a scenario, bit for bit; principal + recovery + loss is the 100m lent; and a path defaulting after
        // 2028-02-15 in its quarter (up to 2028-03-31) loses nothing and receives the 100m at t=8.
        const int paths = 1000;
        int afterMaturity = 0;
        DrawnAgainstDated.EachPath(Source("""
            scenario Drawn for Maturing {
              paths 1000
              seed  28
              Miner defaults drawn pd 30% per year
            }
            """), "Drawn", 28, paths, (deal, spec, result, expected) =>
        {
            Assert.Equal(expected.LoanPrincipal[0], result.LoanPrincipal[0]);
            Assert.Equal(expected.LoanRecovery[0], result.LoanRecovery[0]);
            Assert.Equal(expected.LoanLoss[0], result.LoanLoss[0]);
            Assert.Equal(100e6, result.LoanPrincipal[0].Sum() + result.LoanRecovery[0].Sum() + result.LoanLoss[0], 1e-6);
            if (spec.PartyDefaults[0] is { } d && d > new Date(2028, 2, 15) && d <= new Date(2028, 3, 31))
            {
                Assert.Equal(100e6, result.LoanPrincipal[0][8], 1e-6);
                Assert.Equal(0.0, result.LoanLoss[0]);
                Assert.Equal(-1, result.LoanDefaultPeriod[0]);
                afterMaturity++;
            }
        });

        // Enough paths default in the maturity's quarter after it for the check to mean something.
        Assert.InRange(afterMaturity, 5, paths);
    }
}
