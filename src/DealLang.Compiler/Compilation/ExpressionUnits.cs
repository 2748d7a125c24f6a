using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler;

/// <summary>
/// The unit of the smallest expression at a position, from what the type checker keeps: the bound form of each
/// expression's root (<c>DealAnalysis.Bound</c>). A bound tree has the shape of its syntax tree (a unary
/// operator's operand, a binary operator's left and right, a call's arguments, the flow of <c>6m of X</c>, a conditional's condition and branches), so the
/// two are walked down together — in a loop, as operator chains can be long. A constant the checker folded has
/// no parts left: inside it a literal has the unit its suffix gives, and anything larger is unknown.
/// </summary>
internal static class ExpressionUnits
{
    public static Unit? At(ExpressionSyntax root, BoundExpression bound, int line, int column) =>
        BoundAt(root, bound, line, column)?.Unit;

    /// <summary>The bound form of the smallest expression at the position (its unit and, for a measure, its
    /// dimension), or null where <see cref="At"/> is.</summary>
    public static BoundExpression? BoundAt(ExpressionSyntax root, BoundExpression bound, int line, int column)
    {
        ExpressionSyntax syntax = root;
        BoundExpression? current = bound;
        while (true)
        {
            if (current is null || current is Semantics.BadExpression)
            {
                return null;
            }

            (ExpressionSyntax? child, int index) = ChildAt(syntax, line, column);
            if (child is null)
            {
                return current;
            }

            current = (current, syntax) switch
            {
                (ConstantExpression, _) => child switch
                {
                    LiteralSyntax literal => new ConstantExpression(literal.Value, Semantics.TypeChecker.UnitOf(literal.Kind)),
                    MeasureLiteralSyntax measure => Semantics.MeasureUnits.Bind(measure),
                    _ => null,
                },
                (UnaryExpression unary, UnaryExpressionSyntax) => unary.Operand,
                (BinaryExpression binary, BinaryExpressionSyntax) => index == 0 ? binary.Left : binary.Right,
                (CallExpression call, CallExpressionSyntax) => index < call.Arguments.Length ? call.Arguments[index] : null,
                (DurationOfExpression durationOf, DurationOfSyntax) => durationOf.Flow,
                (ConditionalExpression conditional, ConditionalExpressionSyntax) => index switch
                {
                    0 => conditional.Condition,
                    1 => conditional.WhenTrue,
                    _ => conditional.WhenFalse,
                },
                _ => null,
            };
            syntax = child;
        }
    }

    /// <summary>The direct sub-expression covering the position and its place among the node's parts.</summary>
    private static (ExpressionSyntax? Child, int Index) ChildAt(ExpressionSyntax syntax, int line, int column)
    {
        ExpressionSyntax?[] parts = syntax switch
        {
            UnaryExpressionSyntax unary => [unary.Operand],
            BinaryExpressionSyntax binary => [binary.Left, binary.Right],
            CallExpressionSyntax call => [.. Semantics.SyntaxWalk.Safe(call.Arguments)], // as the checker binds them
            DurationOfSyntax durationOf => [durationOf.Flow],
            ConditionalExpressionSyntax conditional => [conditional.Condition, conditional.WhenTrue, conditional.WhenFalse],
            _ => [],
        };
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] is { } part && Positions.Contains(part.Span, line, column))
            {
                return (part, i);
            }
        }

        return (null, -1);
    }
}
