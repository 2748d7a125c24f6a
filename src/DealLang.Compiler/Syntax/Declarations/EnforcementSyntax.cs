using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>enforcement { sell Campus haircut 20% lag 6m  waterfall { ... } }</c></summary>
public sealed record EnforcementSyntax(
    ImmutableArray<SellSyntax> Sales,
    WaterfallSyntax? Waterfall,
    SourceSpan Span) : DeclarationSyntax(Span);

/// <summary><c>sell Campus haircut 20% lag 6m</c>: collateral sold after the lag at value less the haircut; with
/// <see cref="Market"/>, a fleet's units sold month by month into the repo market.</summary>
public sealed record SellSyntax(
    ImmutableArray<NameSyntax> Assets,
    ExpressionSyntax? Haircut,
    DurationSyntax? Lag,
    SourceSpan Span,
    MarketTermsSyntax? Market = null) : SyntaxNode(Span);

/// <summary>The repo market a fleet's units are sold into (docs/language.md §9): <c>depth 1500 gpus per month</c>
/// (units a month it absorbs near the market price), <c>impact 20%</c> (the price cut when a month's sales equal the
/// depth), <c>limit 3000 gpus per month</c> (most units sold a month) and <c>costs 500 per gpu</c> (removal and
/// transport). Null when none is written.</summary>
public sealed record MarketTermsSyntax(
    ExpressionSyntax? Depth,
    ExpressionSyntax? Impact,
    ExpressionSyntax? Limit,
    ExpressionSyntax? Costs)
{
    /// <summary>The terms' expressions, for walks.</summary>
    public IEnumerable<ExpressionSyntax?> Expressions => [Depth, Impact, Limit, Costs];
}
