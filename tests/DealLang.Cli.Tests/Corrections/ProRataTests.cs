namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// pro_rata groups (docs/language.md §8): pari passu payments share a shortfall in proportion to what each is owed,
/// are paid in full when the cash covers them, carry what they were not paid, and conserve the period's cash.
/// </summary>
public sealed class ProRataTests
{
    // Annual, 30/360, 2026..2028: 3.4m of rent a year; A 60m at 6% (3.6m a year), B 40m at 8% (3.2m), both bullets
    // ranking equally; Rich is the same deal with 10m of rent.
    private static string Source(string rent) => $$"""
        deal Pari {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent {{rent}} per year  starts 2025-12-31  term 3y }
          tranche A { balance 60m  coupon 6%  seniority 1 }
          tranche B { balance 40m  coupon 8%  seniority 1 }
          equity Eq { contributed 10m  holders Owner 100% }

          waterfall {
            pro_rata {
              pay A.interest
              pay B.interest
            }
            pro_rata { pay A.principal  pay B.principal }
            distribute rest to Eq
          }
        }
        """;

    private static readonly SmallDeal Short = new(Source("3.4m"));

    private static readonly SmallDeal Rich = new(Source("10m"));

    [Fact]
    public void AShortfallIsSharedInProportionToWhatEachIsOwed()
    {
        // Period 1: 3.4m of cash, 3.6m + 3.2m = 6.8m due: A gets 3.4m x 3.6/6.8 = 1.8m, B 3.4m x 3.2/6.8 = 1.6m.
        Assert.Equal(1.8e6, Short.Ledger("2 pay A.interest paid", 0), 1e-6);
        Assert.Equal(1.6e6, Short.Ledger("3 pay B.interest paid", 0), 1e-6);

        // Period 2: each owes its coupon plus what it was not paid: A 3.6m + 1.8m = 5.4m, B 3.2m + 1.6m = 4.8m; the
        // 3.4m splits 5.4 : 4.8 = 1.8m : 1.6m again, and the unpaid grows to 3.6m and 3.2m.
        Assert.Equal(5.4e6, Short.Ledger("2 pay A.interest due", 1), 1e-6);
        Assert.Equal(1.8e6, Short.Ledger("2 pay A.interest paid", 1), 1e-6);
        Assert.Equal(3.2e6, Short.Ledger("3 pay B.interest short", 1), 1e-6);
        Assert.Equal(0.0, Short.Ledger("7 distribute rest to Eq distributed", 1));
    }

    [Fact]
    public void WhenTheCashCoversThemEachIsPaidInFull()
    {
        // Period 1: 10m of cash covers the 6.8m of interest: 3.6m and 3.2m exactly, 3.2m left for the equity (no
        // principal is due on bullets before maturity).
        Assert.Equal(3.6e6, Rich.Ledger("2 pay A.interest paid", 0));
        Assert.Equal(3.2e6, Rich.Ledger("3 pay B.interest paid", 0));
        Assert.Equal(3.2e6, Rich.Ledger("7 distribute rest to Eq distributed", 0), 1e-6);
    }

    [Fact]
    public void AtMaturityThePrincipalIsSharedByBalanceDue()
    {
        // Period 3 (maturity), Rich: 10m in; interest 6.8m paid in full; 3.2m left for principal due 60m and 40m:
        // A 3.2m x 60/100 = 1.92m, B 1.28m. The rest is lost in proportion too.
        Assert.Equal(1.92e6, Rich.Ledger("5 pay A.principal paid", 2), 1e-6);
        Assert.Equal(1.28e6, Rich.Ledger("6 pay B.principal paid", 2), 1e-6);
        Assert.Equal(60e6 - 1.92e6, Rich.Single.Tranches[0].PrincipalLoss, 1e-6);
    }
}
