using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>party Meta { rating "AA-"  pd 0.03%  recovery 60% }</c></summary>
public sealed record PartySyntax(
    NameSyntax Name,
    StringLiteralSyntax? Rating,
    ExpressionSyntax? Pd,
    ExpressionSyntax? Recovery,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Party;
}
