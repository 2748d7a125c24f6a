using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>market discount 5%  depth 200m  impact 30%</c>: the market a forced sale of a holding sells into
/// (docs/language.md §5 "holding", "A forced sale"): its discount to the holding's mark, the marked value a period
/// that market absorbs, and the further discount at a sale of the whole depth. A holding's item and, with the
/// holding's name before it, a scenario's lever (<see cref="HoldingMarketLeverSyntax"/>); each term may be left out.</summary>
public sealed record HoldingMarketSyntax(ExpressionSyntax? Discount, ExpressionSyntax? Depth, ExpressionSyntax? Impact, SourceSpan Span)
    : SyntaxNode(Span);
