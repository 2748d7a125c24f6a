using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>fee Opex { 0.5% of Campus.value per year escalating 2% per year }</c></summary>
public sealed record FeeSyntax(
    NameSyntax Name,
    ExpressionSyntax Amount,
    ExpressionSyntax? Escalator,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override string Kind => "fee";
}
