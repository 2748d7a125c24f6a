namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>sweep X% of rest to T</c> (docs/language.md §8): that share of the cash still unapplied prepays the
/// tranche, at most its balance; the rest goes on down the waterfall.</summary>
public sealed class SweepShareTests
{
    // Annual, 30/360, 2026-2027: 20m of rent a year; the notes 20m at 5%, linear over the two years.
    private const string Source = """
        deal Sweep {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 20m per year  starts 2025-12-31  term 2y }
          tranche Notes { balance 20m  coupon 5%  amortize linear }
          equity Eq { contributed 10m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            sweep 50% of rest to Notes
            distribute rest to Eq
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void HalfOfWhatIsLeftPrepaysTheNotes()
    {
        // Period 1: 20m - interest 1m - linear principal 10m = 9m; the sweep takes 4.5m: balance 20m - 10m - 4.5m =
        // 5.5m, and Eq gets the other 4.5m.
        Assert.Equal(4.5e6, Deal.Ledger("3 sweep 50% of rest to Notes swept", 0), 1e-6);
        Assert.Equal(5.5e6, Deal.Ledger("Notes balance", 0), 1e-6);
        Assert.Equal(4.5e6, Deal.Ledger("4 distribute rest to Eq distributed", 0), 1e-6);
    }

    [Fact]
    public void ASweepTakesNoMoreThanTheBalance()
    {
        // Period 2: interest 5.5m x 5% = 0.275m; the last 5.5m of principal; 14.225m left, half of which (7.1125m)
        // exceeds the balance, now 0: nothing is swept and Eq gets all 14.225m.
        Assert.Equal(0.0, Deal.Ledger("3 sweep 50% of rest to Notes swept", 1));
        Assert.Equal(14.225e6, Deal.Ledger("4 distribute rest to Eq distributed", 1), 1e-6);
        Assert.Equal(0.0, Deal.Single.Tranches[0].PrincipalLoss, 1e-6);
    }
}
