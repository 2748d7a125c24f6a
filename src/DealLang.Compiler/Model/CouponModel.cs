using System.Collections.Immutable;

namespace DealLang.Compiler.Model;

/// <summary>
/// How a tranche's or a loan's interest accrues: one strategy per record (fixed, or floating over any rate the deal knows at
/// the period's start, such as a market index), and one case each where the emitter switches on them.
/// </summary>
public abstract record CouponModel
{
    /// <summary>The rate reports show as the tranche's or loan's coupon (<c>TrancheInfo.Coupon</c>,
    /// <c>LoanInfo.Coupon</c>): NaN (n/a) when it floats.</summary>
    public abstract double HeadlineRate { get; }
}

/// <summary>A fixed annual rate on the opening balance, times the period's year fraction.</summary>
public sealed record FixedCoupon(double Rate) : CouponModel
{
    public override double HeadlineRate => Rate;
}

/// <summary>
/// A floating annual rate, reset each period: <see cref="Rate"/> evaluated at the period's start (e.g.
/// <c>SOFR + 6.00%</c>), plus every step-up in force, then held at or above <see cref="Floor"/> and at or below
/// <see cref="Cap"/> when given. A constant rate with step-ups is one too: its rate changes with the period.
/// </summary>
public sealed record FloatingCoupon(BoundExpression Rate, double? Floor, double? Cap, ImmutableArray<StepUp> StepUps, MarginGrid? Grid = null)
    : CouponModel
{
    /// <summary><c>margin investment_grade M else N</c>: a margin per class of what the balance funds, each class's
    /// rate floored and capped on its own, the coupon their blend by the classes' shares; null when none.</summary>
    public ClassMargins? Classes { get; init; }

    /// <summary>The rate at closing when it is known then (a constant rate without floor or cap); else n/a.</summary>
    public override double HeadlineRate =>
        Rate is ConstantExpression c && Floor is null && Cap is null && Grid is null && Classes is null ? c.Value : double.NaN;
}

/// <summary><c>margin investment_grade 6.25% else 13.00%</c>: the margin on the part of the balance funding
/// investment-grade contracts, and on the rest.</summary>
public sealed record ClassMargins(double InvestmentGrade, double Else);

/// <summary><c>step_up 1% from 2030-01-01</c>: <see cref="Rate"/> added to the coupon from period
/// <see cref="FirstPeriod"/> on (the first period starting on or after <see cref="From"/>); <c>step_up 2% while T</c>
/// (<see cref="Trigger"/>, <see cref="From"/> null): in every period after one at whose end the trigger was active.</summary>
public sealed record StepUp(double Rate, DealLang.Runtime.Date? From, int FirstPeriod, int? Trigger = null);

/// <summary><c>margin grid Ltv { below 50% 6.00% … else 7.00% }</c>: added to the coupon, the margin of the first tier
/// whose bound the test's value at the previous period's end is below; <see cref="Else"/> above every bound, in the
/// first period and when the test is n/a.</summary>
public sealed record MarginGrid(int Test, ImmutableArray<GridTier> Tiers, double Else);

/// <summary>One tier of a <see cref="MarginGrid"/>.</summary>
public sealed record GridTier(double Below, double Margin);
