using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>enforcement { sell Campus haircut 20% lag 6m  waterfall { ... } }</c></summary>
public sealed record EnforcementSyntax(
    ImmutableArray<SellSyntax> Sales,
    WaterfallSyntax? Waterfall,
    SourceSpan Span) : DeclarationSyntax(Span);

/// <summary><c>sell Campus haircut 20% lag 6m</c>: collateral sold after the lag at value less the haircut.</summary>
public sealed record SellSyntax(
    ImmutableArray<NameSyntax> Assets,
    ExpressionSyntax? Haircut,
    DurationSyntax? Lag,
    SourceSpan Span) : SyntaxNode(Span);
