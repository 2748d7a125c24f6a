using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>test Dscr = cfads / debt_service over trailing 12m from 2030-11-30</c>: before <see cref="From"/>
/// (a period ending earlier) the test is not tested and its value is n/a.</summary>
public sealed record TestSyntax(
    NameSyntax Name,
    ExpressionSyntax Expression,
    DurationSyntax? Trailing,
    DateSyntax? From,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Test;
}
