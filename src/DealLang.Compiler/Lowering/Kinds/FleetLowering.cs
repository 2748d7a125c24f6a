using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A fleet as the runtime's <see cref="FleetInfo"/>. Defaults (docs/language.md §5 "fleet"): one batch at closing
/// when written as <c>units</c> and <c>unit_cost</c>; no power cost without <c>power</c>; pue 1; no maintenance; an
/// idle unit costing what a unit in use costs (idle_cost 100%);
/// market value 90% of cost declining 30% a year (FACTS.md's H100 residuals: ~63%, ~44%, ~31% after 1, 2, 3 years),
/// or 18% a year on top of a generation's rent index.
/// Compute-unit terms are already in base units (kW, money per kWh) from the type checker.
/// </summary>
internal sealed class FleetLowering : DeclarationLowering<FleetSyntax, FleetInfo>
{
    /// <summary>The market value's share of cost at delivery when the deal states none.</summary>
    public const double DefaultMarketResidual = 0.90;

    /// <summary>The market value's yearly decline when the deal states none.</summary>
    public const double DefaultMarketDecline = 0.30;

    /// <summary>The yearly decline on top of the generation's index when the deal states none: with the index
    /// deflating 15% a year (FACTS.md's base rent decline), 0.85 × 0.82 ≈ 0.70 a year, the residuals above.</summary>
    public const double DefaultDeclineWithGeneration = 0.18;

    public override DeclarationKind Kind => DeclarationKind.Fleet;

    protected override FleetInfo Lower(FleetSyntax fleet, Symbol symbol, int index, Lowerer lowerer)
    {
        FleetBatch[] batches = fleet.Units is not null
            ? [new FleetBatch(lowerer.Closing, lowerer.ConstantOf(fleet.Units), lowerer.ConstantOf(fleet.UnitCost))]
            : [.. SyntaxWalk.Safe(fleet.Deliveries).Select(d => new FleetBatch(d.Date.Value, lowerer.ConstantOf(d.Units), lowerer.ConstantOf(d.Cost)))];
        int lifeMonths = fleet.Depreciation is StraightLineDepreciationSyntax line ? DurationRules.WholeMonths(line.Life) : 0;
        double decliningRate = fleet.Depreciation is DecliningDepreciationSyntax declining ? lowerer.ConstantOf(declining.Rate) : 0;
        return new FleetInfo(
            Name: symbol.Name,
            Batches: batches,
            LifeMonths: lifeMonths,
            DecliningRate: decliningRate,
            PowerKwPerGpu: lowerer.ConstantOf(fleet.Power),
            Pue: lowerer.ConstantOf(fleet.Pue, 1.0),
            PowerPricePerKwh: lowerer.ConstantOf(fleet.PowerPrice),
            Maintenance: lowerer.ConstantOf(fleet.Maintenance),
            MarketResidual: fleet.MarketValue?.Residual is { } r ? lowerer.ConstantOf(r) : DefaultMarketResidual,
            MarketDecline: fleet.MarketValue?.Decline is { } d
                ? lowerer.ConstantOf(d)
                : fleet.Generation is null ? DefaultMarketDecline : DefaultDeclineWithGeneration,
            Generation: fleet.Generation is null ? -1 : lowerer.IndexOfName(fleet.Generation),
            IdleCost: lowerer.ConstantOf(fleet.IdleCost, 1.0));
    }
}
