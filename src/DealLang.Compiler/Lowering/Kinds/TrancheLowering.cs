using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A tranche as a <see cref="TrancheModel"/>. Defaults: bullet, the deal's maturity, seniority by declaration order
/// (1 = first tranche). The maturity period and the scheduled principal per period are
/// <see cref="AmortizationLowering"/>'s.
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
            Coupon: lowerer.ConstantOf(tranche.Coupon),
            InterestOnlyUntil: tranche.InterestOnlyUntil?.Value,
            Amortization: tranche.Amortization?.Kind ?? AmortizationKind.Bullet,
            ScheduledPrincipal: AmortizationLowering.ScheduledPrincipal(lowerer, tranche.Amortization),
            Maturity: maturity,
            MaturityPeriod: AmortizationLowering.MaturityPeriod(lowerer, maturity),
            Seniority: DealChecks.SeniorityOf(symbol));
    }
}
