using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// The unit algebra (docs/language.md §6, "Unit rules") and constant folding. A bare number adopts the other
// operand's unit in + - comparisons and min/max, and scales in * and /; money × rate is money, money / money
// a ratio, and so on; a ratio compares with a rate; every other combination is an error that names both units.
internal sealed partial class TypeChecker
{
    private BoundExpression BindAdditive(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        Unit lu = left.Unit;
        Unit ru = right.Unit;
        if (!UnitNames.IsNumeric(lu) || !UnitNames.IsNumeric(ru) || (lu != ru && lu != Unit.Number && ru != Unit.Number))
        {
            string operation = binary.Operator == BinaryOperator.Add
                ? $"add {UnitNames.Noun(lu)} and {UnitNames.Noun(ru)}"
                : $"subtract {UnitNames.Noun(ru)} from {UnitNames.Noun(lu)}";
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(binary.Span, operation));
            return BadExpression.Instance;
        }

        Unit unit = lu == Unit.Number ? ru : lu;
        if (!TryAdopt(left, unit, binary.Left, out left) || !TryAdopt(right, unit, binary.Right, out right))
        {
            return BadExpression.Instance;
        }

        if (left is ConstantExpression l && right is ConstantExpression r)
        {
            return Folded(binary, binary.Operator == BinaryOperator.Add ? l.Value + r.Value : l.Value - r.Value, unit);
        }

