namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A repo-market sale that weighs what a unit held back costs (docs/language.md §9, "The repo market"): a period sells
/// the most of its proceeds less h × the units it holds back, h an idle unit's power and maintenance over the next
/// period at the fleet's idle_cost share (× the idle share of the units, for a sale that does not keep its contracts),
/// so q* = floor(m × depth × (1 − (costs − h) / G) / (2 × impact)).
/// Every deal runs with the cash check on (SmallDeal).
/// </summary>
public sealed class RepoMarketHoldingCostTests
{
    // Monthly. 3,000 GPUs at 30k at closing, market value 90% of cost with no decline (27,000 a GPU), no contract: every
    // unit idle. 1 kW per GPU, PUE 1.5, 100 per MWh (0.1 per kWh), maintenance 3% of cost a year. No revenue, so
    // January's interest (100m × 9% / 12 = 750,000) goes unpaid: an event of default at January's end and, with lag 0,
    // a sale from January: G = 27,000 × 0.9 = 24,300, depth 1,000 a month, impact 20%, at most 3,000 a month, costs 500.
    private const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      monthly
          daycount 30/360

          party Owner { }
          fleet Cluster {
            units 3000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            market_value 90% declining 0% per year
            power 1 kW per gpu  pue 1.5  power_price 100 per MWh
            maintenance 3% per year
            IDLE_COST
          }

          tranche Loan { balance 100m  coupon 9% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          default when Loan.interest_shortfall > 0
          enforcement {
            sell Cluster haircut 10% lag 0m  depth 1000 gpus per month  impact 20%  limit 3000 gpus per month  costs 500 per gpu
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

    [Fact]
    public void WithoutAHoldingCostAPeriodSellsTheVertexOfItsProceeds()
    {
        // idle_cost 0%: an idle unit costs nothing, h = 0. q* = floor(1 × 1,000 × (1 − 500 / 24,300) / (2 × 20%))
        // = floor(2,500 × 0.9794239) = floor(2,448.56) = 2,448 of the 3,000 offered, at 24,300 × (1 − 20% × 2.448) − 500
        // = 11,902.72 each: 29,137,858.56. February sells the 552 left (fewer than its vertex).
        var deal = new SmallDeal(Source.Replace("IDLE_COST", "idle_cost 0%", StringComparison.Ordinal));
        Assert.Equal(29_137_858.56, deal.Ledger("sale proceeds", 0), 0.01);
        Assert.Equal(552.0, deal.Ledger("Cluster units", 0), 6);
        Assert.Equal(0.0, deal.Ledger("Cluster opex", 1), 0.01);
        Assert.Equal(0.0, deal.Ledger("Cluster units", 1), 6);
    }

    [Fact]
    public void AUnitHeldBackCostsFebruarysPowerAndMaintenanceSoJanuarySellsMore()
    {
        // idle_cost 100% (the default): h = February's (28 days) power and maintenance of one unit,
        // 1 × 1.5 × 0.1 × 24 × 28 = 100.80 + 30,000 × 3% × 28 / 365.25 = 68.9938, 169.7938.
        // q* = floor(2,500 × (1 − (500 − 169.7938) / 24,300)) = floor(2,500 × 0.9864113) = floor(2,466.03) = 2,466:
        // 18 more than without it, at 24,300 × (1 − 20% × 2.466) − 500 = 11,815.24 each: 29,136,381.84, 1,476.72 less,
        // but the 18 sold save 18 × 169.7938 = 3,056.29 of February's opex.
        var deal = new SmallDeal(Source.Replace("IDLE_COST", "", StringComparison.Ordinal));
        Assert.Equal(29_136_381.84, deal.Ledger("sale proceeds", 0), 0.01);
        Assert.Equal(534.0, deal.Ledger("Cluster units", 0), 6);

        // February: the 534 held back cost 534 × 169.7938 = 90,669.91 (not 552 × 169.7938 = 93,726.20), and are sold.
        Assert.Equal(90_669.91, deal.Ledger("Cluster opex", 1), 0.01);
        Assert.Equal(0.0, deal.Ledger("Cluster units", 1), 6);
    }

    [Fact]
    public void AnIdleCostShareWeighsOnlyThatShareOfTheUnitsCost()
    {
        // idle_cost 15%: h = 15% × 169.7938 = 25.4691; q* = floor(2,500 × (1 − 474.5309 / 24,300)) = floor(2,500 ×
        // 0.9804720) = floor(2,451.18) = 2,451, at 24,300 × (1 − 20% × 2.451) − 500 = 11,888.14 each: 29,137,831.14.
        var deal = new SmallDeal(Source.Replace("IDLE_COST", "idle_cost 15%", StringComparison.Ordinal));
        Assert.Equal(29_137_831.14, deal.Ledger("sale proceeds", 0), 0.01);
        Assert.Equal(549.0, deal.Ledger("Cluster units", 0), 6);
    }

    [Fact]
    public void SellingEveryUnitWeighsOnlyTheIdleShareOfTheSliceItHoldsBack()
    {
        // A contract takes 1,000 of the 3,000 GPUs for the year at 0.01 per GPU-hour (January's 7,440 of revenue leaves
        // the interest short), and the sale does not keep it running: the 3,000 are offered, and a slice held back
        // carries its share of the contract, so only the share no contract takes at January's end, 2,000 / 3,000, is
        // idle: h = 169.7938 × 2 / 3 = 113.1959. q* = floor(2,500 × (1 − (500 − 113.1959) / 24,300)) = floor(2,500 ×
        // 0.9840821) = floor(2,460.21) = 2,460, at 24,300 × (1 − 20% × 2.460) − 500 = 11,844.40 each: 29,137,224.00.
        const string Contract = """
            party Lab { }
            contract Job on Cluster {
              customer Lab  units 1000 gpus  price 0.01 per gpu_hour  hours 8760 hours per year
              take_or_pay 100%  starts 2026-01-01  term 12m
            }
            """;
        var deal = new SmallDeal(Source.Replace("IDLE_COST", "", StringComparison.Ordinal)
            .Replace("party Owner { }", "party Owner { }\n" + Contract, StringComparison.Ordinal));
        Assert.Equal(29_137_224.00, deal.Ledger("sale proceeds", 0), 0.01);
        Assert.Equal(540.0, deal.Ledger("Cluster units", 0), 6);
    }

    [Fact]
    public void AReserveStillCapsTheVolumeWhateverTheHoldingCosts()
    {
        // A reserve of 13,000: floor(1,000 × (1 − (13,000 + 500) / 24,300) / 20%) = floor(5,000 × 0.4444444) = 2,222
        // sell at 24,300 × (1 − 20% × 2.222) − 500 = 13,001.08 or more, fewer than the 2,466 the holding cost would
        // sell: 2,222 × 13,001.08 = 28,888,399.76.
        var deal = new SmallDeal(Source.Replace("IDLE_COST", "", StringComparison.Ordinal)
            .Replace("costs 500 per gpu", "costs 500 per gpu  reserve 13k per gpu", StringComparison.Ordinal));
        Assert.Equal(28_888_399.76, deal.Ledger("sale proceeds", 0), 0.01);
        Assert.Equal(778.0, deal.Ledger("Cluster units", 0), 6);
    }
}
