using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A tranche as a <see cref="TrancheModel"/>. Defaults: bullet, the deal's maturity, seniority by declaration order
/// (1 = first tranche). The maturity period is the one whose end is on or after the maturity. Scheduled principal has
/// one amount per period: each scheduled amount lands in the period containing its date (zeros for other
/// amortisations).
/// </summary>
internal sealed class TrancheLowering : DeclarationLowering<TrancheSyntax, TrancheModel>
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    protected override TrancheModel Lower(TrancheSyntax tranche, Symbol symbol, int index, Lowerer lowerer)
    {
        int periods = lowerer.ScheduledPeriods;
        Date maturity = tranche.Maturity?.Value ?? lowerer.DealMaturity;
        AmortizationKind kind = tranche.Amortization?.Kind ?? AmortizationKind.Bullet;
        var scheduled = new double[periods];
        if (kind == AmortizationKind.Schedule)
        {
            foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Amortization!.Schedule))
            {
                int period = point.Date is null ? -1 : Schedule.PeriodIndexOf(lowerer.Boundaries, point.Date.Value);
                if (period >= 0 && period < periods)
                {
                    scheduled[period] += lowerer.ConstantOf(point.Amount);
                }
            }
        }

        return new TrancheModel(
            Name: symbol.Name,
            Index: index,
            Balance: lowerer.ConstantOf(tranche.Balance),
            Coupon: lowerer.ConstantOf(tranche.Coupon),
            InterestOnlyUntil: tranche.InterestOnlyUntil?.Value,
            Amortization: kind,
            ScheduledPrincipal: [.. scheduled],
            Maturity: maturity,
            MaturityPeriod: Math.Clamp(Schedule.PeriodIndexOf(lowerer.Boundaries, maturity), 0, Math.Max(0, periods - 1)),
            Seniority: DealChecks.SeniorityOf(symbol));
    }
}
