using System.Globalization;
using System.Text;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>Prints an expression back as DealLang text, for messages and ledger labels (<c>if Dscr &lt; 1.10x</c>).
/// Literals keep their written text; parentheses appear only where precedence needs them.</summary>
internal static class ExpressionPrinter
{
    // Higher binds tighter, following the grammar: or, and, not, comparison, + -, * /, of, unary minus, atoms.
    private const int NotPrecedence = 3;
    private const int OfPrecedence = 7;
    private const int NegatePrecedence = 8;
    private const int AtomPrecedence = 9;

    public static string Print(ExpressionSyntax? expression) => Render(expression).Text;

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Of => "of",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        _ => "?",
    };

    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
            or BinaryOperator.Equal or BinaryOperator.NotEqual => 4,
        BinaryOperator.Add or BinaryOperator.Subtract => 5,
        BinaryOperator.Multiply or BinaryOperator.Divide => 6,
        _ => OfPrecedence,
    };

    private static string Wrap((string Text, int Precedence) operand, int needed) =>
        operand.Precedence < needed ? $"({operand.Text})" : operand.Text;

    private static (string Text, int Precedence) Render(ExpressionSyntax? expression)
    {
        switch (expression)
        {
            case LiteralSyntax literal:
                return (string.IsNullOrEmpty(literal.Text) ? literal.Value.ToString("R", CultureInfo.InvariantCulture) : literal.Text, AtomPrecedence);
            case MeasureLiteralSyntax measure:
                return (measure.Text, AtomPrecedence);
            case DateLiteralSyntax date:
                return (date.Value.ToString(), AtomPrecedence);
            case ReferenceSyntax reference:
                string name = reference.Name?.Text ?? "?";
                return (reference.Member is null ? name : $"{name}.{reference.Member.Text}", AtomPrecedence);
            case UnaryExpressionSyntax { Operator: UnaryOperator.Not } not:
                return ("not " + Wrap(Render(not.Operand), NotPrecedence), NotPrecedence);
            case UnaryExpressionSyntax negate:
                return ("-" + Wrap(Render(negate.Operand), NegatePrecedence), NegatePrecedence);
            case BinaryExpressionSyntax binary:
                return RenderChain(binary);
            case CallExpressionSyntax call:
                return ($"{call.Function?.Text}({string.Join(", ", SyntaxWalk.Safe(call.Arguments).Select(Print))})", AtomPrecedence);
            case ConditionalExpressionSyntax conditional:
                return ($"if {Print(conditional.Condition)} then {Print(conditional.WhenTrue)} else {Print(conditional.WhenFalse)}", 0);
            case DurationOfSyntax durationOf:
                return ($"{durationOf.Duration?.Text} of {Wrap(Render(durationOf.Flow), NegatePrecedence)}", OfPrecedence);
            default:
                return ("?", AtomPrecedence);
        }
    }

    // Left-deep chains are as long as the file makes them: walk the left spine in a loop, and build the text
    // once (every "(" that wraps an accumulated left operand opens at the very start of the text).
    private static (string Text, int Precedence) RenderChain(BinaryExpressionSyntax binary)
    {
        var spine = new List<BinaryExpressionSyntax>();
        ExpressionSyntax? innermost = binary;
        while (innermost is BinaryExpressionSyntax node)
        {
            spine.Add(node);
            innermost = node.Left;
        }

        spine.Reverse(); // innermost operator first
        (string Text, int Precedence) first = Render(innermost);
        var wraps = new bool[spine.Count];
        int precedence = first.Precedence;
        for (int k = 0; k < spine.Count; k++)
        {
            int p = Precedence(spine[k].Operator);
            wraps[k] = precedence < p;
            precedence = p;
        }

        var text = new StringBuilder();
        text.Append('(', wraps.Count(w => w)).Append(first.Text);
        for (int k = 0; k < spine.Count; k++)
        {
            BinaryExpressionSyntax node = spine[k];
            int p = Precedence(node.Operator);
            if (wraps[k])
            {
                text.Append(')');
            }

            text.Append(' ').Append(Symbol(node.Operator)).Append(' ').Append(Wrap(Render(node.Right), p + 1));
        }

        return (text.ToString(), precedence);
    }
}
