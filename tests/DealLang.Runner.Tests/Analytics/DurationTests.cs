using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

public class DurationTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void ZeroCouponDurationIsItsMaturity()
    {
        Assert.Equal(5.0, Duration.Macaulay(0.05, [5.0], [100.0]), Tolerance);
        Assert.Equal(5.0 / 1.05, Duration.Modified(0.05, [5.0], [100.0]), Tolerance);
    }

    [Fact]
    public void ParBondMatchesTheClosedForm()
    {
        // For a bond priced at par, Macaulay = (1+y)/y · (1 − (1+y)^−n); at 6% over 5 years
        // that is 17.6667 × 0.252742 = 4.46511.
        double[] years = [1, 2, 3, 4, 5];
        double[] amounts = [60, 60, 60, 60, 1060];
        var expected = 1.06 / 0.06 * (1.0 - Math.Pow(1.06, -5.0));

        var macaulay = Duration.Macaulay(0.06, years, amounts);

        Assert.Equal(expected, macaulay, Tolerance);
        Assert.Equal(4.46511, macaulay, 1e-5);
        Assert.Equal(macaulay / 1.06, Duration.Modified(0.06, years, amounts), Tolerance);
    }

    [Fact]
    public void ModifiedDurationPredictsThePriceChangeForASmallYieldMove()
    {
        double[] years = [1, 2, 3, 4, 5];
        double[] amounts = [60, 60, 60, 60, 1060];
        const double bump = 1e-6;

        // Duration uses times from the valuation date; Irr.Npv from the first flow, so a zero flow
        // at t=0 makes them agree.
        double Price(double y) => Irr.Npv(y, [0, .. years], [0, .. amounts]);
        var slope = (Price(0.06 + bump) - Price(0.06 - bump)) / (2 * bump);

        Assert.Equal(-slope / Price(0.06), Duration.Modified(0.06, years, amounts), 1e-6);
    }

    [Fact]
    public void WorthlessFlowsHaveNoDuration()
    {
        Assert.True(double.IsNaN(Duration.Macaulay(0.05, [], [])));
    }

    [Fact]
    public void YieldAtOrBelowMinusHundredPercentIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.Macaulay(-1.0, [1.0], [100.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.Modified(double.NaN, [1.0], [100.0]));
    }
}
