using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>test Dscr = cfads / debt_service over trailing 12m from 2030-11-30</c>: before <see cref="From"/>
/// (a period ending earlier) the test is not tested and its value is n/a. <c>over next 12m</c> sets <see cref="Next"/>
/// (and leaves <see cref="Trailing"/> null): the forward-looking window.</summary>
public sealed record TestSyntax(
    NameSyntax Name,
    ExpressionSyntax Expression,
    DurationSyntax? Trailing,
    DateSyntax? From,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Test;

    /// <summary><c>over next D</c>: the test's flows are what is scheduled over the D months after this period's end.</summary>
    public DurationSyntax? Next { get; init; }
}
