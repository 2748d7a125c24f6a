namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// sequential groups (docs/language.md §8): on their own they are their steps in order; as stacks inside a pro_rata
/// group each shares a shortfall by what all its payments are owed together, then pays them in order from its share.
/// </summary>
public sealed class SequentialStackTests
{
    // Annual, 30/360, 2026..2028: A 60m at 6% (3.6m a year), B 40m at 8% (3.2m), both bullets ranking equally; each
    // class a stack of its interest then its principal. Short has 3.4m of rent a year, Rich 10m.
    private static string Source(string rent, string waterfall) => $$"""
        deal Stacks {
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
            {{waterfall}}
            distribute rest to Eq
          }
        }
        """;

    // Steps: 1 pro_rata, 2 sequential, 3 pay A.interest, 4 pay A.principal, 5 sequential, 6 pay B.interest,
    // 7 pay B.principal, 8 distribute rest to Eq.
    private const string Stacks = """
        pro_rata {
              sequential { pay A.interest  pay A.principal }
              sequential { pay B.interest  pay B.principal }
            }
        """;

    private static readonly SmallDeal Short = new(Source("3.4m", Stacks));

    private static readonly SmallDeal Rich = new(Source("10m", Stacks));

    [Fact]
    public void BeforeMaturityAStackIsOwedItsInterestAndSharesTheShortfallByIt()
    {
        // Period 1: 3.4m of cash; A's stack is owed 3.6m + 0 (a bullet), B's 3.2m + 0: 6.8m in all. A's share
        // 3.4m x 3.6/6.8 = 1.8m, all to its interest; B's 3.4m x 3.2/6.8 = 1.6m.
        Assert.Equal(1.8e6, Short.Ledger("3 pay A.interest paid", 0), 1e-6);
        Assert.Equal(0.0, Short.Ledger("4 pay A.principal paid", 0));
        Assert.Equal(1.6e6, Short.Ledger("6 pay B.interest paid", 0), 1e-6);
        Assert.Equal(0.0, Short.Ledger("8 distribute rest to Eq distributed", 0));
    }

    [Fact]
    public void AtMaturityEachStackIsOwedInterestAndPrincipalAndPaysThemInOrderFromItsShare()
    {
        // Period 3 (maturity), Rich: 10m of cash. A's stack is owed 3.6m + 60m = 63.6m, B's 3.2m + 40m = 43.2m,
        // 106.8m in all. A's share 10m x 63.6/106.8 = 5.955056m: interest 3.6m in full, then 2.355056m of principal.
        // B's share 10m x 43.2/106.8 = 4.044944m: interest 3.2m, then 0.844944m of principal. (Interest first, then
        // principal pro rata, would pay A's principal 3.2m x 60/100 = 1.92m.)
        double aShare = 10e6 * 63.6 / 106.8;
        double bShare = 10e6 * 43.2 / 106.8;
        Assert.Equal(63.6e6 - 3.6e6, Rich.Ledger("4 pay A.principal due", 2), 1e-6);
        Assert.Equal(3.6e6, Rich.Ledger("3 pay A.interest paid", 2), 1e-6);
        Assert.Equal(aShare - 3.6e6, Rich.Ledger("4 pay A.principal paid", 2), 1e-6);
        Assert.Equal(3.2e6, Rich.Ledger("6 pay B.interest paid", 2), 1e-6);
        Assert.Equal(bShare - 3.2e6, Rich.Ledger("7 pay B.principal paid", 2), 1e-6);
        Assert.Equal(2.355056e6, aShare - 3.6e6, 1.0);
        Assert.Equal(60e6 - (aShare - 3.6e6), Rich.Single.Tranches[0].PrincipalLoss, 1e-6);
        Assert.Equal(0.0, Rich.Ledger("8 distribute rest to Eq distributed", 2), 1e-6);
    }

    [Fact]
    public void WhenTheCashCoversEveryStackEachPaymentIsPaidInFull()
    {
        // Period 1, Rich: 10m covers the 6.8m owed: 3.6m and 3.2m, and 3.2m goes on to the equity.
        Assert.Equal(3.6e6, Rich.Ledger("3 pay A.interest paid", 0));
        Assert.Equal(3.2e6, Rich.Ledger("6 pay B.interest paid", 0));
        Assert.Equal(3.2e6, Rich.Ledger("8 distribute rest to Eq distributed", 0), 1e-6);
    }

    [Fact]
    public void OnItsOwnASequentialGroupIsItsStepsInOrder()
    {
        // Steps: 1 sequential, 2 pay A.interest, 3 pay B.interest, 4 pay A.principal, 5 pay B.principal, 6 distribute.
        var grouped = new SmallDeal(Source("3.4m", "sequential { pay A.interest  pay B.interest }\n    pay A.principal\n    pay B.principal"));
        // Period 1: 3.4m; A's interest 3.6m takes all of it, B's gets nothing: in order, not shared.
        Assert.Equal(3.4e6, grouped.Ledger("2 pay A.interest paid", 0), 1e-6);
        Assert.Equal(0.0, grouped.Ledger("3 pay B.interest paid", 0));
        Assert.Equal(3.2e6, grouped.Ledger("3 pay B.interest short", 0), 1e-6);
    }
}
