using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// The unit algebra (docs/language.md §6, "Unit rules") and constant folding. A bare number adopts the other
// operand's unit in + - comparisons and min/max, and scales in * and /; money × rate is money, money / money
// a ratio, and so on; a ratio compares with a rate; every other combination is an error that names both units.
// Compute units (a Measure with its Dimension) multiply and divide by adding and subtracting powers: GPUs ×
// hours × money per GPU-hour is money; a rate or a ratio scales a measure; measures add and compare only with the
// same measure.
internal sealed partial class TypeChecker
{
    private BoundExpression BindAdditive(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        Unit lu = left.Unit;
        Unit ru = right.Unit;
        if (!UnitNames.IsNumeric(lu) || !UnitNames.IsNumeric(ru)
            || ((lu != ru || left.Dimension != right.Dimension) && lu != Unit.Number && ru != Unit.Number))
        {
            string operation = binary.Operator == BinaryOperator.Add
                ? $"add {UnitNames.Noun(left)} and {UnitNames.Noun(right)}"
                : $"subtract {UnitNames.Noun(right)} from {UnitNames.Noun(left)}";
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(binary.Span, operation));
            return BadExpression.Instance;
        }

        BoundExpression typed = lu == Unit.Number ? right : left;
        Unit unit = typed.Unit;
        Dimension dimension = typed.Dimension;
        if (!TryAdopt(left, unit, binary.Left, out left, dimension) || !TryAdopt(right, unit, binary.Right, out right, dimension))
        {
            return BadExpression.Instance;
        }

        if (left is ConstantExpression l && right is ConstantExpression r)
        {
            return Folded(binary, binary.Operator == BinaryOperator.Add ? l.Value + r.Value : l.Value - r.Value, unit, dimension);
        }

