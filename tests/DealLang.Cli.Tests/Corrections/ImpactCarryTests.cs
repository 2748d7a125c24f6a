namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A repo market that remembers (docs/language.md §9, "impact-carry"): with <c>half_life h</c> the impact a month's sales
/// leave on the price carries into the months after it, fading by 2^(−1/h) a month, so a lender selling month after
/// month into a thin market gets less each month, and a reserve holds units back longer. The ledger's
/// <c>Cluster market depression</c> is the depression carried into each period's sale.
/// </summary>
public sealed class ImpactCarryTests
{
    // Monthly, 30/360. 4,000 GPUs at 30k, market value 90% of cost with no decline (27,000 a GPU); haircut 10%: a gross
    // price of 24,300. The loan's interest is 200m × 9% / 12 = 1,500,000 a month and the fleet earns nothing, so the event
    // of default is at the end of January and, with lag 0, the sale sells from January. The market: depth 1,000 GPUs a
    // month, impact 20%, at most 1,000 a month, no costs, a half-life of 1 month (the depression halves each month).
    private const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      monthly
          daycount 30/360

          party Owner { }
          fleet Cluster {
            units 4000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            maintenance 2% per year
            market_value 90% declining 0% per year
          }

          tranche Loan { balance 200m  coupon 9% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          default when Loan.interest_shortfall > 0
          enforcement {
            sell Cluster haircut 10% lag 0m  depth 1000 gpus per month  impact 20% half_life 1m  limit 1000 gpus per month
            waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.balance  distribute rest to Eq }
          }

