namespace DealLang.Compiler.Diagnostics;

// DL0782–DL0789: a fund's forced sale of its holdings (docs/language.md §5 "holding", "A forced sale"): the market a
// holding is sold into, the sale step that sells holdings (and 'pro_rata' on one that sells coins), and a scenario's
// levers on that market. Each is located at
// the item that makes it.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0782: a holding's market depth at or below 0: the price impact divides by it, and a market that
    /// absorbs nothing could sell nothing.</summary>
    public static Diagnostic HoldingDepthNotPositive(SourceSpan span, string what, double depth) =>
        Error("DL0782", span, SemanticText.Invariant($"{what} is {depth}; a market depth is the marked value a period the market absorbs, above 0 (e.g. 'depth 200m')"));

    /// <summary>DL0783: a sale step that names coins together with holdings, or two coins holdings: a step sells
    /// one coins holding, or holdings one after the other.</summary>
    public static Diagnostic SaleMixesKinds(SourceSpan span, string name, string kind) =>
        Error("DL0783", span, $"'{name}' is declared as {kind}; a 'sell … to cover' step sells one coins holding, or holdings one after the other ('sell H1, H2 to cover Bank.principal')");

    /// <summary>DL0787: <c>pro_rata</c> on a sale of coins: it shares a forced sale among several holdings, in
    /// proportion to their marks, and a coins sale sells one holding of coins.</summary>
    public static Diagnostic ProRataCoinsSale(SourceSpan span, string coins) =>
        Error("DL0787", span, $"'pro_rata' shares a sale among holdings in proportion to their marked values, and '{coins}' is not a holding; a 'sell {coins} to cover …' step sells the one coins holding without it");

    /// <summary>DL0784: a holding named twice in one sale step: the second would sell what the first already could.</summary>
    public static Diagnostic HoldingSoldTwice(SourceSpan span, string holding) =>
        Error("DL0784", span, $"holding '{holding}' is named twice in this sale step; name each holding once, in the order they are sold");

    /// <summary>DL0785: a scenario's price impact on a holding whose market has no depth (neither the holding's own
    /// nor the scenario's): the impact is per depth sold.</summary>
    public static Diagnostic HoldingImpactWithoutDepth(SourceSpan span, string scenario, string holding) =>
        Error("DL0785", span, $"scenario '{scenario}' gives holding '{holding}' a price impact, but its market has no depth; add 'depth …' to the lever or to the holding's market");

    /// <summary>DL0786 (warning): a holding with a market that no <c>sell … to cover</c> step sells: its terms change
    /// nothing.</summary>
    public static Diagnostic HoldingMarketUnused(SourceSpan span, string holding) =>
        Warning("DL0786", span, $"holding '{holding}' has a market but no 'sell {holding} to cover …' step sells it, so its terms change nothing");
}
