using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit;

// BoundExpression -> one C# expression over the loop's locals. Money, rates and ratios are doubles, dates are
// Date structs, conditions are bools. Inside a trailing test (window != null) every flow is read as its sum over
// the window from its history buffer. Parentheses follow C# precedence, so a long sum in a deal file becomes a
// flat `a + b + c` (and is walked in a loop: such a sum is a left-deep tree as deep as it is long).
public static partial class CSharpEmitter
{
    // C# operator precedence, loosest to tightest, for the operators expressions use.
    private const int OrPrecedence = 1;
    private const int AndPrecedence = 2;
    private const int EqualityPrecedence = 3;
    private const int RelationalPrecedence = 4;
    private const int AdditivePrecedence = 5;
    private const int MultiplicativePrecedence = 6;
    private const int UnaryPrecedence = 7;
    private const int AtomicPrecedence = 8;

    /// <param name="window">The name of the trailing test's window constant, or null outside trailing tests.</param>
    private static string Expression(EmitContext ctx, BoundExpression expression, string? window) => expression switch
    {
        ConstantExpression c => Constant(c),
        DateConstantExpression d => ctx.DateConstant(d.Value),
        QuantityExpression q => Read(ctx, q, window),
        UnaryExpression u => u.Operator switch
        {
            UnaryOperator.Negate => "-" + Operand(ctx, u.Operand, window),
            UnaryOperator.Not => "!" + Operand(ctx, u.Operand, window),
            _ => throw Unknown(u.Operator),
        },
        BinaryExpression b => Binary(ctx, b, window),
        CallExpression call => Call(ctx, call, window),
        DurationOfExpression of => CSharpLiterals.DoubleOperand(of.Periods) + " * " + Child(ctx, of.Flow, window, MultiplicativePrecedence + 1),
        _ => throw new InvalidOperationException("Internal error: unknown expression " + expression.GetType().Name + "."),
    };

    /// <summary>
    /// An amount that moves cash (a fee, an account's target, an RVG's guaranteed amount); as an operand that any
    /// operator can be written next to when <paramref name="asOperand"/>. When it can be n/a (a ratio over zero
    /// inside it, or a test's value), it goes through <c>Flows.AmountOrZero</c>: NaN would otherwise flow through
    /// every payment after it and the period's cash could not add up.
    /// </summary>
    private static string Amount(EmitContext ctx, BoundExpression amount, bool asOperand)
    {
        if (CanBeNotAvailable(amount))
        {
            return "Flows.AmountOrZero(" + Expression(ctx, amount, null) + ")";
        }

        return asOperand ? Operand(ctx, amount, null) : Expression(ctx, amount, null);
    }