        return new BinaryExpression(BoundOperators.Of(binary.Operator), left, right, unit) { Dimension = dimension };
    }

    private BoundExpression BindMultiply(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        if (ProductUnit(left, right) is not { } product)
        {
            string verb = binary.Operator == BinaryOperator.Of ? "take" : "multiply";
            string joiner = binary.Operator == BinaryOperator.Of ? "of" : "by";
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(
                binary.Span, $"{verb} {UnitNames.Noun(left)} {joiner} {UnitNames.Noun(right)}"));
            return BadExpression.Instance;
        }

        // `1% of X` is multiplication that reads like a term sheet.
        return left is ConstantExpression l && right is ConstantExpression r
            ? Folded(binary, l.Value * r.Value, product.Unit, product.Dimension)
            : new BinaryExpression(BoundBinaryOperator.Multiply, left, right, product.Unit) { Dimension = product.Dimension };
    }

    private BoundExpression BindDivide(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        if (QuotientUnit(left, right) is not { } quotient)
        {
            _diagnostics.Add(DiagnosticCatalogue.IncompatibleUnits(
                binary.Span, $"divide {UnitNames.Noun(left)} by {UnitNames.Noun(right)}"));
            return BadExpression.Instance;
        }

        if (right is ConstantExpression { Value: 0 })
        {
            _diagnostics.Add(DiagnosticCatalogue.DivisionByZero(binary.Right?.Span ?? binary.Span));
            return BadExpression.Instance;
        }

        return left is ConstantExpression l && right is ConstantExpression r
            ? Folded(binary, l.Value / r.Value, quotient.Unit, quotient.Dimension)
            : new BinaryExpression(BoundBinaryOperator.Divide, left, right, quotient.Unit) { Dimension = quotient.Dimension };
    }

    /// <summary>
    /// A folded constant term. Each literal is finite (DL0107), but their arithmetic need not be: a 308-digit
    /// balance times 10 is infinite, and infinity minus itself NaN, which the period loop would turn into amounts
    /// that are not numbers. Such a term is the same mistake as a literal too large to hold, and reported as one.
    /// </summary>
    private BoundExpression Folded(BinaryExpressionSyntax binary, double value, Unit unit, Dimension dimension = default)
    {
        if (double.IsFinite(value))
        {
            return new ConstantExpression(value, unit) { Dimension = dimension };
        }

        _diagnostics.Add(DiagnosticCatalogue.NumberOutOfRange(binary.Span, ExpressionPrinter.Print(binary)));
        return BadExpression.Instance;
    }

    private BoundExpression BindComparison(BinaryExpressionSyntax binary, BoundExpression left, BoundExpression right)
    {
        Unit lu = left.Unit;
        Unit ru = right.Unit;
        BoundExpression typed = lu == Unit.Number && UnitNames.IsNumeric(ru) ? right : left;
        Unit unit = typed.Unit;
        // A ratio compares with a rate: both are stored as plain fractions (80% is 0.80, 0.80x is 0.80), and a
        // share of money over money is naturally written against a percentage ('Ltv > 80%', 'Share > 35%').
        // Measures compare only with the same measure (GPUs with GPUs, not with kW).
        bool compatible = (lu == ru && left.Dimension == right.Dimension)
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
                binary.Span, $"compare {UnitNames.Noun(left)} with {UnitNames.Noun(right)}{hint}"));
            return BadExpression.Instance;
        }

        if (unit == Unit.Bool && binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            _diagnostics.Add(DiagnosticCatalogue.OperatorNotApplicable(binary.Span, ExpressionPrinter.Symbol(binary.Operator), "conditions"));
            return BadExpression.Instance;
        }

        if (!TryAdopt(left, unit, binary.Left, out left, typed.Dimension) || !TryAdopt(right, unit, binary.Right, out right, typed.Dimension))
        {
            return BadExpression.Instance;
        }

        return new BinaryExpression(BoundOperators.Of(binary.Operator), left, right, Unit.Bool);
    }

    /// <summary>The unit of a product: a measure's powers add (<see cref="MeasureUnit"/>); otherwise as below.</summary>
    private static (Unit Unit, Dimension Dimension)? ProductUnit(BoundExpression a, BoundExpression b) =>
        a.Unit == Unit.Measure || b.Unit == Unit.Measure
            ? MeasureUnit(a, b, PowersOf(a) + PowersOf(b))
            : ProductUnit(a.Unit, b.Unit) is { } unit ? (unit, default) : null;

    /// <summary>The unit of a quotient: a measure's powers subtract (<see cref="MeasureUnit"/>); otherwise as below.</summary>
    private static (Unit Unit, Dimension Dimension)? QuotientUnit(BoundExpression a, BoundExpression b) =>
        a.Unit == Unit.Measure || b.Unit == Unit.Measure
            ? MeasureUnit(a, b, PowersOf(a) - PowersOf(b))
            : QuotientUnit(a.Unit, b.Unit) is { } unit ? (unit, default) : null;

    // Money is money¹; a number, a rate or a ratio only scales (a utilisation of 70% is a rate).
    private static Dimension PowersOf(BoundExpression e) => e.Unit switch
    {
        Unit.Money => Dimension.MoneyOnly,
        Unit.Measure => e.Dimension,
        _ => default,
    };

    /// <summary>
    /// A product or quotient with a measure in it: the powers cancelled to nothing are a ratio (GPUs / GPUs), to
    /// money¹ alone money (GPU-hours × money per GPU-hour); anything else a measure. Money squared (or more) is
    /// no quantity anyone counts: an error, like money × money.
    /// </summary>
    private static (Unit Unit, Dimension Dimension)? MeasureUnit(BoundExpression a, BoundExpression b, Dimension powers)
    {
        if (!UnitNames.IsNumeric(a.Unit) || !UnitNames.IsNumeric(b.Unit) || Math.Abs(powers.Money) > 1)
        {
            return null;
        }

        if (powers.IsNone)
        {
            return (Unit.Ratio, default);
        }

        return powers == Dimension.MoneyOnly ? (Unit.Money, default) : (Unit.Measure, powers);
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
    private bool TryAdopt(BoundExpression expression, Unit unit, ExpressionSyntax? syntax, out BoundExpression adopted, Dimension dimension = default)
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

            adopted = new ConstantExpression(constant.Value, unit) { Dimension = dimension };
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

        _diagnostics.Add(DiagnosticCatalogue.WrongUnit(syntax.Span, what, UnitNames.Described(expected), UnitNames.Described(bound)));
        return BadExpression.Instance;
    }
}
