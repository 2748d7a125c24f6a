using DealLang.Runner.Analytics;

namespace DealLang.Runner.Tests.Analytics;

public class BondEquivalentYieldTests
{
    [Theory]
    // 2 × (√1.0669 − 1) = 2 × 0.0329085 = 0.065817: Hyperion's 6.69% IRR is its 6.58% coupon quoted as a bond yield.
    [InlineData(0.0669, 0.065817)]
    // 2 × (√1.21 − 1) = 2 × 0.1 = 0.2 exactly: 10% a half-year compounds to 21% a year.
    [InlineData(0.21, 0.20)]
    [InlineData(0.0, 0.0)]
    // 2 × (√0.75 − 1) = 2 × (0.866025 − 1) = −0.267949.
    [InlineData(-0.25, -0.267949)]
    public void IsTheSemiannualRateThatCompoundsToTheIrr(double irr, double bey)
    {
        Assert.Equal(bey, BondEquivalentYield.FromAnnual(irr), 1e-6);
        double back = Math.Pow(1 + (BondEquivalentYield.FromAnnual(irr) / 2), 2) - 1;
        Assert.Equal(irr, back, 1e-12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(-1.5)]
    [InlineData(double.PositiveInfinity)]
    public void IsUndefinedWhereTheIrrIs(double irr) => Assert.True(double.IsNaN(BondEquivalentYield.FromAnnual(irr)));
}
