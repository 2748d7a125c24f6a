namespace DealLang.Runtime.Tests;

/// <summary>
/// The volume a period sells when each unit held back costs h over the next period (docs/language.md §9, "The repo
/// market"; RepoMarket.BestVolumeHolding): the most of s × A − s² × B − h × (offered − m × s), s* = (A + m × h) / (2B),
/// unless selling every unit offered, past the volume at which the price reaches 0, is worth more.
/// CoreWeave's RentCollapse market, as RepoMarketBestVolumeTests: a gross price of 2,812 a GPU, costs 1,500, depth
/// 4,000 a month, impact 30%, a quarter (3 months) a period, no carry.
/// </summary>
public class RepoMarketHoldingTests
{
    // The objective less the holding cost of every unit offered (the same whatever is sold): proceeds + h × sold.
    private static double Objective(double sold, double holding) =>
        RepoMarket.CarriedProceeds(sold, 2812, 3, 4000, 0.30, 1500, 0, 0) + (holding * sold);

    [Fact]
    public void A_holding_cost_moves_the_vertex_up_by_what_a_unit_held_back_costs()
    {
        // h = 100 a GPU for the next quarter: q* = floor(3 × 4,000 × (1 − (1,500 − 100) / 2,812) / (2 × 30%))
        // = floor(20,000 × 0.5021337) = floor(10,042.67) = 10,042, against 9,331 without it: 711 more, as
        // m × depth × h / (G × 2 × impact) = 12,000 × 100 / (2,812 × 0.6) = 711.24 says.
        Assert.Equal(10_042.0, RepoMarket.BestVolumeHolding(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0, 100));
        Assert.Equal(9_331.0, RepoMarket.BestVolume(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0));

        // The units sold each fetch 2,812 × (1 − 30% × 3,347.33 / 4,000) − 1,500 = 606.047 (about (2,812 − 1,500 − 100) / 2
        // = 606): less than the 656 of the 9,331, but the 711 more sold save 711 × 100 of holding.
        // 10,042 × 606.047 + 100 × 10,042 = 7,090,128 > 9,331 × 656.03 + 100 × 9,331 = 7,054,522.
        Assert.Equal(7_090_128.0, Objective(10_042, 100), 1.0);
        Assert.Equal(7_054_522.5, Objective(9_331, 100), 1.0);
        Assert.True(Objective(10_042, 100) > Objective(10_041, 100));
    }

    [Fact]
    public void Past_the_volume_whose_price_is_0_selling_everything_saves_the_holding_cost()
    {
        // h = 1,000: the vertex is q* = floor(20,000 × (1 − 500 / 2,812)) = floor(16,443.81) = 16,443 GPUs, at
        // 2,812 × (1 − 30% × 5,481 / 4,000) − 1,500 = 156.057 each (about (2,812 − 1,500 − 1,000) / 2 = 156):
        // 16,443 × 156.057 = 2,566,047 of proceeds + 1,000 × 16,443 held back no more = 19,009,047.
        Assert.Equal(19_009_047.0, Objective(16_443, 1000), 1.0);

        // The 24,000 offered fetch 2,812 × (1 − 30% × 8,000 / 4,000) − 1,500 = −375.2, floored at 0: nothing, but none
        // is held back, 0 + 1,000 × 24,000 = 24,000,000 > 19,009,047: all are sold.
        Assert.Equal(0.0, RepoMarket.CarriedProceeds(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0));
        Assert.Equal(24_000.0, RepoMarket.BestVolumeHolding(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0, 1000));

        // 18,000 offered fetch 2,812 × (1 − 30% × 6,000 / 4,000) − 1,500 = 46.60 each: 838,800 + 18,000,000 =
        // 18,838,800 < 19,009,047, so the vertex's 16,443 are sold and 1,557 held back.
        Assert.Equal(18_838_800.0, Objective(18_000, 1000), 1.0);
        Assert.Equal(16_443.0, RepoMarket.BestVolumeHolding(18_000, 2812, 3, 4000, 0.30, 1500, 0, 0, 1000));
    }

    [Fact]
    public void Without_a_holding_cost_the_volume_is_the_vertex_of_the_proceeds_alone()
    {
        // h = 0: BestVolume's volume, with and without a carry (RepoMarketBestVolumeTests' cases).
        Assert.Equal(9_331.0, RepoMarket.BestVolumeHolding(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0, 0));
        Assert.Equal(3_300.0, RepoMarket.BestVolumeHolding(10_000, 1000, 2, 1000, 0.20, 100, 0.1, 0.5, 0));
        Assert.Equal(5_000.0, RepoMarket.BestVolumeHolding(5000, 2812, 3, 4000, 0.30, 1500, 0, 0, 0));
        Assert.Equal(24_000.0, RepoMarket.BestVolumeHolding(24_000, 1400, 3, 4000, 0.30, 1500, 0, 0, 0));
    }

    [Fact]
    public void A_market_that_carries_its_impact_adds_the_holding_cost_to_each_months_margin()
    {
        // RepoMarketBestVolumeTests' carried market (two months, 10% carried in, decay 0.5, gross 1,000, costs 100,
        // depth 1,000, impact 20%) with h = 50: A = (1,000 × 0.9 − 50) + (1,000 × 0.95 − 50) = 850 + 900 = 1,750
        // (1,650 + 2 × 50), B = 0.5, s* = 1,750, q* = 3,500, 200 more than without it. Its months fetch
        // 1,000 × (1 − 0.1 − 0.35) − 100 = 450 and, 0.5 × (0.1 + 0.35) = 0.225 carried, 1,000 × (1 − 0.225 − 0.35) − 100
        // = 325: 1,750 × 775 + 50 × 3,500 = 1,531,250, more than the 10,000 offered, priced at 0 (an own impact of 100%):
        // 0 + 50 × 10,000 = 500,000.
        Assert.Equal(3_500.0, RepoMarket.BestVolumeHolding(10_000, 1000, 2, 1000, 0.20, 100, 0.1, 0.5, 50));
    }

    [Fact]
    public void A_reserve_still_caps_the_volume_whatever_the_holding_costs()
    {
        // h = 1,000 would sell all 24,000 (above); a reserve of 200 a GPU sells no more than
        // floor(3 × 4,000 × (1 − (200 + 1,500) / 2,812) / 30%) = floor(40,000 × 0.3954481) = floor(15,817.92) = 15,817,
        // as the generated loop takes the least of the two.
        double reserve = RepoMarket.VolumeAtReserve(24_000, 2812, 3, 4000, 0.30, 1500, 200);
        Assert.Equal(15_817.0, reserve);
        Assert.Equal(15_817.0, Math.Min(reserve, RepoMarket.BestVolumeHolding(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0, 1000)));
    }
}
