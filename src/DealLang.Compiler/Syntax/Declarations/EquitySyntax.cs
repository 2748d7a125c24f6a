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

    /// <summary><c>hurdle 8%</c>: the LPs' preferred return a year, compounding on contributed capital.</summary>
    public ExpressionSyntax? Hurdle { get; init; }

    /// <summary><c>carry 20% to Manager catch_up 100%</c>: the GP's carried interest.</summary>
    public CarrySyntax? Carry { get; init; }
}

/// <summary><c>carry 20% to Manager catch_up 100%</c>: the share of profits the general partner takes, the party
/// it is, and its catch-up share (none when omitted).</summary>
public sealed record CarrySyntax(ExpressionSyntax? Rate, NameSyntax? Partner, ExpressionSyntax? CatchUp, SourceSpan Span) : SyntaxNode(Span);

/// <summary>One holder of an equity piece and its share.</summary>
public sealed record HolderSyntax(NameSyntax Party, ExpressionSyntax Share, SourceSpan Span) : SyntaxNode(Span);