    /// <summary>Whether the expression can evaluate to NaN: it divides by something that is not a non-zero
    /// constant (<c>Flows.Ratio</c>), or reads a test, which is n/a before its <c>from</c> date. Iterative, as
    /// operator chains are as deep as they are long.</summary>
    private static bool CanBeNotAvailable(BoundExpression root)
    {
        var pending = new Stack<BoundExpression>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case QuantityExpression { Quantity: Quantity.TestValue }:
                    return true;
                case BinaryExpression b:
                    if (b.Operator == BinaryOperator.Divide && !IsPlainDivision(b))
                    {
                        return true;
                    }

                    pending.Push(b.Left);
                    pending.Push(b.Right);
                    break;
                case UnaryExpression u:
                    pending.Push(u.Operand);
                    break;
                case CallExpression call:
                    foreach (var argument in call.Arguments)
                    {
                        pending.Push(argument);
                    }

                    break;
                case DurationOfExpression of:
                    pending.Push(of.Flow);
                    break;
            }
        }

        return false;
    }

    /// <summary>The expression as an operand that any operator can be written next to: parenthesized unless atomic.</summary>
    private static string Operand(EmitContext ctx, BoundExpression expression, string? window) =>
        Child(ctx, expression, window, AtomicPrecedence);

    /// <summary>The expression, parenthesized if it binds more loosely than <paramref name="minimum"/>.</summary>
    private static string Child(EmitContext ctx, BoundExpression expression, string? window, int minimum)
    {
        if (expression is ConstantExpression { Unit: not Unit.Bool } c)
        {
            return CSharpLiterals.DoubleOperand(c.Value);
        }

        string text = Expression(ctx, expression, window);
        return Precedence(expression) < minimum ? "(" + text + ")" : text;
    }

    private static int Precedence(BoundExpression expression) => expression switch
    {
        BinaryExpression b => b.Operator switch
        {
            BinaryOperator.Or => OrPrecedence,
            BinaryOperator.And => AndPrecedence,
            BinaryOperator.Equal => EqualityPrecedence,
            BinaryOperator.NotEqual => IsNumeric(b) ? AtomicPrecedence : EqualityPrecedence,
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => RelationalPrecedence,
            BinaryOperator.Add or BinaryOperator.Subtract => AdditivePrecedence,
            BinaryOperator.Divide => IsPlainDivision(b) ? MultiplicativePrecedence : AtomicPrecedence,
            _ => MultiplicativePrecedence,
        },
        DurationOfExpression => MultiplicativePrecedence,
        UnaryExpression => UnaryPrecedence,
        ConstantExpression { Unit: not Unit.Bool, Value: < 0 } => UnaryPrecedence,
        _ => AtomicPrecedence,
    };

    private static string Constant(ConstantExpression c) =>
        c.Unit == Unit.Bool ? CSharpLiterals.Bool(c.Value != 0) : CSharpLiterals.Double(c.Value);

    private static string Read(EmitContext ctx, QuantityExpression q, string? window)
    {
        if (window is null || !q.IsFlow)
        {
            return ctx.Current(q.Quantity, q.Index);
        }

        // Amounts paid are known only after the waterfall, so the window is the most recent completed periods.
        var slot = ctx.HistoryFor(q.Quantity, q.Index);
        string end = slot.AfterWaterfall ? "t - 1" : "t";
        return "Flows.Trailing(" + slot.Name + ", " + end + ", " + window + ")";
    }

    private static string Binary(EmitContext ctx, BinaryExpression top, string? window)
    {
        var spine = new Stack<BinaryExpression>();
        BoundExpression innermost = top;
        while (innermost is BinaryExpression node)
        {
            spine.Push(node);
            innermost = node.Left;
        }

        string text = Expression(ctx, innermost, window);
        BoundExpression left = innermost;
        while (spine.TryPop(out var node))
        {
            text = Combine(ctx, node, left, text, window);
            left = node;
        }

        return text;
    }

    /// <summary><paramref name="node"/> written with its left operand already rendered as <paramref name="leftText"/>.</summary>
    private static string Combine(EmitContext ctx, BinaryExpression node, BoundExpression left, string leftText, string? window)
    {
        // A ratio is n/a (NaN) when its denominator is zero, so a test on it is simply not breached; dividing by a
        // non-zero constant cannot hit that case and stays a plain division.
        if (node.Operator == BinaryOperator.Divide && !IsPlainDivision(node))
        {
            return "Flows.Ratio(" + leftText + ", " + Expression(ctx, node.Right, window) + ")";
        }

        if (node.Operator == BinaryOperator.NotEqual && IsNumeric(node))
        {
            ctx.UsesNotEqual = true;
            return "NotEqual(" + leftText + ", " + Expression(ctx, node.Right, window) + ")";
        }

        int precedence = Precedence(node);
        string leftOperand = left is ConstantExpression { Unit: not Unit.Bool } c
            ? CSharpLiterals.DoubleOperand(c.Value)
            : Precedence(left) < precedence ? "(" + leftText + ")" : leftText;

        // The right operand needs parentheses even at equal precedence: a - (b - c) is not a - b - c.
        string rightOperand = Child(ctx, node.Right, window, precedence + 1);
        return leftOperand + " " + Symbol(node.Operator) + " " + rightOperand;
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Of or BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        _ => throw Unknown(op),
    };

    private static bool IsPlainDivision(BinaryExpression b) =>
        b.Right is ConstantExpression { Value: var v } && v != 0 && double.IsFinite(v);

    /// <summary>Doubles (not dates or bools): their != must be false for n/a, like every other comparison.</summary>
    private static bool IsNumeric(BinaryExpression b) =>
        b.Left.Unit is not (Unit.Date or Unit.Bool) && b.Right.Unit is not (Unit.Date or Unit.Bool);

    private static string Call(EmitContext ctx, CallExpression call, string? window)
    {
        var arguments = call.Arguments.Select(a => Expression(ctx, a, window)).ToList();
        if (arguments.Count == 0)
        {
            throw new InvalidOperationException("Internal error: " + call.Function + "() without arguments.");
        }

        if (call.Function == BuiltinFunction.Abs)
        {
            return "Math.Abs(" + arguments[0] + ")";
        }

        string function = (call.Unit == Unit.Date ? "Date." : "Math.") + (call.Function == BuiltinFunction.Min ? "Min" : "Max");

        // min(a, b, c) = Math.Min(a, Math.Min(b, c)): nested calls, no params array.
        string folded = arguments[^1];
        for (int k = arguments.Count - 2; k >= 0; k--)
        {
            folded = function + "(" + arguments[k] + ", " + folded + ")";
        }

        return folded;
    }

    private static InvalidOperationException Unknown<T>(T value) where T : Enum =>
        new("Internal error: unknown operator " + value + ".");
}
