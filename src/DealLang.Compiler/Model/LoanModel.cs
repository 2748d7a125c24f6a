using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// A loan the deal owns, owed by the party <see cref="Obligor"/> indexes. Its coupon (fixed, or floating without a
/// tranche's step-ups and margins), interest and scheduled principal are a tranche's (<see cref="TrancheModel"/>:
/// same conventions, same runtime functions), received instead of paid.
/// From the period the obligor defaults in, nothing more is paid: <see cref="Recovery"/> times the opening balance
/// is received <see cref="RecoveryLagPeriods"/> periods later (0: in that period), and the rest is the loan's loss.
/// </summary>
public sealed record LoanModel(
    string Name,
    int Index,
    int Obligor,
    double Balance,
    CouponModel Coupon,
    AmortizationModel Amortization,
    Date Maturity,
    int MaturityPeriod,
    double Recovery)
{
    /// <summary>Whether <see cref="Recovery"/> is the obligor's (the loan states none): then the generated loop reads
    /// the obligor's recovery on each path (<see cref="InputQuantity.PartyRecovery"/>), which a scenario may draw.</summary>
    public bool RecoveryFromObligor { get; init; }

    /// <summary>The workout lag in periods (<c>recovery 40% after 18m</c>: 18 months over the months per period,
    /// rounded up); 0 when the recovery is received in the default period.</summary>
    public int RecoveryLagPeriods { get; init; }

    /// <summary>The annual rate the recovery claim accrues at during the workout (<c>accruing 8%</c>), compounded each
    /// period at the deal's day count; 0 when it earns nothing or accrues at the coupon.</summary>
    public double RecoveryAccrualRate { get; init; }

    /// <summary><c>accruing coupon</c>: the claim accrues at the loan's own coupon, each period's rate.</summary>
    public bool RecoveryAccruesAtCoupon { get; init; }

    /// <summary>The default interest (<c>default_interest +2%</c>): the margin over each period's coupon at which what
    /// the obligor owes after its default accrues, so a claim <c>accruing coupon</c> accrues at the coupon plus it, and
    /// a claim at a stated rate is capped by the defaulted balance at that default rate; 0 when none.</summary>
    public double DefaultInterest { get; init; }

    /// <summary>The parts (equal, or of <see cref="RecoveryShares"/>) the claim is received in, one a period from the lag's end (<c>in 4 instalments</c>);
    /// 1 when it is received whole. At a frequency other than the deal's (<see cref="RecoveryFrequency"/>), the periods
    /// its parts are received over, each receiving those falling in it.</summary>
    public int RecoveryInstalments { get; init; } = 1;

    /// <summary>Each instalment's share of the claim (<c>in instalments { 50% 30% 20% }</c>), as many as
    /// <see cref="RecoveryInstalments"/>; empty for equal parts. At a frequency other than the deal's, each period's,
    /// the shares of the parts falling in it added up (0 in a period without one).</summary>
    public ImmutableArray<double> RecoveryShares { get; init; } = [];

    /// <summary>The recovery parts' own frequency (<c>in 8 instalments monthly</c>) and how many there are as written;
    /// null when they are one a deal period.</summary>
    public (Frequency Every, int Parts)? RecoveryFrequency { get; init; }

    /// <summary>Whether the claim grows during the workout (a stated rate above 0, or the coupon).</summary>
    public bool RecoveryAccrues => RecoveryAccruesAtCoupon || RecoveryAccrualRate > 0;

    /// <summary>Whether anything is held after the default period: a lag or more than one instalment.</summary>
    public bool HasWorkout => RecoveryLagPeriods > 0 || RecoveryInstalments > 1;

    public LoanInfo ToInfo() =>
        new(Name, Obligor, Balance, Coupon.HeadlineRate, Maturity, Amortization.Name, Recovery) { RecoveryAccrues = RecoveryAccrues };
}
