using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit;

/// <summary>
/// Regroups a long operator chain (<c>a + b - c + …</c>, <c>x and y and …</c>) into a balanced tree before it is
/// written: a deal's sum is a left-deep tree as deep as it is long, and Roslyn binds, analyses and emits such a
/// C# expression in time that grows faster than its length (a 50,000-term sum took 44 s). Balanced, the C# is
/// <c>a + b - (c - d) + (…)</c>, nested only log2(terms) deep. Chains of at most <see cref="BalanceAbove"/> terms,
/// every real deal's, are left exactly as written, so their C# and their rounding do not change.
/// </summary>
internal static class BalancedChains
{
    /// <summary>Chains with more terms than this are regrouped.</summary>
    public const int BalanceAbove = 64;

    /// <summary><paramref name="top"/> itself, or, when it heads a chain of more than <see cref="BalanceAbove"/>
    /// terms of one associative kind, the same terms (in the same order) as a balanced tree.</summary>
    public static BinaryExpression Balance(BinaryExpression top)
    {
        var kind = KindOf(top.Operator);
        if (kind == ChainKind.None)
        {
            return top;
        }

        // Walk the left spine once: the chain's terms, in reading order, each with whether it is subtracted.
        var rights = new List<(BoundExpression Term, bool Subtracted)>();
        BoundExpression node = top;
        while (node is BinaryExpression b && KindOf(b.Operator) == kind)
        {
            rights.Add((b.Right, b.Operator == BoundBinaryOperator.Subtract));
            node = b.Left;
        }

        if (rights.Count + 1 <= BalanceAbove)
        {
            return top;
        }

        var terms = new List<(BoundExpression Term, bool Subtracted)>(rights.Count + 1) { (node, false) };
        for (int i = rights.Count - 1; i >= 0; i--)
        {
            terms.Add(rights[i]);
        }

        var (expression, negated) = Build(terms, 0, terms.Count - 1, kind, top);
        if (negated || expression is not BinaryExpression balanced)
        {
            throw new InvalidOperationException("Internal error: a balanced chain must start with an added term.");
        }

        return balanced;
    }

    /// <summary>Whether <paramref name="child"/> (the left operand of <paramref name="parent"/>) continues its chain.</summary>
    public static bool SameChain(BinaryExpression parent, BinaryExpression child) =>
        KindOf(parent.Operator) != ChainKind.None && KindOf(parent.Operator) == KindOf(child.Operator);

    private enum ChainKind
    {
        None,
        Additive,
        Multiplicative,
        And,
        Or,
    }

    private static ChainKind KindOf(BoundBinaryOperator op) => op switch
    {
        BoundBinaryOperator.Add or BoundBinaryOperator.Subtract => ChainKind.Additive,
        BoundBinaryOperator.Multiply => ChainKind.Multiplicative,
        BoundBinaryOperator.And => ChainKind.And,
        BoundBinaryOperator.Or => ChainKind.Or,
        _ => ChainKind.None,
    };

    /// <summary>terms[lo..hi] as a tree whose value is the signed sum (or product, conjunction…) of the terms, or its
    /// negation when <c>Negated</c> (the range starts with a subtracted term): a - (b + c) is written for -b - c.
    /// Recursion depth is log2 of the length.</summary>
    private static (BoundExpression Expression, bool Negated) Build(
        List<(BoundExpression Term, bool Subtracted)> terms, int lo, int hi, ChainKind kind, BinaryExpression top)
    {
        if (lo == hi)
        {
            return (terms[lo].Term, terms[lo].Subtracted);
        }

        int mid = lo + ((hi - lo) / 2);
        var (left, leftNegated) = Build(terms, lo, mid, kind, top);
        var (right, rightNegated) = Build(terms, mid + 1, hi, kind, top);
        BoundBinaryOperator op = kind switch
        {
            // -L + R is -(L - R); -L - R is -(L + R): the sign of the whole is the sign of its first term.
            ChainKind.Additive => leftNegated == rightNegated ? BoundBinaryOperator.Add : BoundBinaryOperator.Subtract,
            ChainKind.Multiplicative => BoundBinaryOperator.Multiply,
            ChainKind.And => BoundBinaryOperator.And,
            _ => BoundBinaryOperator.Or,
        };
        return (new BinaryExpression(op, left, right, top.Unit), leftNegated);
    }
}
