using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A miner that keeps a share of its mining margin in coins (docs/language.md §5 "coins", <c>keep R</c>): of the
/// margin M = mined × price − power, it collects (1 − R) × M in cash and adds R × M / price coins to its holdings, which
/// then carry the coin's price risk (valued, sold by a sale step or an enforcement sale as any held coin). The figures
/// are <see cref="CoinsTests"/>' miner's, computed by hand; every run here checks that cash is conserved (SmallDeal).
/// </summary>
public sealed class CoinsKeptTests
{
    // Quarterly from 2026-01-01; hours are actual: Q1 90 days = 2,160 h, Q2 91 = 2,184 h, Q3 and Q4 92 = 2,208 h. BTC at
    // 100k a coin (stepped to 20k from 2026-05-01 in 'Crash'), power 0.05 per kWh. Bullet notes: 2m of interest a quarter.
    private static string Source(string keep) => $$"""
        deal Miner {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Owner { }
          index BTC   { level 100k per coin }
          index Power { level 0.05 per kWh }

          coins Bitcoin {
            holdings    1000 coins
            price       BTC
            hashrate    10 EH/s
            network     800 EH/s
            rewards     450 coins per day
            power       200 MW
            power_price Power
            {{keep}}
          }

          tranche Notes { balance 100m  coupon 8% fixed  amortize bullet }
          equity  Eq    { contributed 10m  holders Owner 100% }

          test Cash  = Bitcoin.revenue
          test Value = Bitcoin.value

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Miner { }

        scenario Crash for Miner {
          BTC points stepped { 2026-05-01 20k per coin }
        }
        """;

    private static readonly SmallDeal Keeps = new(Source("keep 40%"));

    [Fact]
    public void A_miner_keeping_40_percent_collects_60_percent_of_its_margin_and_holds_the_rest_in_coins()
    {
        // Q1: 10 / 800 × 18.75 coins an hour × 2,160 h = 506.25 coins; 506.25 × 100k − 200,000 kW × 2,160 h × 0.05 =
        // 50,625,000 − 21,600,000 = 29,025,000 margin. Kept: 0.4 × 29,025,000 / 100k = 116.1 coins; collected 0.6 ×
        // 29,025,000 = 17,415,000 (in cfads: the test Cash reads Bitcoin.revenue).
        Assert.Equal(17_415_000, Keeps.Ledger("mining Bitcoin", 0, "Base"), 1e-6);
        Assert.Equal(17_415_000, Keeps.Ledger("Cash", 0, "Base"), 1e-6);
        Assert.Equal(116.1, Keeps.Ledger("Bitcoin coins kept", 0, "Base"), 9);
        Assert.Equal(1116.1, Keeps.Ledger("Bitcoin coins held", 0, "Base"), 9);
        // Q2 is valued on the 1,116.1 coins held at its start: 111.61m. Its margin (2,184 h): 511.875 × 100k − 200,000
        // × 2,184 × 0.05 = 51,187,500 − 21,840,000 = 29,347,500, of which 117.39 coins kept and 17,608,500 collected.
        Assert.Equal(111_610_000, Keeps.Ledger("Value", 1, "Base"), 1e-6);
        Assert.Equal(117.39, Keeps.Ledger("Bitcoin coins kept", 1, "Base"), 9);
        Assert.Equal(17_608_500, Keeps.Ledger("mining Bitcoin", 1, "Base"), 1e-6);

        // Q3 and Q4 (2,208 h each): 517.5 × 100k − 22,080,000 = 29,670,000, 118.68 coins kept each. Over the run
        // 116.1 + 117.39 + 118.68 + 118.68 = 470.85 coins kept, all still held at the end: 1,470.85.
        CoinsSummary coins = Keeps.Outcomes["Base"].Coins.Single();
        Assert.Equal(470.85, coins.Kept, 9);
        Assert.Equal(1470.85, coins.HeldAtEnd, 9);
        Assert.Equal(17_415_000 + 17_608_500 + (2 * 17_802_000), coins.Mining, 1e-6);
    }

    [Fact]
    public void Nothing_is_kept_while_mining_is_switched_off_and_the_kept_coins_carry_the_price()
    {
        // Crash: Q3 and Q4 read 20k: 517.5 × 20k = 10.35m does not pay for 22.08m of power, so nothing is mined or
        // kept. The 1,233.49 coins held (1,000 + 116.1 + 117.39) are worth 1,233.49 × 20k = 24,669,800 at Q3's start.
        Assert.Equal(0, Keeps.Ledger("Bitcoin coins kept", 2, "Crash"));
        Assert.Equal(0, Keeps.Ledger("mining Bitcoin", 2, "Crash"));
        Assert.Equal(24_669_800, Keeps.Ledger("Value", 2, "Crash"), 1e-6);
        Assert.Equal(233.49, Keeps.Outcomes["Crash"].Coins.Single().Kept, 9);
    }

    [Fact]
    public void Keeping_nothing_is_selling_every_coin_as_mined()
    {
        // 'keep 0%' is the miner without the item: the same margin collected, no column of coins kept, nothing kept.
        var none = new SmallDeal(Source(""));
        var zero = new SmallDeal(Source("keep 0%"));
        Assert.Equal(29_025_000, none.Ledger("mining Bitcoin", 0, "Base"), 1e-6);
        Assert.Equal(none.Outcomes["Base"].Coins.Single(), zero.Outcomes["Base"].Coins.Single());
        Assert.Throws<ArgumentException>(() => zero.Ledger("Bitcoin coins kept", 0, "Base"));
    }
}
