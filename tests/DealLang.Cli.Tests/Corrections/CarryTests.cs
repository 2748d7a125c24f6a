using DealLang.Runner.Reports;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fund's distribution waterfall, end to end (docs/language.md §5 "A fund's LPs: hurdle and carry"): an equity
/// with two LP classes, an 8% hurdle, 20% carry and a 100% catch-up, over two annual periods in which the equity
/// receives 70m each (a lease's rent, nothing owed ahead of it).
/// </summary>
public sealed class CarryTests
{
    private static string Fund(string carry) => $$"""
        deal Fund {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      annual
          daycount 30/360

          party Tenant  { }
          party Pension { }
          party Etf     { }
          party Manager { }

          facility Asset { cost 100m  value straight_line 20y floor 0% from 2026-01-01 }
          lease AssetLease on Asset { lessee Tenant  rent 70m per year  starts 2026-01-01  term 2y }

          equity Investors {
            contributed 100m
            holders Pension 75%, Etf 25%
            {{carry}}
          }

          waterfall { distribute rest to Investors }
        }
        """;

    [Fact]
    public void CarryWithACatchUp()
    {
        // Years (ACT/365F) from closing: 1.0 and 2.0. Hurdle account A starts at the contribution, 100m.
        // Period 1: A = 100 × 1.08 = 108; the 70 all goes to the LPs (tier 1), A = 38.
        // Period 2: A = 38 × 1.08 = 41.04 to the LPs (tier 1), 28.96 left. Profits so far: 70 + 41.04 − 100 = 11.04;
        //   the GP's catch-up deficit is 20% × 11.04 − 0 = 2.208, reached after x = 2.208 / (100% − 20%) = 2.76,
        //   all to the GP. The 26.2 left: 20% = 5.24 to the GP, 20.96 to the LPs.
        // GP: 2.76 + 5.24 = 8.00 (= 20% of the 40 of profits). LPs: 70 + 41.04 + 20.96 = 132.00:
        //   Pension 75% = 99.00, Etf 25% = 33.00. LP flows −100, +70 at 1y, +62 at 2y:
        //   IRR r solves 70/(1+r) + 62/(1+r)² = 100: (1+r) = (70 + √(4900 + 24800)) / 200 = (70 + √29700) / 200.
        var deal = new SmallDeal(Fund("hurdle 8%  carry 20% to Manager catch_up 100%"));
        var equity = deal.Single.Equities.Single();
        Assert.Equal(140e6, equity.Distributions, 1e-3);
        Assert.NotNull(equity.Carry);
        Assert.Equal("Manager", equity.Carry.Partner);
        Assert.Equal(8e6, equity.Carry.Carry, 1e-3);
        var pension = equity.Carry.Classes[0];
        var etf = equity.Carry.Classes[1];
        Assert.Equal(("Pension", 75e6, 99e6, 0.0), (pension.Holder, pension.Contributed, Math.Round(pension.Distributions, 3), pension.Loss));
        Assert.Equal(("Etf", 25e6, 33e6, 0.0), (etf.Holder, etf.Contributed, Math.Round(etf.Distributions, 3), etf.Loss));
        double irr = (70 + Math.Sqrt(29_700)) / 200 - 1;
        Assert.Equal(irr, pension.Irr, 1e-7);
        Assert.Equal(irr, etf.Irr, 1e-7);
        Assert.Equal(99e6, equity.Holders[0].Distributions, 1e-3); // the holders' cut is of the LPs' part

        string summary = SummaryReport.Render(deal.Description, [deal.Single], ReportFormat.Table);
        Assert.Matches(@"carry to Manager\s+8\.0\b", summary);
        Assert.Matches(@"LP Etf distributions\s+33\.0\b", summary);

        string json = SummaryReport.Render(deal.Description, [deal.Single], ReportFormat.Json);
        Assert.Matches(@"""carry"":\s*\{\s*""partner"":\s*""Manager"",\s*""carry"":\s*8000000(\.0+)?,", json);
    }

    [Fact]
    public void CarryWithoutACatchUpTakesOnlyProfitsAboveTheHurdle()
    {
        // As above to the end of tier 1 in period 2 (41.04 to the LPs, 28.96 left); no catch-up, so the 28.96 is
        // split: 20% = 5.792 to the GP, 23.168 to the LPs. LPs 70 + 41.04 + 23.168 = 134.208.
        var deal = new SmallDeal(Fund("hurdle 8%  carry 20% to Manager"));
        var carry = deal.Single.Equities.Single().Carry!;
        Assert.Equal(5.792e6, carry.Carry, 1e-3);
        Assert.Equal(134.208e6 * 0.75, carry.Classes[0].Distributions, 1e-3);
    }

    [Fact]
    public void AnLpsLossIsItsCapitalLessWhatItReceived()
    {
        // Rent 30m a year: 60m reaches the equity, all of it tier 1 (the hurdle account never empties): no carry.
        // Pension: capital 75m, received 45m, loss 30m; Etf: 25m, 15m, 10m.
        var deal = new SmallDeal(Fund("hurdle 8%  carry 20% to Manager catch_up 100%").Replace("rent 70m", "rent 30m", StringComparison.Ordinal));
        var carry = deal.Single.Equities.Single().Carry!;
        Assert.Equal(0.0, carry.Carry, 1e-6);
        Assert.Equal(30e6, carry.Classes[0].Loss, 1e-3);
        Assert.Equal(10e6, carry.Classes[1].Loss, 1e-3);
        Assert.True(carry.Classes[0].Irr < 0);
    }
}
