using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>Maps the syntax's operators to the IR's: the binder is where an expression leaves the syntax, so the
/// model it builds holds none of the syntax's types.</summary>
internal static class BoundOperators
{
    public static BoundBinaryOperator Of(BinaryOperator op) => op switch
    {
        BinaryOperator.Of or BinaryOperator.Multiply => BoundBinaryOperator.Multiply,
        BinaryOperator.Divide => BoundBinaryOperator.Divide,
        BinaryOperator.Add => BoundBinaryOperator.Add,
        BinaryOperator.Subtract => BoundBinaryOperator.Subtract,
        BinaryOperator.Less => BoundBinaryOperator.Less,
        BinaryOperator.LessOrEqual => BoundBinaryOperator.LessOrEqual,
        BinaryOperator.Greater => BoundBinaryOperator.Greater,
        BinaryOperator.GreaterOrEqual => BoundBinaryOperator.GreaterOrEqual,
        BinaryOperator.Equal => BoundBinaryOperator.Equal,
        BinaryOperator.NotEqual => BoundBinaryOperator.NotEqual,
        BinaryOperator.And => BoundBinaryOperator.And,
        BinaryOperator.Or => BoundBinaryOperator.Or,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "an operator the IR does not know"),
    };
}
