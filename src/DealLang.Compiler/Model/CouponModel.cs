namespace DealLang.Compiler.Model;

/// <summary>
/// How a liability's interest accrues: one strategy per record (fixed today; floating over an index, PIK and
/// step-up are new records and one case each where the emitter switches on them).
/// </summary>
public abstract record CouponModel
{
    /// <summary>The rate reports show as the tranche's coupon (<c>TrancheInfo.Coupon</c>).</summary>
    public abstract double HeadlineRate { get; }
}

/// <summary>A fixed annual rate on the opening balance, times the period's year fraction.</summary>
public sealed record FixedCoupon(double Rate) : CouponModel
{
    public override double HeadlineRate => Rate;
}
