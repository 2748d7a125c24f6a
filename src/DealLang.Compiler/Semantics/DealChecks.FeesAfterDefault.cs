using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// Fees through an enforcement (docs/language.md "fee", "until default"): every fee accrues in the periods the
// enforcement waterfall runs ('until repaid' does not stop it there), and so does a guarantee fee, the guarantee
// running through the workout. A fee that waterfall never pays can only end unpaid: warned (DL0228), unless the fee is
// written 'until default'. Only where the deal can default and has an enforcement waterfall of its own (without one the
// regular waterfall keeps running, and pays what it paid), and not while a waterfall is damaged or a declaration
// unreadable (it may hold the step).
internal sealed partial class DealChecks
{
    private void CheckFeesPaidInEnforcement(EnforcementSyntax? enforcement, WaterfallSyntax? regular)
    {
        if (!_analysis.CanDefault || enforcement?.Waterfall is not { } after || regular is null || _analysis.HasUnknownDeclarations
            || _analysis.IsDamaged(after) || _analysis.IsDamaged(regular))
        {
            return;
        }

        List<PayTarget> paidAfter = PaidBy(after);
        foreach (FeeSyntax fee in SyntaxWalk.Safe(Deal.Declarations).OfType<FeeSyntax>())
        {
            if (fee.Name is not null && fee.UntilDefault is null
                && !paidAfter.Any(p => p.Kind == PayKind.Fee && p.Symbol.Name == fee.Name.Text))
            {
                _diagnostics.Add(DiagnosticCatalogue.FeeUnpaidInEnforcement(fee.Name.Span, fee.Name.Text, guaranteeFee: false, fee.UntilRepaid is not null));
            }
        }

        // A guarantee fee no step pays is DL0732's already; one the regular waterfall pays and the enforcement one not is this.
        List<PayTarget> paidBefore = PaidBy(regular);
        foreach (TrancheSyntax tranche in SyntaxWalk.Safe(Deal.Declarations).OfType<TrancheSyntax>())
        {
            if (tranche.Name is { } name && tranche.Guarantor?.Fee is { } fee
                && paidBefore.Any(p => p.Kind == PayKind.GuaranteeFee && p.Symbol.Name == name.Text)
                && !paidAfter.Any(p => p.Kind == PayKind.GuaranteeFee && p.Symbol.Name == name.Text))
            {
                _diagnostics.Add(DiagnosticCatalogue.FeeUnpaidInEnforcement(fee.Span, name.Text, guaranteeFee: true));
            }
        }
    }

    /// <summary>What a waterfall's pay steps pay, inside its <c>if</c>s and groups too.</summary>
    private List<PayTarget> PaidBy(WaterfallSyntax waterfall) => SyntaxWalk.Steps(waterfall.Steps).OfType<PayStepSyntax>()
        .Select(pay => _analysis.PayTargets.TryGetValue(pay, out PayTarget? target) ? target : null).OfType<PayTarget>().ToList();
}
