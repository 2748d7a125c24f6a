using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>HyperionNotes market discount 20% depth 50m</c>: a scenario's levers on the market a holding's forced
/// sale sells into; each term given replaces the holding's own (docs/language.md §10).</summary>
public sealed record HoldingMarketLeverSyntax(NameSyntax Holding, HoldingMarketSyntax Market, SourceSpan Span) : ScenarioItemSyntax(Span);
