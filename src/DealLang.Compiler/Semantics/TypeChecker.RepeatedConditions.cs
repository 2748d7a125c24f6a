using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// A condition written twice in one chain of <c>or</c> (or of <c>and</c>) adds nothing, so it is nearly always a copy
/// that was meant to say something else (a second date, another tranche): the rule then fires on less than its author
/// thinks. The chain is flattened through both sides (<c>a or (b or a)</c> is one chain of three); each later copy is
/// warned of once (DL0321), whichever expression binds the chain first or again.
/// </summary>
internal sealed partial class TypeChecker
{
    // The and/or nodes already looked at as part of a chain: a right operand of the same operator is bound again on its
    // own, and a test's expression may be bound in more than one place.
    private readonly HashSet<BinaryExpressionSyntax> _chainsChecked = new(ReferenceEqualityComparer.Instance);

    private void WarnOfRepeatedConditions(BinaryExpressionSyntax chain)
    {
        if (chain.Operator is not (BinaryOperator.And or BinaryOperator.Or) || !_chainsChecked.Add(chain))
        {
            return;
        }

        var operands = new List<ExpressionSyntax>();
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(chain);
        while (pending.TryPop(out ExpressionSyntax? node))
        {
            if (node is BinaryExpressionSyntax inner && inner.Operator == chain.Operator)
            {
                _chainsChecked.Add(inner);
                pending.Push(inner.Right); // popped after the left: the operands come out in the order written
                pending.Push(inner.Left);
            }
            else
            {
                operands.Add(node);
            }
        }

        // Printed text is the comparison: it keeps every literal as written and drops only parentheses and spacing.
        var seen = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        string op = chain.Operator == BinaryOperator.And ? "and" : "or";
        foreach (ExpressionSyntax operand in operands)
        {
            string text = ExpressionPrinter.Print(operand);
            if (text.Length > 0 && !seen.TryAdd(text, operand))
            {
                _diagnostics.Add(DiagnosticCatalogue.RepeatedCondition(operand.Span, op, text, seen[text].Span));
            }
        }
    }
}
