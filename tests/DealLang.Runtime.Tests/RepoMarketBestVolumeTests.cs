namespace DealLang.Runtime.Tests;

/// <summary>
/// The volume the repo market pays most for (docs/language.md §9, "The repo market"): a period sells no more than
/// q* = floor(m × A / (2B)), the vertex of its proceeds s × A − s² × B in the monthly volume s (RepoMarket.BestVolume).
/// CoreWeave's RentCollapse market: a gross price (value less haircut) of 2,812 a GPU, costs 1,500, depth 4,000 a month,
/// impact 30%, a quarter (3 months) a period.
/// </summary>
public class RepoMarketBestVolumeTests
{
    [Fact]
    public void A_market_without_a_memory_sells_at_most_the_vertex_of_its_proceeds()
    {
        // q* = floor(3 × 4,000 × (1 − 1,500 / 2,812) / (2 × 30%)) = floor(12,000 × 0.466572 / 0.6) = floor(9,331.44) = 9,331.
        Assert.Equal(9331.0, RepoMarket.BestVolume(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0));

        // Each of them fetches 2,812 × (1 − 30% × 3,110.33 / 4,000) − 1,500 = 656.03, about (2,812 − 1,500) / 2 = 656;
        // the 24,000 the limit offers fetch 2,812 × (1 − 30% × 2) − 1,500 < 0, nothing.
        Assert.Equal(9331 * 656.03, RepoMarket.CarriedProceeds(9331, 2812, 3, 4000, 0.30, 1500, 0, 0), 9331 * 0.01);
        Assert.Equal(0.0, RepoMarket.CarriedProceeds(24_000, 2812, 3, 4000, 0.30, 1500, 0, 0));

        // It is the most: one unit more or less raises no more.
        double best = RepoMarket.CarriedProceeds(9331, 2812, 3, 4000, 0.30, 1500, 0, 0);
        Assert.True(RepoMarket.CarriedProceeds(9332, 2812, 3, 4000, 0.30, 1500, 0, 0) <= best);
        Assert.True(RepoMarket.CarriedProceeds(9330, 2812, 3, 4000, 0.30, 1500, 0, 0) <= best);
    }

    [Fact]
    public void Fewer_offered_than_the_vertex_are_all_sold()
    {
        Assert.Equal(5000.0, RepoMarket.BestVolume(5000, 2812, 3, 4000, 0.30, 1500, 0, 0));
        Assert.Equal(0.0, RepoMarket.BestVolume(0, 2812, 3, 4000, 0.30, 1500, 0, 0));
    }

    [Fact]
    public void With_no_impact_or_no_price_above_the_costs_every_unit_offered_is_sold()
    {
        // No impact: the price does not fall with the volume.
        Assert.Equal(24_000.0, RepoMarket.BestVolume(24_000, 2812, 3, 4000, 0.0, 1500, 0, 0));

        // A gross price of 1,400 under costs of 1,500: no volume raises anything, and a unit held back would cost its
        // opex, so they are all given away at 0 (as before the rule).
        Assert.Equal(24_000.0, RepoMarket.BestVolume(24_000, 1400, 3, 4000, 0.30, 1500, 0, 0));
    }

    [Fact]
    public void A_market_that_carries_its_impact_reckons_the_vertex_on_the_depression_carried_in()
    {
        // Two months, 10% carried in, decay 0.5, gross 1,000, costs 100, depth 1,000, impact 20%.
        // A = (1,000 × (1 − 0.1) − 100) + (1,000 × (1 − 0.5 × 0.1) − 100) = 800 + 850 = 1,650;
        // Σ (1 + S_k) = (1 + 0) + (1 + 0.5) = 2.5, B = 1,000 × 20% / 1,000 × 2.5 = 0.5;
        // s* = A / (2B) = 1,650 a month, q* = 2 × 1,650 = 3,300.
        Assert.Equal(3300.0, RepoMarket.BestVolume(10_000, 1000, 2, 1000, 0.20, 100, 0.1, 0.5));

        // No month's price is floored at that volume (month 0: 1,000 × (1 − 0.1 − 0.33) − 100 = 470; month 1, carried
        // 0.5 × (0.1 + 0.33) = 0.215: 1,000 × (1 − 0.215 − 0.33) − 100 = 355), so the vertex is the most:
        // 1,650 × 470 + 1,650 × 355 = 1,361,250.
        double best = RepoMarket.CarriedProceeds(3300, 1000, 2, 1000, 0.20, 100, 0.1, 0.5);
        Assert.Equal(1_361_250.0, best, 1e-6);
        Assert.True(RepoMarket.CarriedProceeds(3302, 1000, 2, 1000, 0.20, 100, 0.1, 0.5) <= best);
        Assert.True(RepoMarket.CarriedProceeds(3298, 1000, 2, 1000, 0.20, 100, 0.1, 0.5) <= best);
    }
}
