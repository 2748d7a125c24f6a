using DealLang.Compiler;

namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>distribute X% of rest to E</c> (docs/language.md §8): that share of the cash still unapplied goes to E,
/// the rest to the steps after; the waterfall must still end with a whole <c>distribute rest</c>.</summary>
public sealed class DistributeShareTests
{
    // Annual, 30/360, 2026-2027: 20m of rent a year; the notes 20m at 5%, linear over the two years.
    private const string Source = """
        deal Split {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          party Manager { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 20m per year  starts 2025-12-31  term 2y }
          tranche Notes { balance 20m  coupon 5%  amortize linear }
          equity Promote { contributed 0  holders Manager 100% }
          equity Eq { contributed 10m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute 20% of rest to Promote
            distribute rest to Eq
          }
        }
        """;

    [Fact]
    public void TheShareGoesToOneEquityAndTheRestToTheNextStep()
    {
        // Period 1: 20m - interest 1m (20m x 5%) - principal 10m = 9m; 20% of it, 1.8m, to Promote; 7.2m to Eq.
        // Period 2: 20m - 0.5m - 10m = 9.5m: 1.9m and 7.6m.
        var deal = new SmallDeal(Source);
        Assert.Equal(1.8e6, deal.Ledger("3 distribute 20% of rest to Promote distributed", 0), 1e-6);
        Assert.Equal(7.2e6, deal.Ledger("4 distribute rest to Eq distributed", 0), 1e-6);
        Assert.Equal(1.9e6, deal.Ledger("3 distribute 20% of rest to Promote distributed", 1), 1e-6);
        Assert.Equal(7.6e6, deal.Ledger("4 distribute rest to Eq distributed", 1), 1e-6);
    }

    [Fact]
    public void AWaterfallEndingWithAShareStillNeedsAWholeDistribute()
    {
        string partial = Source.Replace("    distribute rest to Eq\n", "", StringComparison.Ordinal);
        var result = DealCompiler.Check("split.deal", partial);
        Assert.Contains(result.Diagnostics, d => d.Code == "DL0410");
    }
}
