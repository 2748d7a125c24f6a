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

    public LoanInfo ToInfo() =>
        new(Name, Obligor, Balance, Coupon.HeadlineRate, Maturity, Amortization.Name, Recovery);
}
