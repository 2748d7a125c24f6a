namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A coins market that remembers a spread sale (docs/language.md §9, "coin-impact-carry", <c>sell Bitcoin over 3
/// periods half_life 3m</c>): each quarter's coins are priced on the depression the quarters before carried in and on
/// their own impact, and the ledger shows the depression each quarter was priced on. The holding company of
/// <see cref="CoinSpreadSaleTests"/>, with 3,000 coins into a market of depth 1,000 and impact 10%, defaults in its first
/// quarter. Every run here checks that cash is conserved in every period (SmallDeal).
/// </summary>
public sealed class CoinImpactCarryTests
{
    // Quarterly from 2026-01-01, 30/360: the notes' interest is 8% × 0.25 = 2% of the balance a quarter. BTC 100k a coin.
    private static string Source(string sale) => $$"""
        deal CoinCo {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Owner { }
          index BTC { level 100k per coin }

          coins Bitcoin {
            holdings 3000 coins
            price    BTC
            depth    1000 coins
            impact   10%
          }

          tranche Notes { balance 250m  coupon 8% fixed  amortize bullet }
          equity  Eq    { contributed 10m  holders Owner 100% }

          default when Notes.interest_shortfall > 0

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
    public void Each_quarter_is_priced_on_the_depression_the_quarters_before_carried_in()
    {
        // A thousand coins a quarter, own impact 10% × 1,000 / 1,000 = 10%; a half-life of 3 months is one quarter, so a
        // quarter keeps 0.5 of the depression: carried in 0, 0.5 × 10% = 5%, 0.5 × (5% + 10%) = 7.5%. Proceeds 100k ×
        // 1,000 × (1 − D − 10%) × (1 − 20%): 72m, 68m, 66m (206m, against 72m a quarter, 216m, forgetting).
        var deal = new SmallDeal(Source("sell Bitcoin over 3 periods half_life 3m haircut 20% lag 0m"));
        Assert.Equal(3, deal.Single.PeriodsRun);
        double[] depression = [0, 0.05, 0.075];
        double[] proceeds = [72e6, 68e6, 66e6];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(1000, deal.Ledger("Bitcoin coins sold in enforcement", t), 9);
            Assert.Equal(depression[t], deal.Ledger("Bitcoin market depression", t), 12);
            Assert.Equal(proceeds[t], deal.Ledger("Bitcoin enforcement sale proceeds", t), 1e-3);
            Assert.Equal(proceeds[t], deal.Ledger("sale proceeds", t), 1e-3);
        }

        Assert.Equal(206e6, deal.Single.Coins.Single().EnforcementProceeds, 1e-3);

        // Through the enforcement waterfall: quarter 1 pays 5m of interest and 67m of principal (183m left); quarter 2
        // 3.66m (2% of 183m) and 64.34m (118.66m left); quarter 3 2.3732m and 63.6268m: 55.0332m lost.
        var notes = deal.Single.Tranches.Single();
        Assert.Equal(5e6 + 3.66e6 + 2.3732e6, notes.InterestPaid, 1e-3);
        Assert.Equal(55.0332e6, notes.PrincipalLoss, 1e-3);

        // Forgetting (no half-life): 72m a quarter; quarter 2 pays 3.66m and 68.34m (114.66m left), quarter 3 2.2932m
        // and 69.7068m: 44.9532m lost, and no depression column.
        var forgetful = new SmallDeal(Source("sell Bitcoin over 3 periods haircut 20% lag 0m"));
        Assert.Equal(44.9532e6, forgetful.Single.Tranches.Single().PrincipalLoss, 1e-3);
        Assert.Equal(216e6, forgetful.Single.Coins.Single().EnforcementProceeds, 1e-3);
        Assert.Throws<ArgumentException>(() => forgetful.Ledger("Bitcoin market depression", 0));
    }

    [Fact]
    public void A_longer_half_life_remembers_more()
    {
        // Half-life 6 months: a quarter keeps 2^(−3/6) = 0.70711 of the depression. Carried in 0, 0.70711 × 10% =
        // 7.0711%, 0.70711 × (7.0711% + 10%) = 12.0711%: 72m, 100k × 1,000 × (1 − 17.0711%) × 0.8 = 66.3431m and
        // 100k × 1,000 × (1 − 22.0711%) × 0.8 = 62.3431m.
        var deal = new SmallDeal(Source("sell Bitcoin over 3 periods half_life 6m haircut 20% lag 0m"));
        double d1 = Math.Sqrt(0.5) * 0.10, d2 = Math.Sqrt(0.5) * (d1 + 0.10);
        Assert.Equal(d2, deal.Ledger("Bitcoin market depression", 2), 12);
        Assert.Equal(66_343_145.75, deal.Ledger("Bitcoin enforcement sale proceeds", 1), 0.01);
        Assert.Equal(62_343_145.75, deal.Ledger("Bitcoin enforcement sale proceeds", 2), 0.01);
    }
}
