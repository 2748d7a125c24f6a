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

    /// <summary><c>commitment 400m</c>: what the LPs committed in all (<c>contributed</c> and the calls draw on it).</summary>
    public ExpressionSyntax? Commitment { get; init; }

    /// <summary><c>calls 2026-07-01 100m, 2027-01-01 100m</c>: capital called after the closing, dated.</summary>
    public ImmutableArray<CapitalCallSyntax> Calls { get; init; } = [];
}

/// <summary>One dated capital call: <c>2026-07-01 100m</c>.</summary>
public sealed record CapitalCallSyntax(DateSyntax Date, ExpressionSyntax? Amount, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>carry 20% to Manager catch_up 100%</c>: the share of profits the general partner takes, the party
/// it is, and its catch-up share (none when omitted).</summary>
public sealed record CarrySyntax(ExpressionSyntax? Rate, NameSyntax? Partner, ExpressionSyntax? CatchUp, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary><c>deal_by_deal</c>: carry paid per holding as it is realised ("American"), with a clawback at the end.</summary>
    public bool DealByDeal { get; init; }
}

/// <summary>One holder of an equity piece and its share; for a fund, an LP class, which may carry its own terms
/// (<c>Pension 70% { hurdle 8%  carry 15% }</c>) in place of the equity's.</summary>
public sealed record HolderSyntax(NameSyntax Party, ExpressionSyntax Share, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The class's own hurdle, or null: the equity's.</summary>
    public ExpressionSyntax? Hurdle { get; init; }

    /// <summary>The class's own carry rate, or null: the equity's.</summary>
    public ExpressionSyntax? Carry { get; init; }

    /// <summary>The class's own catch-up, or null: the equity's.</summary>
    public ExpressionSyntax? CatchUp { get; init; }

    /// <summary>Whether the class states any term of its own.</summary>
    public bool HasOwnTerms => Hurdle is not null || Carry is not null || CatchUp is not null;
}
