using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// Which basis a fee's amount is on (docs/language.md, "fee"). A percentage of a flow (collections, rent, paid
// amounts) is already a per-period amount, so it is written without 'per year' ('fee F { 2% of collections }');
// 'per year' is for fixed amounts and percentages of stocks (balances, values), which the period loop scales by
// the year fraction. '2% of collections per year' would take 1% of a half-year's collections: reported (DL0316),
// as is a per-period fee that is not a share of a flow (DL0317), whose size would depend on the pay frequency.
internal sealed partial class TypeChecker
{
    private void CheckFeeBasis(FeeSyntax fee)
    {
        if (_analysis.BoundOf(fee.Amount) is not { } amount || fee.Name is null)
        {
            return; // absent or already reported
        }

        string written = ExpressionPrinter.Print(fee.Amount);
        if (fee.PerYear && ReadsFlow(amount))
        {
            // Suggest their own amount only where dropping 'per year' makes it valid (not 'max(1m, 2% of collections)').
            string perPeriod = IsFlow(amount) ? written : "2% of collections";
            _diagnostics.Add(DiagnosticCatalogue.FlowFeePerYear(fee.Amount.Span, fee.Name.Text, written, perPeriod));
        }
        else if (!fee.PerYear && !IsFlow(amount))
        {
            _diagnostics.Add(DiagnosticCatalogue.PerPeriodFeeNotOfAFlow(fee.Amount.Span, fee.Name.Text, written));
        }
    }

    /// <summary>Whether any part of an expression reads a per-period flow. Iterative: operand chains can be long.</summary>
    private static bool ReadsFlow(BoundExpression expression) =>
        BoundExpressionWalk.PreOrder(expression).Any(e => e is QuantityExpression { IsFlow: true } or DurationOfExpression);
}
