using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>A typed, resolved expression. The emitter turns each into one C# expression over plain fields.</summary>
public abstract record BoundExpression(Unit Unit)
{
    /// <summary>For a <see cref="Unit.Measure"/>, what it measures (GPUs, hours, kW, money per GPU-hour…); none for
    /// every other unit.</summary>
    public Dimension Dimension { get; init; }
}

/// <summary>A folded constant (money in currency units, rates and ratios as fractions).</summary>
public sealed record ConstantExpression(double Value, Unit Unit) : BoundExpression(Unit);

public sealed record DateConstantExpression(Date Value) : BoundExpression(Unit.Date);

/// <summary>A read of deal state. <see cref="IsFlow"/> quantities are summed over a trailing test's window.</summary>
public sealed record QuantityExpression(Quantity Quantity, int Index, Unit Unit, bool IsFlow) : BoundExpression(Unit);

public sealed record UnaryExpression(BoundUnaryOperator Operator, BoundExpression Operand, Unit Unit) : BoundExpression(Unit);

/// <summary>The syntax's <c>of</c> is bound to <see cref="BoundBinaryOperator.Multiply"/>.</summary>
public sealed record BinaryExpression(BoundBinaryOperator Operator, BoundExpression Left, BoundExpression Right, Unit Unit)
    : BoundExpression(Unit);

public enum BuiltinFunction
{
    Min,
    Max,
    Abs,
    /// <summary><c>years_between(d1, d2)</c>: the days from d1 to d2 over 365 (negative when d2 is earlier).</summary>
    YearsBetween,
}

public sealed record CallExpression(BuiltinFunction Function, ImmutableArray<BoundExpression> Arguments, Unit Unit)
    : BoundExpression(Unit);

/// <summary><c>6m of debt_service</c>: the per-period flow scaled by <see cref="Periods"/> = months / months per period.</summary>
public sealed record DurationOfExpression(double Periods, BoundExpression Flow) : BoundExpression(Unit.Money);

/// <summary><c>if C then A else B</c>: <see cref="WhenTrue"/> where <see cref="Condition"/> holds, else
/// <see cref="WhenFalse"/>; both branches have the expression's unit.</summary>
public sealed record ConditionalExpression(BoundExpression Condition, BoundExpression WhenTrue, BoundExpression WhenFalse, Unit Unit)
    : BoundExpression(Unit);
