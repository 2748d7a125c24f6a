using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// The least a floating coupon's rate can be, from its expression alone: a coupon written as <c>max(SOFR, 0%) +
/// 6.25%</c> is never below 6.25%, so the zero floor every coupon is read under (docs/language.md §5, tranche) would be
/// a <c>Math.Max(0.0, …)</c> that never acts, and <see cref="CouponCode"/> leaves it out. A bound it cannot prove is
/// −∞ (an index, a state read, a quotient, a negation), which keeps the floor: the result is always a true bound.
/// </summary>
internal static class CouponLowerBound
{
    /// <summary>The coupon's rate before its class margins, floor and cap: the expression, its step-ups (each adds its
    /// rate or nothing) and its margin grid (one of its margins).</summary>
    public static double Of(FloatingCoupon coupon)
    {
        double bound = Of(coupon.Rate);
        foreach (var stepUp in coupon.StepUps)
        {
            bound += Math.Min(0.0, stepUp.Rate);
        }

        if (coupon.Grid is { } grid)
        {
            bound += grid.Tiers.Aggregate(grid.Else, (least, tier) => Math.Min(least, tier.Margin));
        }

        return bound;
    }

    /// <summary>The least value of <paramref name="expression"/>; −∞ when unknown. Each rule holds in the double
    /// arithmetic the emitted C# does too: a sum, a product or a maximum of numbers at or above their bounds is at or
    /// above the bounds' sum, product or maximum (rounding is monotonic), and a difference with a constant likewise.</summary>
    public static double Of(BoundExpression expression) => expression switch
    {
        ConstantExpression c => c.Value,
        CallExpression { Function: BuiltinFunction.Max } call => call.Arguments.Max(Of),
        CallExpression { Function: BuiltinFunction.Min } call => call.Arguments.Min(Of),
        CallExpression { Function: BuiltinFunction.Abs } call => Math.Max(0.0, Of(call.Arguments[0])),
        BinaryExpression { Operator: BoundBinaryOperator.Add } b => Of(b.Left) + Of(b.Right),
        BinaryExpression { Operator: BoundBinaryOperator.Subtract, Right: ConstantExpression c } b => Of(b.Left) - c.Value,
        BinaryExpression { Operator: BoundBinaryOperator.Multiply } b when Of(b.Left) is var l && Of(b.Right) is var r && l >= 0 && r >= 0 => l * r,
        ConditionalExpression c => Math.Min(Of(c.WhenTrue), Of(c.WhenFalse)),
        _ => double.NegativeInfinity,
    };
}
