using DealLang.Runner.Running;

namespace DealLang.Runner.Tests.Running;

/// <summary>A guarantor's signed net cost over the paths (docs/language.md §12 "Monte Carlo results"): a gain counts
/// negative in the mean, the sums are exact and merge in any order.</summary>
public sealed class NetAmountStatisticsTests
{
    [Fact]
    public void A_gain_lowers_the_mean_and_halves_merge_to_the_whole()
    {
        // Four paths: the guarantor gains 4.6m (paid 101.6m, got back 106.2m), pays 60m net, and nothing twice.
        // Mean (60m − 4.6m) / 4 = 13.85m; floored at 0 it would read 15m. The sample SD: deviations −18.45m, 46.15m,
        // −13.85m, −13.85m; their squares sum to 340.4025 + 2129.8225 + 191.8225 + 191.8225 = 2853.87 (m²), / 3 = 951.29,
        // √ = 30.8430m.
        double[] amounts = [-4.6e6, 60e6, 0, 0];
        var all = new NetAmountStatistics();
        foreach (double a in amounts)
        {
            all.Add(a);
        }

        Assert.Equal(13.85e6, all.Mean, 1e-6);
        Assert.Equal(Math.Sqrt(2853.87e12 / 3), all.StandardDeviation, 1e-3);

        var second = new NetAmountStatistics();
        second.Add(0);
        second.Add(60e6);
        var first = new NetAmountStatistics();
        first.Add(0);
        first.Add(-4.6e6);
        first.Merge(second);
        Assert.Equal(all.Parts, first.Parts);
    }

    [Theory]
    [InlineData(10, 1, 1)]  // (Σx)² = 100 > n·Σx² = 1: no path gives these
    [InlineData(0, -1, 2)]  // a sum of squares below 0
    [InlineData(5, 25, 0)]  // sums without paths
    public void Sums_no_paths_could_give_are_refused(long sum, long squares, long paths) =>
        Assert.Throws<FormatException>(() => NetAmountStatistics.FromParts(sum, squares, paths));

    [Fact]
    public void An_amount_that_is_not_finite_is_refused_as_an_overflow() =>
        Assert.Throws<OverflowException>(() => new NetAmountStatistics().Add(double.NaN)); // the engine's SumLimitException
}
