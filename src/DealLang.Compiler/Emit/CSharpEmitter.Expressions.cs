using System.Collections.Immutable;
using System.Text;
using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit;

// BoundExpression -> one C# expression over the loop's locals. Money, rates and ratios are doubles, dates are
// Date structs, conditions are bools. Inside a trailing test (window != null) every flow is read as its sum over
// the window from its history buffer; inside a forward one, as its projection over the periods ahead. Parentheses follow C# precedence, so a sum in a deal file becomes a flat
// `a + b + c` (walked in a loop: such a sum is a left-deep tree as deep as it is long); a sum of more than
// BalancedChains.BalanceAbove terms is regrouped into a balanced tree first, which Roslyn compiles in linear time.
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

    /// <param name="window">The trailing or forward test's window, or null outside such tests.</param>
    internal static string Expression(EmitContext ctx, BoundExpression expression, ExpressionWindow? window)
    {
        var text = new StringBuilder();
        Write(ctx, text, expression, window);
        return text.ToString();
    }

    // Every piece is appended to one StringBuilder: building the text by concatenation would copy the whole
    // expression once per operator, quadratic in a long sum.
    private static void Write(EmitContext ctx, StringBuilder text, BoundExpression expression, ExpressionWindow? window)
    {
        switch (expression)
        {
            case ConstantExpression c:
                text.Append(Constant(c));
                break;
            case DateConstantExpression d:
                text.Append(ctx.DateConstant(d.Value));
                break;
            case QuantityExpression q:
                text.Append(Read(ctx, q, window));
                break;
            case UnaryExpression u:
                text.Append(u.Operator switch
                {
                    BoundUnaryOperator.Negate => "-",
                    BoundUnaryOperator.Not => "!",
                    _ => throw Unknown(u.Operator),
                });
                WriteChild(ctx, text, u.Operand, window, AtomicPrecedence);
                break;
            case BinaryExpression b:
                WriteBinary(ctx, text, BalancedChains.Balance(b), window);
                break;
            case CallExpression call:
                WriteCall(ctx, text, call, window);
                break;
            case DurationOfExpression of:
                text.Append(CSharpLiterals.DoubleOperand(of.Periods)).Append(" * ");
                WriteChild(ctx, text, of.Flow, window, MultiplicativePrecedence + 1);
                break;
            case ConditionalExpression conditional:
                // Always parenthesized (C#'s ?: binds loosest), so it is atomic wherever it is written.
                text.Append('(');
                Write(ctx, text, conditional.Condition, window);
                text.Append(" ? ");
                WriteChild(ctx, text, conditional.WhenTrue, window, OrPrecedence);
                text.Append(" : ");
                WriteChild(ctx, text, conditional.WhenFalse, window, OrPrecedence);
                text.Append(')');
                break;
            default:
                throw new InvalidOperationException("Internal error: unknown expression " + expression.GetType().Name + ".");
        }
    }

    /// <summary>
    /// An amount that moves cash (a fee, an account's target, an RVG's guaranteed amount); as an operand that any
    /// operator can be written next to when <paramref name="asOperand"/>. When it can be n/a (a ratio over zero
    /// inside it, or a test's value), it goes through <c>Flows.AmountOrZero</c>: NaN would otherwise flow through
    /// every payment after it and the period's cash could not add up.
    /// </summary>
    internal static string Amount(EmitContext ctx, BoundExpression amount, bool asOperand)
    {
        if (CanBeNotAvailable(amount))
        {
            return "Flows.AmountOrZero(" + Expression(ctx, amount, null) + ")";
        }

        return asOperand ? Operand(ctx, amount, null) : Expression(ctx, amount, null);
    }

    /// <summary>Whether the expression can evaluate to NaN: it divides by something that is not a non-zero
    /// constant (<c>Flows.Ratio</c>), or reads a test, which is n/a before its <c>from</c> date, or the largest
    /// customer's share, n/a when no contract earns. Iterative, as
    /// operator chains are as deep as they are long.</summary>
    private static bool CanBeNotAvailable(BoundExpression root)
    {
        var pending = new Stack<BoundExpression>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case QuantityExpression { Quantity: Quantity.TestValue or Quantity.LargestCustomerShare }:
                    return true;
                case BinaryExpression b:
                    if (b.Operator == BoundBinaryOperator.Divide && !IsPlainDivision(b))
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
                case ConditionalExpression conditional:
                    pending.Push(conditional.Condition);
                    pending.Push(conditional.WhenTrue);
                    pending.Push(conditional.WhenFalse);
                    break;
            }
        }

        return false;
    }

    /// <summary>The expression as an operand that any operator can be written next to: parenthesized unless atomic.</summary>
    internal static string Operand(EmitContext ctx, BoundExpression expression, ExpressionWindow? window)
    {
        var text = new StringBuilder();
        WriteChild(ctx, text, expression, window, AtomicPrecedence);
        return text.ToString();
    }

    /// <summary>The expression, parenthesized if it binds more loosely than <paramref name="minimum"/>.</summary>
    private static void WriteChild(EmitContext ctx, StringBuilder text, BoundExpression expression, ExpressionWindow? window, int minimum)
    {
        if (expression is ConstantExpression { Unit: not Unit.Bool } c)
        {
            text.Append(CSharpLiterals.DoubleOperand(c.Value));
            return;
        }

        bool parenthesized = Precedence(expression) < minimum;
        if (parenthesized)
        {
            text.Append('(');
        }

        Write(ctx, text, expression, window);
        if (parenthesized)
        {
            text.Append(')');
        }
    }

    private static int Precedence(BoundExpression expression) => expression switch
    {
        BinaryExpression b => b.Operator switch
        {
            BoundBinaryOperator.Or => OrPrecedence,
            BoundBinaryOperator.And => AndPrecedence,
            BoundBinaryOperator.Equal => EqualityPrecedence,
            BoundBinaryOperator.NotEqual => IsNumeric(b) ? AtomicPrecedence : EqualityPrecedence,
            BoundBinaryOperator.Less or BoundBinaryOperator.LessOrEqual or BoundBinaryOperator.Greater or BoundBinaryOperator.GreaterOrEqual => RelationalPrecedence,
            BoundBinaryOperator.Add or BoundBinaryOperator.Subtract => AdditivePrecedence,
            BoundBinaryOperator.Divide => IsPlainDivision(b) ? MultiplicativePrecedence : AtomicPrecedence,
            _ => MultiplicativePrecedence,
        },
        DurationOfExpression => MultiplicativePrecedence,
        UnaryExpression => UnaryPrecedence,
        ConstantExpression { Unit: not Unit.Bool, Value: < 0 } => UnaryPrecedence,
        _ => AtomicPrecedence,
    };

    private static string Constant(ConstantExpression c) =>
        c.Unit == Unit.Bool ? CSharpLiterals.Bool(c.Value != 0) : CSharpLiterals.Double(c.Value);

    private static string Read(EmitContext ctx, QuantityExpression q, ExpressionWindow? window)
    {
        if (ctx.ReadOverride?.Invoke(q) is { } overridden)
        {
            return overridden;
        }

        if (ctx.ReadingAtPeriodStart && EmitContext.IsCollateralValue(q.Quantity))
        {
            // An interest-period determination (a coupon, a PIK condition): the value at the period's start.
            return ctx.ValueAtPeriodStart(q.Quantity, q.Index);
        }

        if (window is null || !q.IsFlow)
        {
            return ctx.Current(q.Quantity, q.Index);
        }

        if (window.Forward)
        {
            // A forward test projects its flows (debt service only, DL0345) over the periods its window array names.
            return ctx.Forward(q.Quantity, q.Index, window.Name);
        }

        // Amounts paid are known only after the waterfall, so the window is the most recent completed periods.
        var slot = ctx.HistoryFor(q.Quantity, q.Index);
        string end = slot.AfterWaterfall ? "t - 1" : "t";
        return "Flows.Trailing(" + slot.Name + ", " + end + ", " + window.Name + ")";
    }

    /// <summary>
    /// A binary expression and the left-deep chain under it, walked in a loop (a long sum is as deep as it is long):
    /// what each operator writes before its left operand (<c>Flows.Ratio(</c>, <c>NotEqual(</c> or a parenthesis),
    /// outermost first, then the innermost operand, then what each writes after it, innermost first.
    /// </summary>
    private static void WriteBinary(EmitContext ctx, StringBuilder text, BinaryExpression top, ExpressionWindow? window)
    {
        var spine = new List<BinaryExpression>();
        BoundExpression innermost = top;
        while (innermost is BinaryExpression node)
        {
            // A long chain may start below an operator of another kind: ((a + b + … + z) * c).
            if (node.Left is BinaryExpression left && !BalancedChains.SameChain(node, left))
            {
                node = node with { Left = BalancedChains.Balance(left) };
            }

            spine.Add(node);
            innermost = node.Left;
        }

        foreach (var node in spine)
        {
            switch (Form(node))
            {
                case BinaryForm.Ratio:
                    text.Append("Flows.Ratio(");
                    break;
                case BinaryForm.NotEqual:
                    ctx.UsesNotEqual = true;
                    text.Append("NotEqual(");
                    break;
                default:
                    if (LeftNeedsParentheses(node))
                    {
                        text.Append('(');
                    }

                    break;
            }
        }

        // A constant left operand of an operator is written as an operand (a negative one in parentheses).
        if (innermost is ConstantExpression { Unit: not Unit.Bool } c && Form(spine[^1]) == BinaryForm.Operator)
        {
            text.Append(CSharpLiterals.DoubleOperand(c.Value));
        }
        else
        {
            Write(ctx, text, innermost, window);
        }

        for (int k = spine.Count - 1; k >= 0; k--)
        {
            var node = spine[k];
            if (Form(node) != BinaryForm.Operator)
            {
                text.Append(", ");
                Write(ctx, text, node.Right, window);
                text.Append(')');
                continue;
            }

            if (LeftNeedsParentheses(node))
            {
                text.Append(')');
            }

            text.Append(' ').Append(Symbol(node.Operator)).Append(' ');

            // The right operand needs parentheses even at equal precedence: a - (b - c) is not a - b - c.
            WriteChild(ctx, text, node.Right, window, Precedence(node) + 1);
        }
    }

    private enum BinaryForm
    {
        /// <summary>An infix C# operator.</summary>
        Operator,

        /// <summary>A ratio is n/a (NaN) when its denominator is zero, so a test on it is simply not breached;
        /// dividing by a non-zero constant cannot hit that case and stays a plain division.</summary>
        Ratio,

        /// <summary>A NaN-aware <c>!=</c> between doubles.</summary>
        NotEqual,
    }

    private static BinaryForm Form(BinaryExpression node) =>
        node.Operator == BoundBinaryOperator.Divide && !IsPlainDivision(node) ? BinaryForm.Ratio
        : node.Operator == BoundBinaryOperator.NotEqual && IsNumeric(node) ? BinaryForm.NotEqual
        : BinaryForm.Operator;

    private static bool LeftNeedsParentheses(BinaryExpression node) =>
        node.Left is not ConstantExpression { Unit: not Unit.Bool } && Precedence(node.Left) < Precedence(node);

    private static string Symbol(BoundBinaryOperator op) => op switch
    {
        BoundBinaryOperator.Multiply => "*",
        BoundBinaryOperator.Divide => "/",
        BoundBinaryOperator.Add => "+",
        BoundBinaryOperator.Subtract => "-",
        BoundBinaryOperator.Less => "<",
        BoundBinaryOperator.LessOrEqual => "<=",
        BoundBinaryOperator.Greater => ">",
        BoundBinaryOperator.GreaterOrEqual => ">=",
        BoundBinaryOperator.Equal => "==",
        BoundBinaryOperator.NotEqual => "!=",
        BoundBinaryOperator.And => "&&",
        BoundBinaryOperator.Or => "||",
        _ => throw Unknown(op),
    };

    private static bool IsPlainDivision(BinaryExpression b) =>
        b.Right is ConstantExpression { Value: var v } && v != 0 && double.IsFinite(v);

    /// <summary>Doubles (not dates or bools): their != must be false for n/a, like every other comparison.</summary>
    private static bool IsNumeric(BinaryExpression b) =>
        b.Left.Unit is not (Unit.Date or Unit.Bool) && b.Right.Unit is not (Unit.Date or Unit.Bool);

    private static void WriteCall(EmitContext ctx, StringBuilder text, CallExpression call, ExpressionWindow? window)
    {
        if (call.Arguments.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException("Internal error: " + call.Function + "() without arguments.");
        }

        if (call.Function == BuiltinFunction.YearsBetween)
        {
            text.Append("(Date.DaysBetween(");
            Write(ctx, text, call.Arguments[0], window);
            text.Append(", ");
            Write(ctx, text, call.Arguments[1], window);
            text.Append(") / 365.0)");
            return;
        }

        if (call.Function == BuiltinFunction.Abs)
        {
            text.Append("Math.Abs(");
            Write(ctx, text, call.Arguments[0], window);
            text.Append(')');
            return;
        }

        string function = (call.Unit == Unit.Date ? "Date." : "Math.") + (call.Function == BuiltinFunction.Min ? "Min" : "Max");

        WriteMinMax(ctx, text, function, call.Arguments, 0, call.Arguments.Length - 1, window);
    }

    // min(a, b, c) = Math.Min(a, Math.Min(b, c)): nested calls, no params array. Beyond
    // BalancedChains.BalanceAbove arguments, halves are nested instead (Math.Min(Math.Min(…), Math.Min(…))), so
    // the calls nest log2(arguments) deep; min and max are associative, n/a (NaN) included.
    private static void WriteMinMax(
        EmitContext ctx, StringBuilder text, string function, ImmutableArray<BoundExpression> arguments, int lo, int hi, ExpressionWindow? window)
    {
        if (hi - lo >= BalancedChains.BalanceAbove)
        {
            int mid = lo + ((hi - lo) / 2);
            text.Append(function).Append('(');
            WriteMinMax(ctx, text, function, arguments, lo, mid, window);
            text.Append(", ");
            WriteMinMax(ctx, text, function, arguments, mid + 1, hi, window);
            text.Append(')');
            return;
        }

        for (int k = lo; k < hi; k++)
        {
            text.Append(function).Append('(');
            Write(ctx, text, arguments[k], window);
            text.Append(", ");
        }

        Write(ctx, text, arguments[hi], window);
        text.Append(')', hi - lo);
    }

    private static InvalidOperationException Unknown<T>(T value) where T : Enum =>
        new("Internal error: unknown operator " + value + ".");
}
