using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// A debt tranche of <see cref="Balance"/>: drawn per <see cref="Draw"/>, interest per <see cref="Coupon"/> on the
/// opening balance, settled per <see cref="Capitalisation"/> (cash or in kind), principal per <see cref="Amortization"/>;
/// the whole balance is due in <see cref="MaturityPeriod"/>, and with a <see cref="TargetBalance"/> (a borrowing base)
/// whatever exceeds the target each period. The lender pays <see cref="IssuePrice"/> per unit of par (1 = par).
/// </summary>
public sealed record TrancheModel(
    string Name,
    int Index,
    double Balance,
    CouponModel Coupon,
    AmortizationModel Amortization,
    DrawModel Draw,
    Date Maturity,
    int MaturityPeriod,
    int Seniority,
    CapitalisationModel Capitalisation,
    double IssuePrice = 1.0,
    BoundExpression? TargetBalance = null)
{
    public TrancheInfo ToInfo() =>
        new(Name, Balance, Coupon.HeadlineRate, Seniority, Maturity, Amortization.Name, IssuePrice);
}
