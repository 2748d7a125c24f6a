namespace DealLang.Cli.Tests.Corrections;

/// <summary>A tranche with a target balance (a borrowing base): whatever its balance exceeds the target by is principal
/// due, a mandatory prepayment (docs/language.md, tranche).</summary>
public sealed class BorrowingBaseTests
{
    // Annual, 30/360, four periods 2026..2029. The campus costs 150m and depreciates straight line over 10 years, so its
    // value at the end of periods 1..4 is 135m, 120m, 105m, 90m. The loan: 100m bullet at 6%, target 70% of that value.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Sponsor { }
          facility Campus { cost 150m  value straight_line 10y }
          lease CampusLease on Campus { lessee Tenant  rent 100m per year  starts 2025-12-31  term 4y }

          tranche Loan { balance 100m  coupon 6%  target_balance 70% * Campus.value }
          equity Owners { contributed 50m  holders Sponsor 100% }

          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Owners
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheBalanceAboveTheBorrowingBaseIsPrepaid()
    {
        // Period 1: target 70% × 135m = 94.5m; the bullet schedules nothing, so principal due = 100m − 94.5m = 5.5m;
        //           interest 100m × 6% = 6m; paid from the 100m rent: balance 94.5m.
        // Period 2: target 70% × 120m = 84m: 10.5m due; interest 94.5m × 6% = 5.67m; balance 84m.
        // Period 3: target 73.5m: 10.5m due; balance 73.5m.
        // Period 4: the maturity: the whole 73.5m (above the 63m target), which the rent covers.
        Assert.Equal(94.5e6, Deal.Ledger("Loan target balance", 0), 1e-6);
        Assert.Equal(5.5e6, Deal.Ledger("Loan principal due", 0), 1e-6);
        Assert.Equal(6e6, Deal.Ledger("Loan interest due", 0), 1e-6);
        Assert.Equal(94.5e6, Deal.Ledger("Loan balance", 0), 1e-6);
        Assert.Equal(10.5e6, Deal.Ledger("Loan principal due", 1), 1e-6);
        Assert.Equal(5.67e6, Deal.Ledger("Loan interest due", 1), 1e-6);
        Assert.Equal(84e6, Deal.Ledger("Loan balance", 1), 1e-6);
        Assert.Equal(10.5e6, Deal.Ledger("Loan principal due", 2), 1e-6);
        Assert.Equal(73.5e6, Deal.Ledger("Loan principal due", 3), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Loan balance", 3), 1e-6);
    }

    [Fact]
    public void ABalanceBelowTheTargetOwesNothingMore()
    {
        // A 200m campus: target 70% × 180m = 126m, above the 100m balance: no prepayment (the bullet owes nothing).
        var deal = new SmallDeal(Source.Replace("cost 150m", "cost 200m", StringComparison.Ordinal));
        Assert.Equal(0.0, deal.Ledger("Loan principal due", 0));
        Assert.Equal(100e6, deal.Ledger("Loan balance", 0), 1e-6);
    }
}
