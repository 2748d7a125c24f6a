namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An enforcement sale of coins spread over several periods (docs/language.md §9, <c>sell C over N periods</c>): each
/// period from the sale's first sells the coins left / the periods left at that period's price less the impact on
/// that period's coins alone, and the coins not yet sold stay held. The holding company of
/// <see cref="CoinsCollateralTests"/> defaults in its first quarter; selling its 1,000 coins over 3 quarters pays a
/// third of the impact per coin that dumping them in one quarter does. Every run here checks that cash is conserved
/// in every period (SmallDeal).
/// </summary>
public sealed class CoinSpreadSaleTests
{
    // Quarterly from 2026-01-01, 30/360: the notes' interest is 8% × 0.25 = 2% of the balance a quarter. BTC 100k a
    // coin; the market absorbs 500 coins a period and a sale of all 500 gives up 10% of the price (k = 10% / 500 =
    // 0.0002 a coin).
    private static string Source(string sale, string coupon = "8%", string rule = "Notes.interest_shortfall > 0") => $$"""
        deal CoinCo {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Owner { }
          index BTC { level 100k per coin }

          coins Bitcoin {
            holdings 1000 coins
            price    BTC
            depth    500 coins
            impact   10%
          }

          tranche Notes { balance 100m  coupon {{coupon}} fixed  amortize bullet }
          equity  Eq    { contributed 10m  holders Owner 100% }

          default when {{rule}}

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }

          enforcement {
            {{sale}}
            waterfall {
              pay Notes.interest
              pay Notes.balance
              distribute rest to Eq
            }
          }
        }
        """;

    [Fact]
    public void Three_periods_sell_a_third_each_and_pay_a_third_of_the_impact_per_coin()
    {
        // One period: 100k × 1,000 × (1 − 0.0002 × 1,000) = 80m, the impact 100m − 80m = 20m; × 0.8 = 64m.
        var once = new SmallDeal(Source("sell Bitcoin haircut 20% lag 0m"));
        Assert.Equal(1, once.Single.PeriodsRun);
        Assert.Equal(64e6, once.Ledger("Bitcoin enforcement sale proceeds", 0), 1e-3);

        // Over 3 quarters: q = 1,000 / 3 = 333.33 coins a quarter, 100k × 333.33 × (1 − 0.0002 × 333.33) = 31,111,111.11
        // (the impact 33,333,333.33 − 31,111,111.11 = 2,222,222.22 a quarter, 6,666,666.67 in all against 20m), × 0.8 =
        // 24,888,888.89 a quarter, 74,666,666.67 in all against 64m.
        var spread = new SmallDeal(Source("sell Bitcoin over 3 periods haircut 20% lag 0m"));
        Assert.Equal(3, spread.Single.PeriodsRun);
        double[] held = [2000.0 / 3, 1000.0 / 3, 0];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(1000.0 / 3, spread.Ledger("Bitcoin coins sold in enforcement", t), 9);
            Assert.Equal(24_888_888.89, spread.Ledger("Bitcoin enforcement sale proceeds", t), 0.01);
            Assert.Equal(24_888_888.89, spread.Ledger("sale proceeds", t), 0.01);
            Assert.Equal(held[t], spread.Ledger("Bitcoin coins held", t), 9);
        }

        // The coins not yet sold are still held, and valued, at the next quarter's start: 666.67 × 100k.
        Assert.Equal(66_666_666.67, spread.Ledger("Bitcoin value", 1), 0.01);
        var coins = spread.Single.Coins.Single();
        Assert.Equal(1000, coins.SoldInEnforcement, 9);
        Assert.Equal(74_666_666.67, coins.EnforcementProceeds, 0.01);
        Assert.Equal(74_666_666.67, spread.Single.Events.SaleProceeds, 0.01);
        Assert.Equal(0, coins.HeldAtEnd, 9);

