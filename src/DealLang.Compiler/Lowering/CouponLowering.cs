using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// A coupon's terms as a <see cref="CouponModel"/>, a tranche's and a loan's alike: a rate that reads deal state, or
/// has step-ups or margins added, floats (<see cref="FloatingCoupon"/>); a constant one is fixed, clamped here once by
/// its floor and cap (<see cref="FixedCoupon"/>).
/// </summary>
internal static class CouponLowering
{
    /// <summary>A coupon's terms with what is added to it, a tranche's or a loan's: its step-ups (from a date, from the
    /// first period starting on or after the day that date is paid, <see cref="Lowerer.PaidOn"/>; or while a trigger is
    /// active) and its margin grid on a test.</summary>
    public static CouponModel Lower(ExpressionSyntax? rate, ExpressionSyntax? floor, ExpressionSyntax? cap,
        ImmutableArray<StepUpSyntax> stepUps, MarginGridSyntax? grid, Lowerer lowerer, ClassMargins? classes = null)
    {
        var lowered = SyntaxWalk.Safe(stepUps.IsDefault ? [] : stepUps)
            .Where(s => s.From is not null || s.Trigger is not null)
            .Select(s => s.From is { } from
                ? new StepUp(lowerer.ConstantOf(s.Rate), from.Value, FirstPeriodFrom(lowerer.Boundaries, lowerer.PaidOn(from.Value)))
                : new StepUp(lowerer.ConstantOf(s.Rate), null, 0, lowerer.IndexOfName(s.Trigger)))
            .ToImmutableArray();
        MarginGrid? margins = grid is { } g
            ? new MarginGrid(lowerer.TestPositionOfName(g.Test),
                [.. SyntaxWalk.Safe(g.Tiers).Select(tier => new GridTier(lowerer.ConstantOf(tier.Bound), lowerer.ConstantOf(tier.Margin)))],
                lowerer.ConstantOf(g.Else))
            : null;
        return Model(rate, floor, cap, lowerer, lowered, margins, classes);
    }

    /// <summary>Floating when the rate reads deal state or anything is added to it; else fixed, within its floor and cap.</summary>
    private static CouponModel Model(ExpressionSyntax? rate, ExpressionSyntax? floor, ExpressionSyntax? cap, Lowerer lowerer,
        ImmutableArray<StepUp> stepUps, MarginGrid? grid, ClassMargins? classes)
    {
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

    /// <summary>The first period starting on or after <paramref name="from"/> (the periods' count when none does).</summary>
    private static int FirstPeriodFrom(IReadOnlyList<Date> boundaries, Date from)
    {
        for (int t = 0; t < boundaries.Count - 1; t++)
        {
            if (boundaries[t] >= from)
            {
                return t;
            }
        }

        return boundaries.Count - 1;
    }
}
