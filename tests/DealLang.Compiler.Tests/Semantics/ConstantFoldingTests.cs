using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>Constant terms fold to one number; expected values worked by hand from the literals.</summary>
public sealed class ConstantFoldingTests
{
    private static double BalanceOf(string balance) =>
        ModelOf(Deal().Replace("balance 100m", "balance " + balance, StringComparison.Ordinal)).Tranches[0].Balance;

    private static double CouponOf(string coupon) =>
        ModelOf(Deal().Replace("coupon 5%", "coupon " + coupon, StringComparison.Ordinal)).Tranches[0].Coupon.HeadlineRate;

    [Theory]
    [InlineData("27.3bn", 2.73e10)]        // 27.3 × 10^9
    [InlineData("100m * 2", 2e8)]          // 100 × 10^6 × 2
    [InlineData("(100m + 50m) / 2", 7.5e7)] // 150m / 2
    [InlineData("-(-5m)", 5e6)]
    [InlineData("min(3m, 2m) + max(1k, 2k)", 2_002_000)]
    [InlineData("abs(-3m)", 3e6)]
    [InlineData("2% of 1bn", 2e7)]         // 0.02 × 10^9
    public void MoneyTermsFold(string written, double expected)
    {
        Assert.Equal(expected, BalanceOf(written), expected * 1e-12);
    }

    [Theory]
    [InlineData("5% + 25bp", 0.0525)]   // 0.05 + 0.0025
    [InlineData("2 * 3%", 0.06)]        // number × rate is a rate
    [InlineData("6.581%", 0.06581)]
    public void RateTermsFold(string written, double expected)
    {
        Assert.Equal(expected, CouponOf(written), 1e-15);
    }

    [Fact]
    public void ConstantPartsOfAnExpressionOverStateFoldToo()
    {
        var bound = Assert.IsType<BinaryExpression>(TestExpression("Notes.balance * (1% + 1%)"));

        Assert.Equal(new ConstantExpression(0.02, Unit.Rate), bound.Right);
        Assert.IsType<QuantityExpression>(bound.Left);
    }

    [Fact]
    public void AConstantRatioTestIsAConstant()
    {
        Assert.Equal(new ConstantExpression(2e8 / 1e8, Unit.Ratio), TestExpression("200m / 100m"));
    }
}
