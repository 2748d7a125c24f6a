namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Issue 11, item 4: coins as enforcement collateral (docs/language.md §9, §5 "coins"). A holding company whose only
/// asset is its coins has nothing to pay its notes' first interest with, so it defaults in its first quarter; with
/// lag 0 the lender sells every coin at the end of that quarter at the coin's price less the market's impact (at
/// most what the market pays) and the sale's haircut, and the proceeds go through the enforcement waterfall.
/// </summary>
public sealed class CoinsCollateralTests
{
    // Quarterly from 2026-01-01, 30/360: the notes' interest is 100m × 8% × 0.25 = 2m a quarter. BTC 100k a coin;
    // the market absorbs 500 coins a period and a sale of all 500 gives up 10% of the price.
    private static string Source(string holdings, string btc = "100k") => $$"""
        deal CoinCo {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Owner { }
          index BTC { level {{btc}} per coin }

          coins Bitcoin {
            holdings {{holdings}}
            price    BTC
            depth    500 coins
            impact   10%
          }

          tranche Notes { balance 100m  coupon 8% fixed  amortize bullet }
          equity  Eq    { contributed 10m  holders Owner 100% }

          default when Notes.interest_shortfall > 0

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }

          enforcement {
            sell Bitcoin haircut 20% lag 0m
            waterfall {
              pay Notes.interest
              pay Notes.balance
              distribute rest to Eq
            }
          }
        }
        """;

    [Fact]
    public void The_lender_sells_the_coins_at_their_price_less_the_impact_and_the_haircut()
    {
        // 1,000 coins, at most depth / (2 × impact) = 2,500 worth selling: 100k × 1,000 × (1 − 10% × 1,000 / 500) = 80m,
        // less the 20% haircut: 64m. The enforcement waterfall pays the quarter's 2m of interest and 62m of principal:
        // the notes lose 38m; the deal ends with the sale, in its first quarter.
        var deal = new SmallDeal(Source("1000 coins"));
        var outcome = deal.Single;
        Assert.Equal(1, outcome.PeriodsRun);
        Assert.Equal(64e6, deal.Ledger("sale proceeds", 0), 1e-3);
        var notes = outcome.Tranches.Single();
        Assert.Equal(2e6, notes.InterestPaid, 1e-3);
        Assert.Equal(62e6, notes.PrincipalPaid, 1e-3);
        Assert.Equal(38e6, notes.PrincipalLoss, 1e-3);
        Assert.Equal(1000, deal.Ledger("Bitcoin coins sold in enforcement", 0), 1e-9);
        Assert.Equal(0, deal.Ledger("Bitcoin coins sold", 0), 1e-9);
        Assert.Equal(0, deal.Ledger("Bitcoin coins held", 0), 1e-9);
        Assert.Equal(64e6, deal.Ledger("Bitcoin enforcement sale proceeds", 0), 1e-3);
    }

    [Fact]
    public void A_holding_beyond_what_the_market_pays_for_fetches_no_more_than_the_most_it_pays()
    {
        // 3,000 coins: selling all at once would fetch 100k × 3,000 × (1 − 10% × 3,000 / 500) = 120m, but the market pays
        // most for 2,500: 100k × 2,500 × (1 − 0.5) = 125m, less 20%: 100m. Interest 2m, principal 98m, 2m lost.
        var deal = new SmallDeal(Source("3000 coins"));
        Assert.Equal(100e6, deal.Ledger("sale proceeds", 0), 1e-3);
        Assert.Equal(2e6, deal.Single.Tranches.Single().PrincipalLoss, 1e-3);
        Assert.Equal(3000, deal.Ledger("Bitcoin coins sold in enforcement", 0), 1e-9);
    }

    [Fact]
    public void A_coin_price_crash_cuts_the_recovery()
    {
        // BTC at 40k: 40k × 1,000 × 0.8 = 32m, less 20%: 25.6m; interest 2m, principal 23.6m, 76.4m lost.
        var deal = new SmallDeal(Source("1000 coins", "40k"));
        Assert.Equal(25.6e6, deal.Ledger("sale proceeds", 0), 1e-3);
        Assert.Equal(76.4e6, deal.Single.Tranches.Single().PrincipalLoss, 1e-3);
    }

    // The same holding company, but its waterfall sells coins to cover the notes' interest, and the event of default
    // comes from the coins' value (100k × 1,000 = 100m at the first quarter's start, under 150m), so that a quarter
    // has both sales: the waterfall's step first, then the enforcement sale of the coins left.
    private const string BothSales = """
        deal CoinCo {
          currency USD  closing 2026-01-01  maturity 2027-01-01  pay quarterly  daycount 30/360
          party Owner { }
          index BTC { level 100k per coin }
          coins Bitcoin { holdings 1000 coins  price BTC  depth 500 coins  impact 10% }
          tranche Notes { balance 100m  coupon 8% fixed  amortize bullet }
          equity  Eq    { contributed 10m  holders Owner 100% }
          default when Bitcoin.value < 150m
          waterfall { sell Bitcoin to cover Notes.interest  pay Notes.interest  pay Notes.principal  distribute rest to Eq }
          enforcement {
            sell Bitcoin haircut 20% lag 0m
            waterfall { pay Notes.interest  pay Notes.balance  distribute rest to Eq }
          }
        }
        """;

    [Fact]
    public void Each_count_of_coins_sold_matches_its_proceeds()
    {
        // The step raises the 2m of interest: k = 10% / 500 = 0.0002, q = 2S / (P (1 + sqrt(1 − 4kS / P))) =
        // 4m / (100k × (1 + sqrt(1 − 0.016))) = 20.0806465 coins, for 2m. The enforcement sale sells the 979.9193535
        // left: 100k × 979.9193535 × (1 − 0.0002 × 979.9193535) = 78,787,096.56, less 20%: 63,029,677.25, the deal's
        // sale proceeds. Before, 'coins sold' counted both sales (1,000 coins) against the step's 2m of proceeds.
        var deal = new SmallDeal(BothSales);
        var coins = deal.Single.Coins.Single();
        Assert.Equal(20.080646472551116, coins.Sold, 9);
        Assert.Equal(2_000_000.00, coins.Proceeds, 1e-3);
        Assert.Equal(979.9193535274488, coins.SoldInEnforcement, 9);
        Assert.Equal(63_029_677.25, coins.EnforcementProceeds, 0.01);
        Assert.Equal(deal.Single.Events.SaleProceeds, coins.EnforcementProceeds, 1e-6);
        Assert.Equal(new DealLang.Runtime.Date(2026, 4, 1), coins.FirstSale);
        Assert.Equal(0, coins.HeldAtEnd, 1e-9);
        // The ledger the same way: the step's coins against its raised column, the sale's against the sale proceeds.
        Assert.Equal(20.080646472551116, deal.Ledger("Bitcoin coins sold", 0), 9);
        Assert.Equal(2_000_000.00, deal.Ledger("1 sell Bitcoin to cover Notes.interest raised", 0), 1e-3);
        Assert.Equal(979.9193535274488, deal.Ledger("Bitcoin coins sold in enforcement", 0), 9);
        Assert.Equal(63_029_677.25, deal.Ledger("Bitcoin enforcement sale proceeds", 0), 0.01);
        Assert.Equal(63_029_677.25, deal.Ledger("sale proceeds", 0), 0.01);
    }
}
