using DealLang.Compiler.Model;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// The type checker indexes tests by declaration; the model lists them in evaluation order (each after the
/// tests it reads), and every index in the model is a position in the model's own array. This rewrites
/// test reads from the one numbering to the other.
/// </summary>
internal sealed class TestIndexRemapper(IReadOnlyDictionary<int, int> positionOfDeclaration)
{
    public BoundExpression? Remap(BoundExpression? expression) => expression is null ? null : Rewrite(expression);

    private BoundExpression Rewrite(BoundExpression expression) => expression switch
    {
        QuantityExpression { Quantity: Quantity.TestValue } q when positionOfDeclaration.TryGetValue(q.Index, out int position) =>
            q with { Index = position },
        UnaryExpression u => u with { Operand = Rewrite(u.Operand) },
        BinaryExpression b => RewriteChain(b),
        CallExpression c => c with { Arguments = [.. c.Arguments.Select(Rewrite)] },
        DurationOfExpression d => d with { Flow = Rewrite(d.Flow) },
        ConditionalExpression c => c with { Condition = Rewrite(c.Condition), WhenTrue = Rewrite(c.WhenTrue), WhenFalse = Rewrite(c.WhenFalse) },
        _ => expression,
    };

    // A chain of additions is a left-deep tree as long as the chain: rebuild its left spine in a loop.
    private BoundExpression RewriteChain(BinaryExpression binary)
    {
        var spine = new Stack<BinaryExpression>();
        BoundExpression innermost = binary;
        while (innermost is BinaryExpression node)
        {
            spine.Push(node);
            innermost = node.Left;
        }

        BoundExpression left = Rewrite(innermost);
        while (spine.TryPop(out BinaryExpression? node))
        {
            left = node with { Left = left, Right = Rewrite(node.Right) };
        }

        return left;
    }
}
