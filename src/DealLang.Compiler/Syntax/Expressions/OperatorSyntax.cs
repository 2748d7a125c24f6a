using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

public enum UnaryOperator
{
    Negate,
    Not,
}

public enum BinaryOperator
{
    /// <summary><c>1% of Campus.value</c>: multiplication that reads like a term sheet.</summary>
    Of,
    Multiply,
    Divide,
    Add,
    Subtract,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

public sealed record UnaryExpressionSyntax(UnaryOperator Operator, ExpressionSyntax Operand, SourceSpan Span)
    : ExpressionSyntax(Span);

public sealed record BinaryExpressionSyntax(
    BinaryOperator Operator,
    ExpressionSyntax Left,
    ExpressionSyntax Right,
    SourceSpan Span) : ExpressionSyntax(Span);

/// <summary><c>min(a, b)</c>, <c>max(a, b)</c>: the built-in functions; the checker knows which exist.</summary>
public sealed record CallExpressionSyntax(NameSyntax Function, ImmutableArray<ExpressionSyntax> Arguments, SourceSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>6m of debt_service</c>: a duration's worth of a per-period flow (here, six months of it).</summary>
public sealed record DurationOfSyntax(DurationSyntax Duration, ExpressionSyntax Flow, SourceSpan Span)
    : ExpressionSyntax(Span);

/// <summary><c>if CONDITION then A else B</c>: A where the condition holds, else B (both of one unit).</summary>
public sealed record ConditionalExpressionSyntax(
    ExpressionSyntax Condition,
    ExpressionSyntax WhenTrue,
    ExpressionSyntax WhenFalse,
    SourceSpan Span) : ExpressionSyntax(Span);
