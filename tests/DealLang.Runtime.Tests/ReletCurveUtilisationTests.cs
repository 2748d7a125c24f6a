using DealLang.Runtime;

namespace DealLang.Runtime.Tests;

/// <summary>A re-let's curve (docs/language.md §9, "relet-curve"): u = L_i + (L_{i+1} − L_i) × min(1, (m − M_i) /
/// (M_{i+1} − M_i)), m the whole calendar months from the re-let's start, i the last point at or before m; flat after the
/// last point; each segment a straight ramp, so a curve of two points is <see cref="ReletRamp"/>'s to the bit.</summary>
public class ReletCurveUtilisationTests
{
    private static readonly ReletCurve Market = new([0, 3, 9, 21], [0.30, 0.55, 0.75, 0.80]);

    [Fact]
    public void TheUtilisationIsLinearInWholeMonthsBetweenPoints_AndFlatAfterTheLast()
    {
        // At the points, their levels; between, linear: m = 1 is 30% + 25% × 1 / 3 = 38.333…%, m = 6 is 55% + 20% × 3 / 6 =
        // 65%, m = 15 is 75% + 5% × 6 / 12 = 77.5%; past 21 months, 80%.
        Assert.Equal(0.30, Market.At(0), 12);
        Assert.Equal(0.30 + (0.25 / 3), Market.At(1), 12);
        Assert.Equal(0.55, Market.At(3), 12);
        Assert.Equal(0.65, Market.At(6), 12);
        Assert.Equal(0.75, Market.At(9), 12);
        Assert.Equal(0.775, Market.At(15), 12);
        Assert.Equal(0.80, Market.At(21), 12);
        Assert.Equal(0.80, Market.At(120), 12);
    }

    [Fact]
    public void ItCountsWholeCalendarMonthsFromTheStartAsARampDoes()
    {
        // From 2026-02-15: 2026-05-14 is 2 whole months (30% + 25% × 2 / 3 = 46.667%), 2026-05-15 is 3 (55%); a day before
        // the start counts none.
        var start = new Date(2026, 2, 15);
        Assert.Equal(0.30 + (0.25 * 2 / 3), Market.Utilisation(start, new Date(2026, 5, 14)), 12);
        Assert.Equal(0.55, Market.Utilisation(start, new Date(2026, 5, 15)), 12);
        Assert.Equal(0.30, Market.Utilisation(start, new Date(2026, 1, 1)), 12);
    }

    [Fact]
    public void ACurveOfTwoPointsIsTheStraightRampToTheBit()
    {
        var start = new Date(2026, 2, 1);
        foreach ((double from, double to, int months) in new[] { (0.30, 0.80, 12), (0.80, 0.20, 12), (0.1, 0.7, 7) })
        {
            var curve = new ReletCurve([0, months], [from, to]);
            for (int m = 0; m <= months + 6; m++)
            {
                Date day = start.AddMonthsClamped(m);
                Assert.Equal(BitConverter.DoubleToInt64Bits(ReletRamp.Utilisation(from, to, months, start, day)),
                    BitConverter.DoubleToInt64Bits(ReletRamp.Utilisation(curve, from, to, months, start, day)));
            }
        }
    }

    [Fact]
    public void PointsThatMakeNoCurveDoNotFit()
    {
        Assert.True(Market.Fits());
        Assert.False(new ReletCurve([0], [0.5]).Fits());
        Assert.False(new ReletCurve([1, 6], [0.3, 0.7]).Fits());
        Assert.False(new ReletCurve([0, 6, 6], [0.3, 0.5, 0.7]).Fits());
        Assert.False(new ReletCurve([0, 6], [0.3, 1.2]).Fits());
        Assert.False(new ReletCurve([0, 6], [0.0, 0.5]).Fits());
        Assert.False(new ReletCurve([0, 6], [0.3]).Fits());
    }
}
