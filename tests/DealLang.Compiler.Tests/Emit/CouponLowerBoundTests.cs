using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// The least a floating coupon's rate can be (<see cref="CouponLowerBound"/>), which decides whether the emitted coupon
/// carries the zero floor (docs/language.md §5, tranche: a coupon is never below 0%). A bound it cannot prove must be
/// −∞, so the floor stays; one it proves leaves out a <c>Math.Max(0.0, …)</c> that could never act (CoreWeave's
/// <c>max(SOFR, 0%)</c> plus its class margins: the baseline's C# shows it).
/// </summary>
public class CouponLowerBoundTests
{
    private static readonly BoundExpression Sofr = new QuantityExpression(Quantity.IndexLevel, 0, Unit.Rate, IsFlow: false);

    private static ConstantExpression Rate(double value) => new(value, Unit.Rate);

    private static CallExpression Call(BuiltinFunction function, params BoundExpression[] arguments) => new(function, [.. arguments], Unit.Rate);

    private static BinaryExpression Binary(BoundBinaryOperator op, BoundExpression left, BoundExpression right) => new(op, left, right, Unit.Rate);

    [Fact]
    public void An_index_alone_or_plus_a_margin_has_no_bound()
    {
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(Sofr));
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(Binary(BoundBinaryOperator.Add, Sofr, Rate(0.02))));
        // A negation, a quotient and a difference with anything but a constant are not bounded either.
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(new UnaryExpression(BoundUnaryOperator.Negate, Rate(0.01), Unit.Rate)));
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(Binary(BoundBinaryOperator.Divide, Rate(0.01), Rate(2))));
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(Binary(BoundBinaryOperator.Subtract, Rate(0.05), Sofr)));
    }

    [Fact]
    public void A_floored_index_plus_a_margin_is_bounded_by_the_floor_plus_the_margin()
    {
        // max(SOFR, 0%) + 6.25% ≥ 0 + 0.0625.
        var floored = Call(BuiltinFunction.Max, Sofr, Rate(0.0));
        Assert.Equal(0.0625, CouponLowerBound.Of(Binary(BoundBinaryOperator.Add, floored, Rate(0.0625))), 15);
        // max(SOFR, 1%) − 3% ≥ −2%; min(max(SOFR, 1%), 5%) ≥ 1%; |SOFR| ≥ 0.
        Assert.Equal(-0.02, CouponLowerBound.Of(Binary(BoundBinaryOperator.Subtract, Call(BuiltinFunction.Max, Sofr, Rate(0.01)), Rate(0.03))), 15);
        Assert.Equal(0.01, CouponLowerBound.Of(Call(BuiltinFunction.Min, Call(BuiltinFunction.Max, Sofr, Rate(0.01)), Rate(0.05))), 15);
        Assert.Equal(0.0, CouponLowerBound.Of(Call(BuiltinFunction.Abs, Sofr)));
    }

    [Fact]
    public void A_product_is_bounded_only_when_both_factors_are_at_or_above_zero()
    {
        // 150% × max(SOFR, 2%) ≥ 3%; 150% × SOFR has no bound.
        Assert.Equal(0.03, CouponLowerBound.Of(Binary(BoundBinaryOperator.Multiply, Rate(1.5), Call(BuiltinFunction.Max, Sofr, Rate(0.02)))), 15);
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(Binary(BoundBinaryOperator.Multiply, Rate(1.5), Sofr)));
    }

    [Fact]
    public void A_conditional_takes_the_lower_branch()
    {
        var condition = new QuantityExpression(Quantity.TriggerActive, 0, Unit.Bool, IsFlow: false);
        Assert.Equal(0.04, CouponLowerBound.Of(new ConditionalExpression(condition, Rate(0.06), Rate(0.04), Unit.Rate)), 15);
        Assert.Equal(double.NegativeInfinity, CouponLowerBound.Of(new ConditionalExpression(condition, Rate(0.06), Sofr, Unit.Rate)));
    }

    [Fact]
    public void Step_ups_and_a_margin_grid_count_at_their_lowest()
    {
        // max(SOFR, 0%) + 3%, a step-up of 1% (adds 1% or nothing: 0 at least), one of −1% (−1% at least), and a grid of
        // 2% below 1.2x else 1.5%: at least 0 + 3% + 0 − 1% + 1.5% = 3.5%.
        var rate = Binary(BoundBinaryOperator.Add, Call(BuiltinFunction.Max, Sofr, Rate(0.0)), Rate(0.03));
        var coupon = new FloatingCoupon(rate, Floor: null, Cap: null,
            [new StepUp(0.01, null, 4), new StepUp(-0.01, null, 8)],
            new MarginGrid(0, [new GridTier(1.2, 0.02)], 0.015));
        Assert.Equal(0.035, CouponLowerBound.Of(coupon), 15);
    }
}
