using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// An issuer's hard call of a convertible tranche in a scenario: <c>Converts called on 2028-06-01</c> (at par) or
/// <c>Converts called on 2028-06-01 at 101%</c> (<see cref="Price"/>: a share of the principal). At the start of the
/// period holding <see cref="On"/> the holder converts if its shares are worth more than the cash, else the notes are
/// due in cash at the price (docs/language.md §5, "The issuer's hard call"). With <c>part 50%</c> (<see cref="Part"/>)
/// only that share of the balance is called and the rest runs on ("A partial hard call").
/// </summary>
public sealed record TrancheCalledSyntax(NameSyntax Tranche, DateSyntax On, ExpressionSyntax? Price, SourceSpan Span) : ScenarioItemSyntax(Span)
{
    public ExpressionSyntax? Part { get; init; }
}
