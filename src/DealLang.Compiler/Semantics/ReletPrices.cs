using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The price a fleet's idle units are re-let at in enforcement (<c>relet idle … price …</c>, docs/language.md §9,
/// "relet-ramp"): P_t = share × I_t + spread, I_t an index of money per GPU-hour at the period's start. Three shapes are
/// written, and their combination: the index alone (<c>price H100Rent</c>: share 1, spread 0), a share of it
/// (<c>price 85% of H100Rent</c>) and it plus or minus a constant (<c>price H100Rent - 0.30</c>); a share of it less a
/// constant (<c>price 90% of H100Rent - 0.10</c>) is both. Anything else (a constant alone, a product of indices) has
/// no index to follow a path's draws, and is DL0576.
/// </summary>
internal static class ReletPrices
{
    /// <summary>The price as (index, share, spread), or null for any other shape.</summary>
    internal static (int Index, double Share, double Spread)? Of(BoundExpression price) => price switch
    {
        BinaryExpression { Operator: BoundBinaryOperator.Add, Left: var left, Right: ConstantExpression c } when Shared(left) is { } s =>
            (s.Index, s.Share, c.Value),
        BinaryExpression { Operator: BoundBinaryOperator.Add, Left: ConstantExpression c, Right: var right } when Shared(right) is { } s =>
            (s.Index, s.Share, c.Value),
        BinaryExpression { Operator: BoundBinaryOperator.Subtract, Left: var left, Right: ConstantExpression c } when Shared(left) is { } s =>
            (s.Index, s.Share, -c.Value),
        _ => Shared(price) is { } s ? (s.Index, s.Share, 0.0) : null,
    };

    // An index's level, or a constant share of it (either side of the product).
    private static (int Index, double Share)? Shared(BoundExpression e) => e switch
    {
        QuantityExpression { Quantity: Quantity.IndexLevel } q => (q.Index, 1.0),
        BinaryExpression { Operator: BoundBinaryOperator.Multiply, Left: ConstantExpression c, Right: QuantityExpression { Quantity: Quantity.IndexLevel } q } =>
            (q.Index, c.Value),
        BinaryExpression { Operator: BoundBinaryOperator.Multiply, Left: QuantityExpression { Quantity: Quantity.IndexLevel } q, Right: ConstantExpression c } =>
            (q.Index, c.Value),
        _ => null,
    };
}
