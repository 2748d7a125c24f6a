using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A tranche as a <see cref="TrancheModel"/>: a fixed coupon, funded at closing. Defaults: bullet, the deal's
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
            Coupon: new FixedCoupon(lowerer.ConstantOf(tranche.Coupon)),
            Amortization: AmortizationLowering.Lower(tranche.Amortization, tranche.InterestOnlyUntil?.Value, lowerer),
            Draw: new FundedAtClosing(),
            Maturity: maturity,
            MaturityPeriod: AmortizationLowering.MaturityPeriod(lowerer, maturity),
            Seniority: DealChecks.SeniorityOf(symbol));
    }
}
