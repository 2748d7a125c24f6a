namespace DealLang.Runtime.Tests;

/// <summary>A coins market that remembers a spread sale (docs/language.md §9, "coin-impact-carry"): each period's coins
/// are priced on the depression the periods before carried in and their own impact, the depression then fading by
/// 2^(−months a period / h). The market: 100k a coin, depth 1,000 coins, impact 10%.</summary>
public class CoinSaleCarryTests
{
    private const double Price = 100_000, Depth = 1000, Impact = 0.10;

    [Fact]
    public void ThreeThousandCoinsOverThreePeriodsAtAHalfLifeOfOnePeriod()
    {
        // Quarterly (3 months a period), half-life 3 months: each period keeps 2^(−3/3) = 0.5 of the depression. A
        // thousand coins a period: the own impact a = 10% × 1,000 / 1,000 = 10% (below the most the market pays, at
        // 1,000 × (1 − D) / (2 × 10%) ≥ 4,125 coins). Carried in: D_0 = 0, D_1 = 0.5 × (0 + 10%) = 5%, D_2 = 0.5 × (5% +
        // 10%) = 7.5%. Proceeds 100k × 1,000 × (1 − D − 10%): 90m, 85m, 82.5m (257.5m, against 3 × 90m = 270m forgetting).
        double decay = CoinSale.PeriodDecay(3, 3), carried = 0;
        Assert.Equal(0.5, decay);
        double[] depressions = [0, 0.05, 0.075];
        double[] proceeds = [90e6, 85e6, 82.5e6];
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(depressions[k], carried, 12);
            Assert.Equal(proceeds[k], CoinSale.CarriedLiquidation(1000, Price, Depth, Impact, carried), 1e-6);
            carried = CoinSale.CarriedAfter(1000, Depth, Impact, carried, decay);
        }

        Assert.Equal(0.0875, carried, 12); // 0.5 × (7.5% + 10%): what a fourth period would be priced on
    }

    [Fact]
    public void WithoutADepressionItIsTheLiquidationToTheBit_AndTheHalfLifeTowardsZeroForgets()
    {
        foreach (double coins in new[] { 0.0, 333.33, 1000, 4999, 5000, 7000 })
        {
            Assert.Equal(CoinSale.Liquidation(coins, Price, Depth, Impact), CoinSale.CarriedLiquidation(coins, Price, Depth, Impact, 0.0));
        }

        // Half-lives of a hundredth, a thousandth of a month: 2^(−300), 2^(−3000) a quarter: the three periods above
        // fetch 90m each, today's spread sale, within 1e-9 of the proceeds.
        foreach (double halfLife in new[] { 0.01, 0.001 })
        {
            double decay = CoinSale.PeriodDecay(3, halfLife), carried = 0;
            for (int k = 0; k < 3; k++)
            {
                double forgetful = CoinSale.Liquidation(1000, Price, Depth, Impact);
                Assert.True(Math.Abs(CoinSale.CarriedLiquidation(1000, Price, Depth, Impact, carried) - forgetful) <= 1e-9 * forgetful);
                carried = CoinSale.CarriedAfter(1000, Depth, Impact, carried, decay);
            }
        }

        Assert.Equal(0.0, CoinSale.PeriodDecay(3, 0)); // no half-life: nothing carried
    }

    [Fact]
    public void ADepressedMarketPaysAtMostWhatItsPeakVolumeFetches_AndNothingOnceTheDepressionIsWhole()
    {
        // D = 50%: the most the market pays is at q = 1,000 × 0.5 / (2 × 10%) = 2,500 coins, 100k × 2,500 × (0.5 − 10% ×
        // 2.5) = 62.5m; 7,000 coins fetch what 2,500 do. Every coin sold weighs on the market: 7,000 carry 0.5 × (50% +
        // 70%) = 60% on at a half-life of one period.
        Assert.Equal(62.5e6, CoinSale.CarriedLiquidation(7000, Price, Depth, Impact, 0.5), 1e-6);
        Assert.Equal(62.5e6, CoinSale.CarriedLiquidation(2500, Price, Depth, Impact, 0.5), 1e-6);
        Assert.Equal(0.6, CoinSale.CarriedAfter(7000, Depth, Impact, 0.5, 0.5), 12);
        Assert.Equal(0.0, CoinSale.CarriedLiquidation(1000, Price, Depth, Impact, 1.2));
        // Without an impact the depression still cuts the price (a market another seller depressed): 1,000 × 100k × 0.8.
        Assert.Equal(80e6, CoinSale.CarriedLiquidation(1000, Price, Depth, 0.0, 0.2), 1e-6);
    }
}
