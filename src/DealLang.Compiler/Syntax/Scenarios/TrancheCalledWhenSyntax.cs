using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// An issuer's call decided in the run: <c>Notes called when UST5Y + 3% &lt; 8% from 2027-06-01</c>. The call is made at
/// the start of the first period (from the one holding <see cref="From"/>, else from the closing) whose index levels make
/// <see cref="Condition"/> true, priced and answered as a call on that date (<see cref="TrancheCalledSyntax"/>;
/// docs/language.md §10, "A call decided in the run").
/// </summary>
public sealed record TrancheCalledWhenSyntax(NameSyntax Tranche, ExpressionSyntax Condition, DateSyntax? From, ExpressionSyntax? Price, SourceSpan Span)
    : ScenarioItemSyntax(Span)
{
    public ExpressionSyntax? Part { get; init; }
}
