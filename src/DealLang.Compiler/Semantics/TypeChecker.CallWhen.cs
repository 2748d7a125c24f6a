using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// A scenario's call decided in the run (docs/language.md §10, "A call decided in the run"): 'Notes called when UST5Y + 3%
// < 8%'. The runner reads the condition from each path's index levels before the loop runs, so it must be levels and
// constants only: rate indices and constant rates added on the left (DL0581), '<' or '<=' (DL0582), a constant rate on
// the right (DL0584).
internal sealed partial class TypeChecker
{
    /// <summary><paramref name="name"/>: the scenario's name; <paramref name="scenario"/>: "scenario 'name'".</summary>
    private void CallWhen(TrancheCalledWhenSyntax called, string name, string scenario)
    {
        string tranche = called.Tranche?.Text ?? "";
        Term(called.Price, Unit.Rate, $"the call price of tranche '{tranche}' in {scenario}", Range.Any);
        Term(called.Part, Unit.Rate, $"the share of tranche '{tranche}' called in {scenario}", Range.Any);
        if (called.Condition is not BinaryExpressionSyntax { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual } compare)
        {
            _diagnostics.Add(DiagnosticCatalogue.CallConditionNotBelow(called.Condition.Span, name, tranche, ExpressionPrinter.Print(called.Condition)));
            return;
        }

        bool anIndex = false;
        foreach ((ExpressionSyntax term, double _) in CallConditionTerms.Of(compare.Left))
        {
            if (term is ReferenceSyntax { Member: null } reference && _analysis.Symbols.TryLookup(reference.Name.Text, out Symbol symbol)
                && symbol.Declaration is IndexSyntax index)
            {
                // A rate index's level: an index of prices or compute has no place in a refinancing rate.
                if (IndexLevel(index) is { } level and not BadExpression && level.Unit != Unit.Rate)
                {
                    _diagnostics.Add(DiagnosticCatalogue.CallConditionTermUnsupported(term.Span, name, tranche, ExpressionPrinter.Print(term)));
                }

                anIndex = true;
            }
            else if (SyntaxWalk.References(term).Any() || term is not (LiteralSyntax or UnaryExpressionSyntax))
            {
                _diagnostics.Add(DiagnosticCatalogue.CallConditionTermUnsupported(term.Span, name, tranche, ExpressionPrinter.Print(term)));
                anIndex = true; // said once, here, not again for the whole side
            }
            else
            {
                Term(term, Unit.Rate, $"a rate in the call condition of tranche '{tranche}' in {scenario}", Range.Any);
            }
        }

        if (!anIndex)
        {
            _diagnostics.Add(DiagnosticCatalogue.CallConditionTermUnsupported(compare.Left.Span, name, tranche, ExpressionPrinter.Print(compare.Left)));
        }

        if (SyntaxWalk.References(compare.Right).Any())
        {
            _diagnostics.Add(DiagnosticCatalogue.CallConditionThresholdNotConstant(compare.Right.Span, name, tranche));
        }
        else
        {
            Term(compare.Right, Unit.Rate, $"the rate below which tranche '{tranche}' is called in {scenario}", Range.Any);
        }
    }
}
