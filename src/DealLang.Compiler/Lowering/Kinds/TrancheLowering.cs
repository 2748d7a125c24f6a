using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A tranche as a <see cref="TrancheModel"/>: a fixed or floating coupon (<see cref="Coupon"/>), interest in cash or
/// in kind, funded at closing. Defaults: bullet, the deal's
/// maturity, seniority by declaration order (1 = first tranche). The amortisation and the maturity period (the one
/// whose end is on or after the maturity) are <see cref="AmortizationLowering"/>'s, shared with the loan.
/// </summary>
internal sealed class TrancheLowering : DeclarationLowering<TrancheSyntax, TrancheModel>
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    protected override TrancheModel Lower(TrancheSyntax tranche, Symbol symbol, int index, Lowerer lowerer)
    {
        Date maturity = tranche.Maturity?.Value ?? lowerer.DealMaturity;
        return new TrancheModel(
            Name: symbol.Name,
            Index: index,
            Balance: lowerer.ConstantOf(tranche.Balance),
            Coupon: Coupon(tranche, lowerer),
            Amortization: AmortizationLowering.Lower(tranche.Amortization, tranche.InterestOnlyUntil?.Value, lowerer),
            Draw: new FundedAtClosing(),
            Maturity: maturity,
            MaturityPeriod: AmortizationLowering.MaturityPeriod(lowerer, maturity),
            Seniority: DealChecks.SeniorityOf(symbol),
            Capitalisation: tranche.Pik is { } pik
                ? new PaidInKind(pik.Share is null ? 1.0 : lowerer.ConstantOf(pik.Share), lowerer.BoundOf(pik.Condition))
                : new CashInterest());
    }

    /// <summary>A coupon that reads deal state floats; a constant one is fixed, clamped here once by its floor and cap.</summary>
    private static CouponModel Coupon(TrancheSyntax tranche, Lowerer lowerer)
    {
        double? floor = tranche.CouponFloor is null ? null : lowerer.ConstantOf(tranche.CouponFloor);
        double? cap = tranche.CouponCap is null ? null : lowerer.ConstantOf(tranche.CouponCap);
        if (lowerer.BoundOf(tranche.Coupon) is { } rate and not ConstantExpression)
        {
            return new FloatingCoupon(rate, floor, cap);
        }

        double fixedRate = lowerer.ConstantOf(tranche.Coupon);
        fixedRate = Math.Max(fixedRate, floor ?? double.NegativeInfinity);
        return new FixedCoupon(Math.Min(fixedRate, cap ?? double.PositiveInfinity));
    }
}
