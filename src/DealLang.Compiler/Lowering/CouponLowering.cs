using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// A coupon's terms as a <see cref="CouponModel"/>, a tranche's and a loan's alike: a rate that reads deal state, or
/// has step-ups or margins added, floats (<see cref="FloatingCoupon"/>); a constant one is fixed, clamped here once by
/// its floor and cap (<see cref="FixedCoupon"/>).
/// </summary>
internal static class CouponLowering
{
    public static CouponModel Lower(ExpressionSyntax? rate, ExpressionSyntax? floor, ExpressionSyntax? cap, Lowerer lowerer,
        ImmutableArray<StepUp> stepUps = default, MarginGrid? grid = null, ClassMargins? classes = null)
    {
        stepUps = stepUps.IsDefault ? [] : stepUps;
        double? low = floor is null ? null : lowerer.ConstantOf(floor);
        double? high = cap is null ? null : lowerer.ConstantOf(cap);
        if (lowerer.BoundOf(rate) is { } bound
            && (bound is not ConstantExpression || stepUps.Length > 0 || grid is not null || classes is not null))
        {
            return new FloatingCoupon(bound, low, high, stepUps, grid) { Classes = classes };
        }

        double fixedRate = lowerer.ConstantOf(rate);
        fixedRate = Math.Max(fixedRate, low ?? double.NegativeInfinity);
        return new FixedCoupon(Math.Min(fixedRate, high ?? double.PositiveInfinity));
    }
}
