namespace DealLang.Runtime.Tests;

/// <summary>A repo market that carries its impact (docs/language.md §9, "impact-carry"): each month's price is cut by the
/// depression the months before carried into it and by its own volume's impact, the depression then fading by
/// 2^(−1/h) a month. The market: a gross price (value less haircut) of 24,300 a GPU, depth 1,000 a month, impact 20%.</summary>
public class RepoMarketCarryTests
{
    private const double Gross = 24_300, Depth = 1000, Impact = 0.20;

    [Fact]
    public void TheDecayIsTwoToTheMinusOneOverTheHalfLife()
    {
        Assert.Equal(0.5, RepoMarket.MonthlyDecay(1));
        Assert.Equal(0.793700526, RepoMarket.MonthlyDecay(3), 9); // 2^(−1/3)
        Assert.Equal(0.0, RepoMarket.MonthlyDecay(0)); // no half-life: nothing carried
    }

    [Fact]
    public void AThousandAMonthIntoADepthOfAThousandAtAHalfLifeOfAMonth()
    {
        // Each month's own impact a = 20% × 1,000 / 1,000 = 20%; the depression carried in: 0, 0.5 × (0 + 20%) = 10%,
        // 0.5 × (10% + 20%) = 15%, 0.5 × (15% + 20%) = 17.5%. Prices 24,300 × (1 − D − 20%): 19,440, 17,010, 15,795, 15,187.5.
        double decay = RepoMarket.MonthlyDecay(1), carried = 0;
        double[] depressions = [0, 0.10, 0.15, 0.175];
        double[] proceeds = [19_440_000, 17_010_000, 15_795_000, 15_187_500];
        for (int month = 0; month < 4; month++)
        {
            Assert.Equal(depressions[month], carried, 12);
            Assert.Equal(proceeds[month], RepoMarket.CarriedProceeds(1000, Gross, 1, Depth, Impact, 0, carried, decay), 6);
            carried = RepoMarket.CarriedAfter(1000, 1, Depth, Impact, carried, decay);
        }

        // A quarter steps the same three months: 3,000 sold, 1,000 a month: 19,440,000 + 17,010,000 + 15,795,000, and
        // 17.5% carried into the next quarter's first month.
        Assert.Equal(52_245_000, RepoMarket.CarriedProceeds(3000, Gross, 3, Depth, Impact, 0, 0, decay), 6);
        Assert.Equal(0.175, RepoMarket.CarriedAfter(3000, 3, Depth, Impact, 0, decay), 12);
        // A quarter that sells nothing lets 20% fade to 20% × 0.5³ = 2.5%.
        Assert.Equal(0.025, RepoMarket.CarriedAfter(0, 3, Depth, Impact, 0.20, decay), 12);
    }

    [Fact]
    public void TheReserveIsReckonedOnTheCarriedDepression()
    {
        // R = 19,000, costs 500: r = 19,500 / 24,300 = 0.802469. With 10% carried in, a month sells
        // floor(1,000 × (1 − 0.802469 − 10%) / 20%) = floor(487.65) = 487 (987 with nothing carried:
        // RepoMarketTests): 24,300 × (1 − 10% − 9.74%) − 500 = 19,003.18.
        double decay = RepoMarket.MonthlyDecay(1);
        Assert.Equal(487.0, RepoMarket.VolumeAtReserveCarried(1200, Gross, 1, Depth, Impact, 500, 19_000, 0.10, decay));
        Assert.Equal(987.0, RepoMarket.VolumeAtReserveCarried(1200, Gross, 1, Depth, Impact, 500, 19_000, 0, decay));
        // A quarter from no depression: the third month binds, its own impact x on top of x × (0.5 + 0.25) carried:
        // min over k of (1 − r) / (1 + S_k) = 0.197531 / 1.75 = 0.112875, floor(3,000 × 0.112875 / 20%) = floor(1,693.12).
        Assert.Equal(1693.0, RepoMarket.VolumeAtReserveCarried(3600, Gross, 3, Depth, Impact, 500, 19_000, 0, decay));
        // All are sold when every month fetches the reserve; none when even the first unit, 24,300 × 80% − 500, does not.
        Assert.Equal(1000.0, RepoMarket.VolumeAtReserveCarried(1000, Gross, 1, Depth, Impact, 500, 15_000, 0.10, decay));
        Assert.Equal(0.0, RepoMarket.VolumeAtReserveCarried(1200, Gross, 1, Depth, Impact, 500, 19_000, 0.20, decay));
        Assert.Equal(0.0, RepoMarket.VolumeAtReserveCarried(1200, Gross, 1, Depth, 0.0, 500, 24_000, 0, decay));
    }

    [Fact]
    public void AsTheHalfLifeGoesToZeroTheMarketForgets()
    {
        // A half-life of a thousandth of a month keeps 2^(−1000) of the depression a month: every period is priced on
        // its own volume alone, as a market without a half-life (within 1e-9 of the proceeds), and the reserve's volume is
        // the same.
        double decay = RepoMarket.MonthlyDecay(0.001), carried = 0;
        double[] sold = [1200, 800, 3000, 0, 500];
        foreach (double q in sold)
        {
            double forgetful = q * Math.Max(0.0, Gross * Math.Max(0.0, 1.0 - (Impact * q / Depth)) - 500);
            Assert.Equal(forgetful, RepoMarket.CarriedProceeds(q, Gross, 1, Depth, Impact, 500, carried, decay), 1e-9 * Math.Max(1, forgetful));
            Assert.Equal(RepoMarket.VolumeAtReserve(q, Gross, 1, Depth, Impact, 500, 19_000),
                RepoMarket.VolumeAtReserveCarried(q, Gross, 1, Depth, Impact, 500, 19_000, carried, decay));
            carried = RepoMarket.CarriedAfter(q, 1, Depth, Impact, carried, decay);
            Assert.True(carried < 1e-300);
        }
    }
}
