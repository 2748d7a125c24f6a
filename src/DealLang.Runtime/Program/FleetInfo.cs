namespace DealLang.Runtime;

/// <summary>One batch of a fleet: <see cref="Units"/> GPUs delivered on <see cref="Delivered"/> at
/// <see cref="UnitCost"/> each.</summary>
public sealed record FleetBatch(Date Delivered, double Units, double UnitCost);

/// <summary>
/// GPUs the deal owns (docs/language.md §5 "fleet"): its batches, its book depreciation (straight line over
/// <see cref="LifeMonths"/> from each batch's delivery, or, when that is 0, declining balance at
/// <see cref="DecliningRate"/> a year), its market value (cost × <see cref="MarketResidual"/> ×
/// (1 − <see cref="MarketDecline"/>)^age), and its opex: power (kW per GPU × PUE × price per kWh × hours held)
/// and maintenance (a share of cost a year), of which an idle unit (held, and taken by no running contract) costs the
/// share <see cref="IdleCost"/> (1: as a unit in use). With a <see cref="Generation"/> (an index of
/// <see cref="DealDescription.Indices"/>; −1 for none), each batch's market value is also × the index's level now
/// over its level in the batch's delivery period. <see cref="FleetCurves.Compute"/> turns it into per-period figures.
/// </summary>
public sealed record FleetInfo(
    string Name,
    FleetBatch[] Batches,
    int LifeMonths,
    double DecliningRate,
    double PowerKwPerGpu,
    double Pue,
    double PowerPricePerKwh,
    double Maintenance,
    double MarketResidual,
    double MarketDecline,
    int Generation = -1,
    double IdleCost = 1.0)
{
    /// <summary>How the book value falls, for reports: "straight_line 72m", "declining 30%".</summary>
    public string Depreciation => LifeMonths > 0
        ? "straight_line " + LifeMonths.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m"
        : "declining " + (DecliningRate * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
