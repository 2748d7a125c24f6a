using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>holding HyperionNotes { of Hyperion.Notes  face 500m  mark par }</c>: a share (<c>share 10%</c>) or
/// a face amount (<c>face 500m</c>) of another entity's tranche, or a share of its equity; the entity is the deal of
/// an imported file. <see cref="Mark"/> is null for <c>mark par</c> (the default) and names an index of the holder's
/// deal for <c>mark PriceIndex</c>. <see cref="Market"/> is the market a forced sale sells it into (null: at its mark,
/// with no discount).</summary>
public sealed record HoldingSyntax(
    NameSyntax Name,
    NameSyntax? Entity,
    NameSyntax? Member,
    ExpressionSyntax? Share,
    ExpressionSyntax? Face,
    NameSyntax? Mark,
    SourceSpan Span,
    HoldingMarketSyntax? Market = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Holding;

    /// <summary><c>draws called from Lps</c>: the holder's equity whose investors are called for the held delayed
    /// draw's draws its cash cannot fund; null: the holder's one equity stating a commitment, if it has one.</summary>
    public NameSyntax? DrawsFrom { get; init; }
}
