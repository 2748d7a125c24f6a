using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>equity Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }</c></summary>
public sealed record EquitySyntax(
    NameSyntax Name,
    ExpressionSyntax? Contributed,
    ImmutableArray<HolderSyntax> Holders,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Equity;
}

/// <summary>One holder of an equity piece and its share.</summary>
public sealed record HolderSyntax(NameSyntax Party, ExpressionSyntax Share, SourceSpan Span) : SyntaxNode(Span);
