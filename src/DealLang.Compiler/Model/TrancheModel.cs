using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// A debt tranche. Interest accrues on the opening balance at <see cref="Coupon"/> times the period's year
/// fraction. Principal follows <see cref="Amortization"/>; the whole balance is due in <see cref="MaturityPeriod"/>.
/// </summary>
public sealed record TrancheModel(
    string Name,
    int Index,
    double Balance,
    double Coupon,
    AmortizationModel Amortization,
    Date Maturity,
    int MaturityPeriod,
    int Seniority)
{
    public TrancheInfo ToInfo() =>
        new(Name, Balance, Coupon, Seniority, Maturity, Amortization.Name);
}
