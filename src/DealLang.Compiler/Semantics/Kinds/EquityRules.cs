using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

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
            binder.BindTerms(holder.Hurdle);
            binder.BindTerms(holder.Carry);
            binder.BindTerms(holder.CatchUp);
        }

        binder.BindTerms(equity.Commitment);
        foreach (CapitalCallSyntax call in SyntaxWalk.Safe(equity.Calls))
        {
            binder.BindTerms(call.Amount);
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
            checker.Term(holder.Hurdle, Unit.Rate, $"the hurdle of the class {holder.Party?.Text} in {e}", TypeChecker.Range.NonNegative);
            checker.Term(holder.Carry, Unit.Rate, $"the carry of the class {holder.Party?.Text} in {e}", TypeChecker.Range.Fraction);
            checker.Term(holder.CatchUp, Unit.Rate, $"the catch-up of the class {holder.Party?.Text} in {e}", TypeChecker.Range.Fraction);
        }

        checker.Term(equity.Commitment, Unit.Money, $"the commitment to {e}", TypeChecker.Range.NonNegative);
        foreach (CapitalCallSyntax call in SyntaxWalk.Safe(equity.Calls))
        {
            checker.Term(call.Amount, Unit.Money, $"the capital call of {call.Date.Value} to {e}", TypeChecker.Range.NonNegative);
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
        CheckCalls(equity, checks);
    }

    // Calls fall inside the run, in date order (DL0791, DL0792), and with the contribution within the commitment (DL0790),
    // reported at the first amount that takes the total over it (the contribution, or the call a cure or a draw could
    // then never leave room for), or at the commitment when nothing is called.
    private static void CheckCalls(EquitySyntax equity, DealChecks checks)
    {
        string name = equity.Name?.Text ?? "";
        Date? previous = null;
        double called = checks.Analysis.BoundOf(equity.Contributed) is ConstantExpression c ? c.Value : 0;
        double? committed = equity.Commitment is { } committedSyntax && checks.Analysis.BoundOf(committedSyntax) is ConstantExpression k ? k.Value : null;
        SourceSpan? over = committed is { } limit && called > limit * (1 + 1e-12) ? equity.Contributed?.Span : null;
        bool known = true;
        foreach (CapitalCallSyntax call in SyntaxWalk.Safe(equity.Calls))
        {
            Date date = call.Date.Value;
            if (checks.Closing is { } closing && date <= closing)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.CallDateOutsideRun(call.Date.Span, name, date.ToString(), closing.ToString(), afterMaturity: false));
            }
            else if (checks.Maturity is { } maturity && date > maturity)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.CallDateOutsideRun(call.Date.Span, name, date.ToString(), maturity.ToString(), afterMaturity: true));
            }
            else if (previous is { } p && date <= p)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.CallsOutOfOrder(call.Date.Span, name, date.ToString(), p.ToString()));
            }

            previous = date;
            if (checks.Analysis.BoundOf(call.Amount) is ConstantExpression amount)
            {
                called += amount.Value;
                if (over is null && known && committed is { } atMost && called > atMost * (1 + 1e-12))
                {
                    over = call.Span;
                }
            }
            else
            {
                known = false;
            }
        }

        if (known && committed is { } commitment && called > commitment * (1 + 1e-12))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CallsAboveCommitment(over ?? equity.Commitment!.Span, name, called, commitment));
        }
    }

    // A hurdle only defers the GP's carry, so one without a carry is a mistake (DL0781); a catch-up share at or below
    // the carry never brings the GP up to its carry of the profits (DL0780).
    // A class's own terms need the equity's carry, which names the GP (DL0793); a deal-by-deal carry needs holdings
    // (DL0794); a class's catch-up, its own or the equity's, must exceed its carry (DL0780).
    private static void CheckCarry(EquitySyntax equity, DealChecks checks)
    {
        string name = equity.Name?.Text ?? "";
        if (equity.Carry is null)
        {
            if (equity.Hurdle is not null)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.HurdleWithoutCarry(equity.Hurdle.Span, name));
            }

            foreach (HolderSyntax holder in SyntaxWalk.Safe(equity.Holders).Where(h => h.HasOwnTerms))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ClassTermsWithoutCarry(holder.Span, name, holder.Party.Text));
            }

            return;
        }

        if (equity.Carry.DealByDeal && !checks.Analysis.Symbols.OfKind(SymbolKind.Holding).Any())
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DealByDealWithoutHoldings(equity.Carry.Span, name));
        }

        CheckCatchUp(checks, name, equity.Carry.Rate, equity.Carry.CatchUp, equity.Carry.CatchUp);
        foreach (HolderSyntax holder in SyntaxWalk.Safe(equity.Holders).Where(h => h.Carry is not null || h.CatchUp is not null))
        {
            CheckCatchUp(checks, name, holder.Carry ?? equity.Carry.Rate, holder.CatchUp ?? equity.Carry.CatchUp, holder.CatchUp ?? holder.Carry);
        }
    }

    private static void CheckCatchUp(DealChecks checks, string name, ExpressionSyntax? rateSyntax, ExpressionSyntax? catchUpSyntax, ExpressionSyntax? at)
    {
        if (checks.Analysis.BoundOf(rateSyntax) is ConstantExpression rate
            && catchUpSyntax is not null && at is not null
            && checks.Analysis.BoundOf(catchUpSyntax) is ConstantExpression catchUp
            && catchUp.Value > 0 && catchUp.Value <= rate.Value)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CatchUpNotAboveCarry(at.Span, name, catchUp.Value, rate.Value));
        }
    }
}
