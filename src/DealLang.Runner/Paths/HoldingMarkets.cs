using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Each holding's market for a forced sale on a path (docs/language.md §5 "holding", "A forced sale"): the sale
/// discount, depth and price impact, the deal's own unless the scenario's <c>H market …</c> lever replaces a term.
/// </summary>
internal static class HoldingMarkets
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int h = 0; h < deal.Holdings.Length; h++)
        {
            HoldingInfo holding = deal.Holdings[h];
            HoldingLevers levers = h < scenario.Holdings.Length && scenario.Holdings[h] is { } l ? l : HoldingLevers.None;
            into.HoldingSaleDiscount[h] = levers.Discount ?? holding.SaleDiscount;
            into.HoldingDepth[h] = levers.Depth ?? holding.Depth;
            into.HoldingImpact[h] = levers.Impact ?? holding.Impact;
        }
    }
}