        return new BinaryExpression(BoundOperators.Of(binary.Operator), left, right, unit);
    }

    private BoundExpression BindMultiply(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        if (ProductUnit(left.Unit, right.Unit) is not { } unit)
        {
            string verb = binary.Operator == BinaryOperator.Of ? "take" : "multiply";
            string joiner = binary.Operator == BinaryOperator.Of ? "of" : "by";
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(
                binary.Span, $"{verb} {UnitNames.Noun(left.Unit)} {joiner} {UnitNames.Noun(right.Unit)}"));
            return BadExpression.Instance;
        }

        // `1% of X` is multiplication that reads like a term sheet.
        return left is ConstantExpression l && right is ConstantExpression r
            ? Folded(binary, l.Value * r.Value, unit)
            : new BinaryExpression(BoundBinaryOperator.Multiply, left, right, unit);
    }

    private BoundExpression BindDivide(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        if (QuotientUnit(left.Unit, right.Unit) is not { } unit)
        {
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(
                binary.Span, $"divide {UnitNames.Noun(left.Unit)} by {UnitNames.Noun(right.Unit)}"));
            return BadExpression.Instance;
        }

        if (right is ConstantExpression { Value: 0 })
        {
            _diagnostics.Add(DiagnosticCatalogue.DivisionByZero(binary.Right?.Span ?? binary.Span));
            return BadExpression.Instance;
        }

        return left is ConstantExpression l && right is ConstantExpression r
            ? Folded(binary, l.Value / r.Value, unit)
            : new BinaryExpression(BoundBinaryOperator.Divide, left, right, unit);
    }

    /// <summary>
    /// A folded constant term. Each literal is finite (DL0107), but their arithmetic need not be: a 308-digit
    /// balance times 10 is infinite, and infinity minus itself NaN, which the period loop would turn into amounts
    /// that are not numbers. Such a term is the same mistake as a literal too large to hold, and reported as one.
    /// </summary>
    private BoundExpression Folded(BinaryExpressionSyntax binary, double value, Unit unit)
    {
        if (double.IsFinite(value))
        {
            return new ConstantExpression(value, unit);
        }

        _diagnostics.Add(DiagnosticCatalogue.NumberOutOfRange(binary.Span, ExpressionPrinter.Print(binary)));
        return BadExpression.Instance;
    }

    private BoundExpression BindComparison(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        Unit lu = left.Unit;
        Unit ru = right.Unit;
        Unit unit = lu == Unit.Number && UnitNames.IsNumeric(ru) ? ru : lu;
        // A ratio compares with a rate: both are stored as plain fractions (80% is 0.80, 0.80x is 0.80), and a
        // share of money over money is naturally written against a percentage ('Ltv > 80%', 'Share > 35%').
        bool compatible = lu == ru
            || (lu == Unit.Number && UnitNames.IsNumeric(ru))
            || (ru == Unit.Number && UnitNames.IsNumeric(lu))
            || (lu, ru) is (Unit.Ratio, Unit.Rate) or (Unit.Rate, Unit.Ratio);
        if (!compatible)
        {
            // 'Loan.balance > 35%': the analyst meant a share; say how one is written.
            string hint = (lu, ru) is (Unit.Money, Unit.Rate or Unit.Ratio) or (Unit.Rate or Unit.Ratio, Unit.Money)
                ? $"; a {UnitNames.Noun(lu == Unit.Money ? ru : lu)} compares with a share of money over money, such as A / B > 35%"
                : "";
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(
                binary.Span, $"compare {UnitNames.Noun(lu)} with {UnitNames.Noun(ru)}{hint}"));
            return BadExpression.Instance;
        }

        if (unit == Unit.Bool && binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            _diagnostics.Add(DiagnosticCatalogue.OperatorNotApplicable(binary.Span, ExpressionPrinter.Symbol(binary.Operator), "conditions"));
            return BadExpression.Instance;
        }

        if (!TryAdopt(left, unit, binary.Left, out left) || !TryAdopt(right, unit, binary.Right, out right))
        {
            return BadExpression.Instance;
        }

        return new BinaryExpression(BoundOperators.Of(binary.Operator), left, right, Unit.Bool);
    }

    /// <summary>Number × U = U; money × rate = money; money × ratio = money; rate × ratio = rate; ratio × ratio = ratio.</summary>
    private static Unit? ProductUnit(Unit a, Unit b)
    {
        if (!UnitNames.IsNumeric(a) || !UnitNames.IsNumeric(b))
        {
            return null;
        }

        if (a == Unit.Number)
        {
            return b;
        }

        if (b == Unit.Number)
        {
            return a;
        }

        return (a, b) switch
        {
            (Unit.Money, Unit.Rate) or (Unit.Rate, Unit.Money) => Unit.Money,
            (Unit.Money, Unit.Ratio) or (Unit.Ratio, Unit.Money) => Unit.Money,
            (Unit.Rate, Unit.Ratio) or (Unit.Ratio, Unit.Rate) => Unit.Rate,
            (Unit.Ratio, Unit.Ratio) => Unit.Ratio,
            _ => null, // money × money, rate × rate
        };
    }

    /// <summary>U / number = U; number / ratio = ratio; money / money = ratio; money / ratio = money;
    /// rate / rate = ratio; rate / ratio = rate; ratio / ratio = ratio.</summary>
    private static Unit? QuotientUnit(Unit a, Unit b)
    {
        if (!UnitNames.IsNumeric(a) || !UnitNames.IsNumeric(b))
        {
            return null;
        }

        if (b == Unit.Number)
        {
            return a;
        }

        return (a, b) switch
        {
            (Unit.Number, Unit.Ratio) => Unit.Ratio,
            (Unit.Money, Unit.Money) => Unit.Ratio,
            (Unit.Money, Unit.Ratio) => Unit.Money,
            (Unit.Rate, Unit.Rate) => Unit.Ratio,
            (Unit.Rate, Unit.Ratio) => Unit.Rate,
            (Unit.Ratio, Unit.Ratio) => Unit.Ratio,
            _ => null, // money / rate, anything / money, a number / money or rate
        };
    }

    /// <summary>
    /// Gives a bare number the unit it is combined with. A non-zero bare number standing for a rate is an error:
    /// nobody can tell whether <c>0.05</c> means 5% or 0.05%, so the file must say.
    /// </summary>
    private bool TryAdopt(BoundExpression expression, Unit unit, ExpressionSyntax? syntax, out BoundExpression adopted)
    {
        adopted = expression;
        if (expression.Unit != Unit.Number || unit == Unit.Number || !UnitNames.IsNumeric(unit))
        {
            return true;
        }

        if (expression is ConstantExpression constant)
        {
            if (unit == Unit.Rate && constant.Value != 0)
            {
                string what = syntax is LiteralSyntax literal ? $"'{literal.Text}' here" : "this number";
                _diagnostics.Add(DiagnosticCatalogue.BareRate(syntax?.Span ?? SourceSpan.None, what, constant.Value));
                return false;
            }

            adopted = new ConstantExpression(constant.Value, unit);
        }

        return true;
    }

    /// <summary>Checks a bound expression against the unit its position requires.</summary>
    private BoundExpression Expect(BoundExpression bound, Unit expected, string what, ExpressionSyntax syntax)
    {
        if (bound is BadExpression || bound.Unit == expected)
        {
            return bound;
        }

        if (bound.Unit == Unit.Number && UnitNames.IsNumeric(expected))
        {
            if (expected == Unit.Rate && bound is ConstantExpression { Value: not 0 } rate)
            {
                _diagnostics.Add(DiagnosticCatalogue.BareRate(syntax.Span, what, rate.Value));
                return BadExpression.Instance;
            }

            return bound is ConstantExpression constant ? new ConstantExpression(constant.Value, expected) : bound;
        }

        _diagnostics.Add(DiagnosticCatalogue.WrongUnit(syntax.Span, what, UnitNames.Described(expected), UnitNames.Described(bound.Unit)));
        return BadExpression.Instance;
    }
}
