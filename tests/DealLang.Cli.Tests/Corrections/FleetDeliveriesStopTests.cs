using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// docs/language.md §5 "fleet", "Deliveries stop at an event of default": the deal's money (the draws against the fleet
/// and the equity) buys its deliveries, and an event of default stops every later draw, so no batch is delivered after
/// it; a sale sells only the units delivered by then, every unit is sold at most once (units sold + units at the end
/// ≤ units delivered), and the fleet's summary rows count a whole-fleet (haircut) sale as they count a repo-market one.
/// </summary>
public sealed class FleetDeliveriesStopTests
{
    // Monthly, 30/360, no income: January's interest on the 100m note goes unpaid, so the event of default is at the
    // end of January (period 0). Three batches of 1,000 GPUs at 30k: 2026-01-15 (January), 2026-03-15 (March),
    // 2026-06-15 (June). Market value 90% of cost, declining 0% a year: 27,000 a GPU throughout.
    private const string Header = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      monthly
          daycount 30/360

          party Owner { }
          fleet Cluster {
            deliveries {
              2026-01-15 1000 gpus at 30k per gpu
              2026-03-15 1000 gpus at 30k per gpu
              2026-06-15 1000 gpus at 30k per gpu
            }
            depreciate straight_line 6y
            market_value 90% declining 0% per year
          }

          tranche Loan { balance 100m  coupon 9% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          default when Loan.interest_shortfall > 0
          enforcement {
        """;

    private const string Footer = """
            waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.balance  distribute rest to Eq }
          }

          waterfall {
            pay Cluster.opex
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }
        """;

    // The sale's date: the end of January + 2 months = 2026-04-01, the end of March (period 2).
    private const string HaircutSource = Header + "    sell Cluster haircut 10% lag 2m\n" + Footer;

    // The repo market from January's end: 300 GPUs a month at most, depth 1,000, impact 20%, costs 500, haircut 10%.
    private const string MarketSource = Header
        + "    sell Cluster haircut 10% lag 0m  depth 1000 gpus per month  impact 20%  limit 300 gpus per month  costs 500 per gpu\n" + Footer;

    [Fact]
    public void NoBatchIsDeliveredAfterTheEventOfDefault()
    {
        var deal = new SmallDeal(HaircutSource);

        // Only January's batch was delivered by the event of default (the end of January): March's and June's never
        // arrive. (Before the fix March's batch arrived during the workout: 2,000 units in March.)
        Assert.Equal(1000.0, deal.Ledger("Cluster units", 0));
        Assert.Equal(1000.0, deal.Ledger("Cluster units", 1));
        Assert.Equal(27_000_000.00, deal.Ledger("Cluster market value", 1), 0.01);
        // The sale at the end of March sells those 1,000 units: 1,000 × 27,000 × (1 − 10%) = 24,300,000 (before the
        // fix 2,000 × 27,000 × 0.9 = 48,600,000, the unfunded March batch included).
        Assert.Equal(24_300_000.00, deal.Ledger("sale proceeds", 2), 0.01);
        Assert.Equal(24_300_000.00, deal.Single.Events.SaleProceeds, 0.01);
    }

    [Fact]
    public void TheFleetRowsCountAHaircutSale()
    {
        var deal = new SmallDeal(HaircutSource, fullLedger: false);
        FleetSummary cluster = deal.Single.Fleets.Single();

        // The whole fleet sold at the end of March: its 1,000 GPUs for 1,000 × 27,000 × (1 − 10%) = 24,300,000, the deal's
        // sale proceeds (before the fix the fleet's rows said 0 sold, for 0). Nothing held at the end, nor at the maturity.
        Assert.Equal(1000.0, cluster.UnitsSold);
        Assert.Equal(24_300_000.00, cluster.SaleProceeds, 0.01);
        Assert.Equal(deal.Single.Events.SaleProceeds, cluster.SaleProceeds, 0.01);
        Assert.Equal(0.0, cluster.Units);
        Assert.Equal(0.0, cluster.MarketValue);
        Assert.Equal(0.0, cluster.BookValue);
    }

    [Fact]
    public void ARepoMarketSaleSellsOnlyTheUnitsDeliveredByTheEventOfDefault()
    {
        var deal = new SmallDeal(MarketSource, fullLedger: false);
        FleetSummary cluster = deal.Single.Fleets.Single();

        // 1,000 GPUs delivered by the event of default. January, February and March sell 300 each, April the 100 left:
        // at 300 a month the price is cut by 20% × 300 / 1,000 = 6%, 27,000 × 0.9 × 0.94 − 500 = 22,342 a GPU, 6,702,600;
        // at 100 by 2%, 27,000 × 0.9 × 0.98 − 500 = 23,314, 2,331,400. Sold 1,000 for 3 × 6,702,600 + 2,331,400 =
        // 22,439,200, none left. (Before the fix the share kept scaled the batches delivered later in: 1,000 → 700
        // (kept 0.7) → 400 (0.4); March's batch made it 2,000 × 0.4 = 800 → 500 (0.25); April 500 → 200, May 200 → 0:
        // 1,400 GPUs sold, more than the 1,000 delivered by the event of default.)
        Assert.Equal(1000.0, cluster.UnitsSold);
        Assert.Equal(22_439_200.00, cluster.SaleProceeds, 0.01);
        Assert.Equal(0.0, cluster.Units);
        Assert.True(cluster.UnitsSold + cluster.Units <= 1000.0);
    }
}
