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
}

public sealed record CallExpression(BuiltinFunction Function, ImmutableArray<BoundExpression> Arguments, Unit Unit)
    : BoundExpression(Unit);

/// <summary><c>6m of debt_service</c>: the per-period flow scaled by <see cref="Periods"/> = months / months per period.</summary>
public sealed record DurationOfExpression(double Periods, BoundExpression Flow) : BoundExpression(Unit.Money);
