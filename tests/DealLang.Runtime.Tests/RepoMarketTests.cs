namespace DealLang.Runtime.Tests;

/// <summary>The reserve's volume (docs/language.md §9, "reserve"): all offered when their price meets it, none when
/// even the first unit's does not, else the whole units whose price is at least the reserve. The market: a gross price
/// (value less haircut) of 24,300 a GPU, depth 1,000 a month, impact 20%, costs 500, one month a period.</summary>
public class RepoMarketTests
{
    [Fact]
    public void AllAreSoldWhenTheirPriceMeetsTheReserve()
    {
        // 1,200 offered: 24,300 × (1 − 20% × 1.2) − 500 = 17,968 ≥ 17,000.
        Assert.Equal(1200.0, RepoMarket.VolumeAtReserve(1200, 24_300, 1, 1000, 0.20, 500, 17_000));
        // No reserve (0) sells all, whatever the price.
        Assert.Equal(1200.0, RepoMarket.VolumeAtReserve(1200, 100, 1, 1000, 0.20, 500, 0));
    }

    [Fact]
    public void NoneAreSoldWhenEvenTheFirstFetchesLessThanTheReserve()
    {
        // 24,300 − 500 = 23,800 < 24,000; with no impact the price is the same at any volume.
        Assert.Equal(0.0, RepoMarket.VolumeAtReserve(1200, 24_300, 1, 1000, 0.20, 500, 24_000));
        Assert.Equal(0.0, RepoMarket.VolumeAtReserve(1200, 24_300, 1, 1000, 0.0, 500, 24_000));
    }

    [Fact]
    public void OtherwiseTheWholeUnitsWhosePriceMeetsTheReserve()
    {
        // floor(1,000 × (1 − (19,000 + 500) / 24,300) / 20%) = floor(987.65) = 987: 24,300 × (1 − 0.1974) − 500 = 19,003.18.
        Assert.Equal(987.0, RepoMarket.VolumeAtReserve(1200, 24_300, 1, 1000, 0.20, 500, 19_000));
        // A quarter (3 months) absorbs three times the volume at the same price: floor(2,962.96) = 2,962.
        Assert.Equal(2962.0, RepoMarket.VolumeAtReserve(3600, 24_300, 3, 1000, 0.20, 500, 19_000));
    }
}
