using DealLang.Compiler;

namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>pro_rata by balance { ... }</c> (docs/language.md §8): a shortfall shared by the tranches' balances,
/// each capped at what it is owed, against the plain group's sharing by what each is owed.</summary>
public sealed class ProRataByBalanceTests
{
    // Annual, 30/360, 2026-2027: 15m of rent a year. A: 60m at 5%, linear to 2026-12-31 (all 60m due in period 1);
    // B: 40m at 5%, linear to 2027-12-31 (20m due in period 1). After the interest (3m + 2m) 10m is left for principal.
    private static string Source(string group) => $$"""
        deal Pari {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 15m per year  starts 2025-12-31  term 2y }
          tranche A { balance 60m  coupon 5%  amortize linear  maturity 2026-12-31  seniority 1 }
          tranche B { balance 40m  coupon 5%  amortize linear  seniority 1 }
          equity Eq { contributed 10m  holders Owner 100% }

          waterfall {
            pay A.interest
            pay B.interest
            {{group}} { pay A.principal  pay B.principal }
            distribute rest to Eq
          }
        }
        """;

    [Fact]
    public void ByBalanceTheCashSplitsSixtyForty()
    {
        // 10m by balance 60m : 40m = 6m and 4m, each under what it is owed (60m, 20m).
        var deal = new SmallDeal(Source("pro_rata by balance"));
        Assert.Equal(6e6, deal.Ledger("4 pay A.principal paid", 0), 1e-6);
        Assert.Equal(4e6, deal.Ledger("5 pay B.principal paid", 0), 1e-6);
    }

    [Fact]
    public void ByWhatIsOwedTheSameCashSplitsThreeToOne()
    {
        // 10m by amount due 60m : 20m = 7.5m and 2.5m.
        var deal = new SmallDeal(Source("pro_rata"));
        Assert.Equal(7.5e6, deal.Ledger("4 pay A.principal paid", 0), 1e-6);
        Assert.Equal(2.5e6, deal.Ledger("5 pay B.principal paid", 0), 1e-6);
    }

    [Fact]
    public void AFeeCannotBeSharedByBalance()
    {
        string withFee = Source("pro_rata by balance")
            .Replace("  equity Eq", "  fee Trustee { 1m per year }\n  equity Eq", StringComparison.Ordinal)
            .Replace("{ pay A.principal  pay B.principal }", "{ pay Trustee  pay A.principal  pay B.principal }", StringComparison.Ordinal);
        var d = Assert.Single(DealCompiler.Check("pari.deal", withFee).Diagnostics, x => x.Code == "DL0452");
        Assert.EndsWith("'by balance' shares it by the tranches' balances, and a fee has none", d.Message, StringComparison.Ordinal);
    }
}
