using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

public enum TimeUnit
{
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>A length of time where the grammar expects one: <c>4y</c>, <c>6m</c> (months), <c>90d</c>.</summary>
public sealed record DurationSyntax(double Amount, TimeUnit Unit, string Text, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>Whole months, or null for day/week durations and fractional months.</summary>
    public int? WholeMonths => Unit switch
    {
        TimeUnit.Months when Amount == Math.Floor(Amount) => (int)Amount,
        TimeUnit.Years when Amount * 12 == Math.Floor(Amount * 12) => (int)(Amount * 12),
        _ => null,
    };
}
