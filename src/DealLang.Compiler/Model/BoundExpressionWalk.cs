namespace DealLang.Compiler.Model;

/// <summary>Visits a bound expression's nodes without recursion (a long sum in a deal file is a tree as deep as
/// the sum is long): one home for the walk the checker and the emitter both need.</summary>
public static class BoundExpressionWalk
{
    /// <summary>Every node of <paramref name="root"/>, parent before children, children left to right (reading
    /// order: the emitter numbers history slots in it).</summary>
    public static IEnumerable<BoundExpression> PreOrder(BoundExpression root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<BoundExpression>();
        pending.Push(root);
        while (pending.TryPop(out var expression))
        {
            yield return expression;
            switch (expression)
            {
                case UnaryExpression u:
                    pending.Push(u.Operand);
                    break;
                case BinaryExpression b:
                    // Right first, so that the left operand comes out first.
                    pending.Push(b.Right);
                    pending.Push(b.Left);
                    break;
                case CallExpression c:
                    for (int i = c.Arguments.Length - 1; i >= 0; i--)
                    {
                        pending.Push(c.Arguments[i]);
                    }

                    break;
                case DurationOfExpression d:
                    pending.Push(d.Flow);
                    break;
                case ConditionalExpression c:
                    pending.Push(c.WhenFalse);
                    pending.Push(c.WhenTrue);
                    pending.Push(c.Condition);
                    break;
            }
        }
    }
}
