using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>deal Name { ... }</c>. Header items are single-valued (a repeated one is reported while the tree is
/// built, DL0105); declarations keep file order because order carries meaning (waterfall steps, reports).
/// Missing required header items are reported by the checker, which knows the deal's span.
/// </summary>
public sealed record DealSyntax(
    NameSyntax Name,
    StringLiteralSyntax? Title,
    NameSyntax? Currency,
    DateSyntax? Closing,
    DateSyntax? Maturity,
    DateSyntax? FirstPayment,
    NameSyntax? Frequency,
    DayCountSyntax? DayCount,
    ImmutableArray<DeclarationSyntax> Declarations,
    SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary><c>business_days ...</c> (docs/language.md §4); null when the deal pays on its rolled dates as they fall.</summary>
    public BusinessDaysSyntax? BusinessDays { get; init; }

    public IEnumerable<T> OfKind<T>() where T : DeclarationSyntax => Declarations.OfType<T>();
}
