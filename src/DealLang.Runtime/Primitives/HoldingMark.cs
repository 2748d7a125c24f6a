namespace DealLang.Runtime;

/// <summary>
/// A holding's mark (docs/language.md §5 "holding", <c>mark Index</c>): its price as a share of par is the index's
/// level, but never below 0. A mean-reverting index path can cross zero; a claim is then worth nothing, not less than
/// nothing, as a loan sold at a price index fetches nothing (§9, "A loan's market price").
/// </summary>
public static class HoldingMark
{
    /// <summary>The price a level marks at: the level, or 0 below it.</summary>
    public static double Price(double level) => level > 0.0 ? level : 0.0;
}
