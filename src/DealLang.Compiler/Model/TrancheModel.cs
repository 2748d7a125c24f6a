using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// A debt tranche. Interest accrues on the opening balance at <see cref="Coupon"/> times the period's year
/// fraction. Principal is due from the first period ending after <see cref="InterestOnlyUntil"/> (closing if null):
/// level (annuity on the balance over the remaining periods to <see cref="MaturityPeriod"/>), linear,
/// per <see cref="ScheduledPrincipal"/> (one amount per period), or bullet; the whole balance is due in the maturity period.
/// </summary>
public sealed record TrancheModel(
    string Name,
    int Index,
    double Balance,
    double Coupon,
    Date? InterestOnlyUntil,
    AmortizationKind Amortization,
    ImmutableArray<double> ScheduledPrincipal,
    Date Maturity,
    int MaturityPeriod,
    int Seniority)
{
    public TrancheInfo ToInfo() =>
        new(Name, Balance, Coupon, Seniority, Maturity, Amortization.ToString().ToLowerInvariant());
}
