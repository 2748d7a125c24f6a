using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;

namespace DealLang.Compiler.Syntax;

/// <summary>The unit a literal was written in, decided from its suffix.</summary>
public enum LiteralKind
{
    /// <summary>No suffix: 100000, 0, 1_000_000. Adopts the unit of what it is combined with.</summary>
    Number,
    /// <summary>bn, m, k: an amount in the deal's currency (already scaled).</summary>
    Money,
    /// <summary>%, bp: a rate, stored as a fraction (6.581% → 0.06581).</summary>
    Rate,
    /// <summary>x: a ratio (1.10x → 1.10).</summary>
    Ratio,
}

/// <summary>A numeric literal with its unit: <c>27.3bn</c>, <c>6.581%</c>, <c>225bp</c>, <c>1.10x</c>, <c>0</c>.</summary>
public sealed record LiteralSyntax(double Value, LiteralKind Kind, string Text, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A date used in an expression, e.g. a comparison with the period date.</summary>
public sealed record DateLiteralSyntax(Date Value, SourceSpan Span) : ExpressionSyntax(Span);
