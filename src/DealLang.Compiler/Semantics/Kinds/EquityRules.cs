using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>equity Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }</c>: who gets the residual.</summary>
internal sealed class EquityRules : DeclarationRules<EquitySyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Equity;

    public override KindReading Reading { get; } = new KindReading.NotRead("an equity has no quantities an expression can read");

    protected override void Bind(EquitySyntax equity, Binder binder)
    {
        binder.BindTerms(equity.Contributed);
        foreach (HolderSyntax holder in SyntaxWalk.Safe(equity.Holders))
        {
            binder.RequireKind(holder.Party, SymbolKind.Party, $"the holders of equity '{equity.Name?.Text}' must be parties");
            binder.BindTerms(holder.Share);
        }

        binder.BindTerms(equity.Hurdle);
        if (equity.Carry is { } carry)
        {
            binder.BindTerms(carry.Rate);
            binder.BindTerms(carry.CatchUp);
            if (carry.Partner is { } partner)
            {
                binder.RequireKind(partner, SymbolKind.Party, $"the carry of equity '{equity.Name?.Text}' goes to a party (its general partner)");
            }
        }
    }

    protected override void CheckTerms(EquitySyntax equity, TypeChecker checker)
    {
        string e = $"equity '{equity.Name?.Text}'";
        checker.Term(equity.Contributed, Unit.Money, $"the contribution to {e}", TypeChecker.Range.NonNegative);
        foreach (HolderSyntax holder in SyntaxWalk.Safe(equity.Holders))
        {
            checker.Term(holder.Share, Unit.Rate, $"the share of {holder.Party?.Text} in {e}", TypeChecker.Range.Fraction);
        }

        checker.Term(equity.Hurdle, Unit.Rate, $"the hurdle of {e}", TypeChecker.Range.NonNegative);
        if (equity.Carry is { } carry)
        {
            checker.Term(carry.Rate, Unit.Rate, $"the carry of {e}", TypeChecker.Range.Fraction);
            checker.Term(carry.CatchUp, Unit.Rate, $"the catch-up of {e}", TypeChecker.Range.Fraction);
        }
    }

    protected override void CheckStructure(EquitySyntax equity, DealChecks checks)
    {
        if (equity.Contributed is null)
        {
            checks.Missing(equity, "a contributed amount (e.g. 'contributed 2.45bn')");
        }

        var shares = SyntaxWalk.Safe(equity.Holders).Select(h => checks.Analysis.BoundOf(h.Share)).ToList();
        if (shares.Count > 0 && shares.All(s => s is ConstantExpression))
        {
            double total = shares.Sum(s => ((ConstantExpression)s!).Value);
            if (Math.Abs(total - 1) > 1e-9)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.SharesDoNotSum(equity.Name?.Span ?? equity.Span, equity.Name?.Text ?? "", total));
            }
        }

        CheckCarry(equity, checks);
    }

    // A hurdle only defers the GP's carry, so one without a carry is a mistake (DL0781); a catch-up share at or below
    // the carry never brings the GP up to its carry of the profits (DL0780).
    private static void CheckCarry(EquitySyntax equity, DealChecks checks)
    {
        string name = equity.Name?.Text ?? "";
        if (equity.Carry is null)
        {
            if (equity.Hurdle is not null)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.HurdleWithoutCarry(equity.Hurdle.Span, name));
            }

            return;
        }

        if (checks.Analysis.BoundOf(equity.Carry.Rate) is ConstantExpression rate
            && equity.Carry.CatchUp is { } catchUpSyntax
            && checks.Analysis.BoundOf(catchUpSyntax) is ConstantExpression catchUp
            && catchUp.Value > 0 && catchUp.Value <= rate.Value)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CatchUpNotAboveCarry(catchUpSyntax.Span, name, catchUp.Value, rate.Value));
        }
    }
}