          waterfall {
            pay Cluster.opex
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Carried for Small { }
        scenario Slower for Small { enforcement half_life 3m }
        scenario Reserved for Small { enforcement reserve 16k per gpu }
        """;

    // The same market without a memory: each month priced on its own volume alone.
    private static readonly string Forgetful = Source
        .Replace(" half_life 1m", "", StringComparison.Ordinal)
        .Replace("scenario Slower for Small { enforcement half_life 3m }\n", "", StringComparison.Ordinal);

    [Fact]
    public void EachMonthIsPricedOnTheDepressionCarriedIntoIt()
    {
        var deal = new SmallDeal(Source);

        // A month's own impact is 20% × 1,000 / 1,000 = 20%. The depression carried in: January 0; February
        // 0.5 × (0 + 20%) = 10%; March 0.5 × (10% + 20%) = 15%; April 0.5 × (15% + 20%) = 17.5%. Each month sells 1,000
        // at 24,300 × (1 − D − 20%): 19,440 (19,440,000), 17,010 (17,010,000), 15,795 (15,795,000), 15,187.5
        // (15,187,500), and the last unit is sold in April.
        double[] depressions = [0, 0.10, 0.15, 0.175];
        double[] proceeds = [19_440_000, 17_010_000, 15_795_000, 15_187_500];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(depressions[t], deal.Ledger("Cluster market depression", t, "Carried"), 12);
            Assert.Equal(proceeds[t], deal.Ledger("sale proceeds", t, "Carried"), 0.01);
            Assert.Equal(3000.0 - (1000 * t), deal.Ledger("Cluster units", t, "Carried"), 6);
        }

        Assert.Equal(4, deal.Outcomes["Carried"].Ledger!.Periods);
        Assert.Equal(67_432_500, deal.Outcomes["Carried"].Events.SaleProceeds, 0.01);

        // Without the half-life every month fetches January's 19,440,000: 77,760,000 in all, and no depression column.
        var forgetful = new SmallDeal(Forgetful);
        Assert.Equal(77_760_000, forgetful.Outcomes["Carried"].Events.SaleProceeds, 0.01);
        Assert.Throws<ArgumentException>(() => forgetful.Ledger("Cluster market depression", 0, "Carried"));
    }

    [Fact]
    public void AScenarioLengthensTheHalfLife()
    {
        var deal = new SmallDeal(Source);

        // 'enforcement half_life 3m': a month keeps 2^(−1/3) = 0.7937005 of the depression. February: 0.7937005 × 20% =
        // 15.87401%; March 0.7937005 × (15.87401% + 20%) = 28.47322%: 24,300 × (1 − 28.47322% − 20%) × 1,000 = 12,521,007.29.
        Assert.Equal(0.1587401, deal.Ledger("Cluster market depression", 1, "Slower"), 7);
        Assert.Equal(0.2847322, deal.Ledger("Cluster market depression", 2, "Slower"), 7);
        Assert.Equal(12_521_007.29, deal.Ledger("sale proceeds", 2, "Slower"), 0.01);
    }

    [Fact]
    public void AReserveHoldsUnitsBackLongerWhenTheMarketRemembers()
    {
        var deal = new SmallDeal(Source);
        var forgetful = new SmallDeal(Forgetful);

        // Reserve 16,000. Forgetful, every month fetches 19,440 ≥ 16,000: nothing is held back, and April ends the sale.
        Assert.Equal(0, forgetful.Outcomes["Reserved"].Fleets[0].PeriodsHeld);
        Assert.Equal(4, forgetful.Outcomes["Reserved"].Ledger!.Periods);

        // Remembering: January and February sell 1,000 (19,440 and 17,010). March is 15% down: 1,000 would fetch
        // 24,300 × 65% = 15,795 < 16,000, so q_R = floor(1,000 × (1 − 16,000 / 24,300 − 15%) / 20%) = floor(957.82) = 957
        // sell at 24,300 × (1 − 15% − 19.14%) = 16,003.98: 15,315,808.86. April carries in 0.5 × (15% + 19.14%) = 17.07%:
        // floor(1,000 × (1 − 0.658436 − 17.07%) / 20%) = floor(854.32) = 854 at 24,300 × (1 − 17.07% − 17.08%) = 16,001.55:
        // 13,665,323.70. May carries in 0.5 × (17.07% + 17.08%) = 17.075% and sells the 189 left at 24,300 ×
        // (1 − 17.075% − 3.78%) = 19,232.235: 3,634,892.42. Two periods held units back (at most 1,000 − 854 = 146).
        Assert.Equal(15_315_808.86, deal.Ledger("sale proceeds", 2, "Reserved"), 0.01);
        Assert.Equal(0.1707, deal.Ledger("Cluster market depression", 3, "Reserved"), 12);
        Assert.Equal(13_665_323.70, deal.Ledger("sale proceeds", 3, "Reserved"), 0.01);
        Assert.Equal(0.17075, deal.Ledger("Cluster market depression", 4, "Reserved"), 12);
        Assert.Equal(3_634_892.42, deal.Ledger("sale proceeds", 4, "Reserved"), 0.01);
        Assert.Equal(2, deal.Outcomes["Reserved"].Fleets[0].PeriodsHeld);
        Assert.Equal(146.0, deal.Outcomes["Reserved"].Fleets[0].UnitsHeld, 6);
        Assert.Equal(5, deal.Outcomes["Reserved"].Ledger!.Periods);
    }

    [Fact]
    public void TheProceedsAreCollectionsTheEnforcementWaterfallApplies()
    {
        // SmallDeal checks cash every period of every scenario; in February the collections are the sale's 17,010,000
        // alone, and the enforcement waterfall pays all of it.
        var deal = new SmallDeal(Source);
        const int t = 1;
        double collections = deal.Ledger("collections", t, "Carried");
        Assert.Equal(17_010_000, collections, 0.01);
        double paid = deal.Ledger("5 pay Cluster.opex paid", t, "Carried") + deal.Ledger("6 pay Loan.interest paid", t, "Carried")
            + deal.Ledger("7 pay Loan.balance paid", t, "Carried") + deal.Ledger("8 distribute rest to Eq distributed", t, "Carried");
        Assert.Equal(collections, paid, 0.01);
    }
}
