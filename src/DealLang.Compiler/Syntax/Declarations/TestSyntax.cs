using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>test Dscr = cfads / debt_service over trailing 12m</c></summary>
public sealed record TestSyntax(
    NameSyntax Name,
    ExpressionSyntax Expression,
    DurationSyntax? Trailing,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override string Kind => "test";
}
