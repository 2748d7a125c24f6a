using System.Collections.Immutable;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Null-tolerant traversal helpers. Trees built from files with syntax errors may have null fields and
/// default (uninitialised) arrays; every walk in the semantic stage goes through these so it never throws.
/// </summary>
internal static class SyntaxWalk
{
    /// <summary>The array's non-null elements; nothing for a default array.</summary>
    public static IEnumerable<T> Safe<T>(ImmutableArray<T> items) where T : class
    {
        if (items.IsDefaultOrEmpty)
        {
            yield break;
        }

        foreach (T? item in items)
        {
            if (item is not null)
            {
                yield return item;
            }
        }
    }

    /// <summary>Every reference in an expression, left to right.</summary>
    public static IEnumerable<ReferenceSyntax> References(ExpressionSyntax? expression)
    {
        var stack = new Stack<ExpressionSyntax>();
        if (expression is not null)
        {
            stack.Push(expression);
        }

        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case ReferenceSyntax r:
                    yield return r;
                    break;
                case UnaryExpressionSyntax u when u.Operand is not null:
                    stack.Push(u.Operand);
                    break;
                case BinaryExpressionSyntax b:
                    if (b.Right is not null)
                    {
                        stack.Push(b.Right);
                    }

                    if (b.Left is not null)
                    {
                        stack.Push(b.Left);
                    }

                    break;
                case CallExpressionSyntax c:
                    foreach (ExpressionSyntax argument in Safe(c.Arguments).Reverse())
                    {
                        stack.Push(argument);
                    }

                    break;
                case DurationOfSyntax d when d.Flow is not null:
                    stack.Push(d.Flow);
                    break;
                case ConditionalExpressionSyntax c:
                    foreach (ExpressionSyntax? part in new[] { c.WhenFalse, c.WhenTrue, c.Condition })
                    {
                        if (part is not null)
                        {
                            stack.Push(part);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Every step of a step list, depth-first through if/else, pro-rata and sequential groups, in order.</summary>
    public static IEnumerable<StepSyntax> Steps(ImmutableArray<StepSyntax> steps)
    {
        foreach (StepSyntax step in Safe(steps))
        {
            yield return step;
            if (step is ProRataStepSyntax or SequentialStepSyntax)
            {
                var members = step is ProRataStepSyntax group ? group.Steps : ((SequentialStepSyntax)step).Steps;
                foreach (StepSyntax inner in Steps(members))
                {
                    yield return inner;
                }
            }

            if (step is IfStepSyntax branch)
            {
                foreach (StepSyntax inner in Steps(branch.Then))
                {
                    yield return inner;
                }

                foreach (StepSyntax inner in Steps(branch.Else))
                {
                    yield return inner;
                }
            }
        }
    }
}