        // Each quarter's proceeds go through that quarter's enforcement waterfall: quarter 1 pays 2m of interest and
        // 22,888,888.89 of principal (77,111,111.11 left); quarter 2 1,542,222.22 (2% of it) and 23,346,666.67
        // (53,764,444.44 left); quarter 3 1,075,288.89 and 23,813,600.00: 29,950,844.44 is lost, against 38m at once.
        var notes = spread.Single.Tranches.Single();
        Assert.Equal(2e6 + 1_542_222.22 + 1_075_288.89, notes.InterestPaid, 0.01);
        Assert.Equal(29_950_844.44, notes.PrincipalLoss, 0.01);
        Assert.Equal(38e6, once.Single.Tranches.Single().PrincipalLoss, 1e-3);
    }

    [Fact]
    public void A_loss_written_off_at_the_sale_is_dated_at_the_runs_end()
    {
        // The bullet notes schedule no principal before 2027-01-01, so no period leaves scheduled principal unpaid: the
        // enforcement waterfall's `pay Notes.balance` pays what each sale raised, and the rest (38m at once, 29.95m
        // spread, as above) is written off when the run ends with the last sale. That end is the loss's date: the
        // first quarter's end (2026-04-01) at once, the third's (2026-10-01) spread over 3 quarters.
        var once = new SmallDeal(Source("sell Bitcoin haircut 20% lag 0m"));
        var spread = new SmallDeal(Source("sell Bitcoin over 3 periods haircut 20% lag 0m"));
        Assert.Equal(0, once.Ledger("Notes principal due", 0));
        Assert.Equal(new DealLang.Runtime.Date(2026, 4, 1), once.Single.Tranches.Single().FirstPrincipalShortfall);
        Assert.Equal(new DealLang.Runtime.Date(2026, 10, 1), spread.Single.Tranches.Single().FirstPrincipalShortfall);

        // No loss, no date: the same sale with the notes 50m rather than 100m repays them from the first quarter's
        // 64m (1m of interest and the 50m balance).
        var repaid = new SmallDeal(Source("sell Bitcoin haircut 20% lag 0m").Replace("balance 100m", "balance 50m"));
        Assert.Equal(0, repaid.Single.Tranches.Single().PrincipalLoss);
        Assert.Null(repaid.Single.Tranches.Single().FirstPrincipalShortfall);
    }

    [Fact]
    public void Over_one_period_is_the_sale_at_once()
    {
        var once = new SmallDeal(Source("sell Bitcoin haircut 20% lag 0m"));
        var one = new SmallDeal(Source("sell Bitcoin over 1 period haircut 20% lag 0m"));
        Assert.Equal(once.Single.Tranches.Single().PrincipalLoss, one.Single.Tranches.Single().PrincipalLoss);
        Assert.Equal(once.Ledger("Bitcoin enforcement sale proceeds", 0), one.Ledger("Bitcoin enforcement sale proceeds", 0));
    }

    [Fact]
    public void A_run_that_ends_mid_spread_sells_the_rest_in_its_last_period()
    {
        // No coupon: nothing is short until the notes' 100m falls due at the maturity (quarter 4, t = 3), the event of
        // default. The workout has room for the longest lag, 10 years = 40 quarters: 44 periods in all (t = 0 … 43).
        // Lag 117 months from 2027-01-01 puts the sale at 2036-10-01, the end of t = 42: it sells 1,000 / 3 coins there
        // (24,888,888.89, as above); t = 43 is the run's last period, which sells the 666.67 left at once:
        // 100k × 666.67 × (1 − 0.0002 × 666.67) = 57,777,777.78, × 0.8 = 46,222,222.22 (its impact 8,888,888.89).
        var deal = new SmallDeal(Source("sell Bitcoin over 3 periods haircut 20% lag 117m", coupon: "0%", rule: "Notes.principal_shortfall > 0"));
        Assert.Equal(new DealLang.Runtime.Date(2027, 1, 1), deal.Single.Events.EventOfDefault);
        Assert.Equal(44, deal.Single.PeriodsRun);
        Assert.Equal(0, deal.Ledger("Bitcoin coins sold in enforcement", 41), 9);
        Assert.Equal(1000.0 / 3, deal.Ledger("Bitcoin coins sold in enforcement", 42), 9);
        Assert.Equal(24_888_888.89, deal.Ledger("Bitcoin enforcement sale proceeds", 42), 0.01);
        Assert.Equal(2000.0 / 3, deal.Ledger("Bitcoin coins sold in enforcement", 43), 9);
        Assert.Equal(46_222_222.22, deal.Ledger("Bitcoin enforcement sale proceeds", 43), 0.01);
        Assert.Equal(0, deal.Ledger("Bitcoin coins held", 43), 9);
        // 71,111,111.11 of the 100m recovered: 28,888,888.89 lost.
        Assert.Equal(28_888_888.89, deal.Single.Tranches.Single().PrincipalLoss, 0.01);
    }

    [Fact]
    public void A_monte_carlo_path_sells_each_share_at_its_own_drawn_price()
    {
        // A stochastic scenario runs as its path 0, BTC drawn per period (a GBM at 60% a year). Each quarter's share,
        // 1,000 / 3 coins, is sold at that quarter's drawn price P_t (the ledger's BTC): 0.8 × P_t × q × (1 − 0.0002 q),
        // P_t × 311.11 × 0.8 (q × (1 − k q) = 333.33 × 0.93333 = 311.11); the coins left keep their market risk.
        string source = Source("sell Bitcoin over 3 periods haircut 20% lag 0m") + """

            scenario Drawn for CoinCo {
              paths 1
              seed  7
              BTC gbm drift 0% per year volatility 60% per year
            }
            """;
        var deal = new SmallDeal(source);
        Assert.Equal(3, deal.Outcomes["Drawn"].PeriodsRun);
        double q = 1000.0 / 3;
        double total = 0;
        for (int t = 0; t < 3; t++)
        {
            double price = deal.Ledger("BTC", t, "Drawn");
            double proceeds = 0.8 * price * q * (1 - (0.0002 * q));
            Assert.Equal(proceeds, deal.Ledger("Bitcoin enforcement sale proceeds", t, "Drawn"), 1e-6);
            Assert.Equal(price * (1000 - (q * t)), deal.Ledger("Bitcoin value", t, "Drawn"), 1e-6);
            total += proceeds;
        }

        // The drawn prices moved: the path is not the deterministic one.
        Assert.NotEqual(deal.Ledger("BTC", 1, "Drawn"), deal.Ledger("BTC", 2, "Drawn"));
        Assert.Equal(total, deal.Outcomes["Drawn"].Coins.Single().EnforcementProceeds, 1e-6);
    }
}
