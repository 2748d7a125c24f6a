namespace DealLang.Runtime.Tests;

/// <summary>
/// <see cref="CoinSale.ShareToSell"/>, the share of every holding a pro-rata forced sale sells (docs/language.md, "A
/// pro-rata sale"): the least x in [0, 1] whose proceeds a x − b x² raise the shortfall, else the x that raises the most.
/// </summary>
public sealed class CoinSaleShareTests
{
    [Fact]
    public void The_least_share_that_raises_the_shortfall_is_the_smaller_root()
    {
        // a = 34.5, b = 11.25, S = 14: 11.25 x² − 34.5 x + 14 = 0 has roots (34.5 ∓ √(34.5² − 4 × 11.25 × 14)) / 22.5
        // = (34.5 ∓ 23.6696) / 22.5: 0.481351 and 2.585. The smaller, and it raises exactly S.
        double x = CoinSale.ShareToSell(14, 34.5, 11.25);
        Assert.Equal((34.5 - Math.Sqrt((34.5 * 34.5) - (4 * 11.25 * 14))) / 22.5, x, 12);
        Assert.Equal(14, (34.5 * x) - (11.25 * x * x), 12);
    }

    [Fact]
    public void Without_impact_the_share_is_linear_and_at_most_everything()
    {
        // b = 0: x = S / a, capped at 1 (6 of 10 raises 6; 30 of 10 sells everything, raising 10).
        Assert.Equal(0.6, CoinSale.ShareToSell(6, 10, 0), 15);
        Assert.Equal(1.0, CoinSale.ShareToSell(30, 10, 0));
    }

    [Fact]
    public void A_shortfall_beyond_the_most_the_markets_pay_sells_the_share_that_raises_the_most()
    {
        // a = 6.9, b = 4.5: the proceeds peak at x = 6.9 / 9 = 0.7667 (2.645); a shortfall of 30 sells that share.
        Assert.Equal(6.9 / 9, CoinSale.ShareToSell(30, 6.9, 4.5), 15);
        // a = 6.9, b = 0.45: the peak (7.67) is beyond 1, so everything is sold, raising 6.45.
        Assert.Equal(1.0, CoinSale.ShareToSell(30, 6.9, 0.45));
    }

    [Fact]
    public void Nothing_short_or_nothing_to_sell_sells_nothing()
    {
        Assert.Equal(0, CoinSale.ShareToSell(0, 10, 1));
        Assert.Equal(0, CoinSale.ShareToSell(-1, 10, 1));
        Assert.Equal(0, CoinSale.ShareToSell(5, 0, 0));
    }

    [Fact]
    public void A_holding_without_a_depth_adds_nothing_to_the_quadratic()
    {
        // 25m² × 0.9 × 20% / 10m = 11.25m; no depth or no impact: 0.
        Assert.Equal(11.25e6, CoinSale.QuadraticTerm(25e6, 0.9, 10e6, 0.2), 6);
        Assert.Equal(0, CoinSale.QuadraticTerm(25e6, 0.9, 0, 0.2));
        Assert.Equal(0, CoinSale.QuadraticTerm(25e6, 0.9, 10e6, 0));
    }
}
