using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// The fleet's diagnostics (GPU collateral, docs/language.md §5 "fleet"): DL0233 an idle unit's cost, DL0333–DL0337 units and values,
// DL0460–DL0465 structure (DL0466–DL0469 are the contract's). Kept in a file of their own so the kind's codes read together.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0233: an idle unit's share of its power and maintenance (<c>idle_cost</c>) outside [0, 100%]: an idle
    /// unit costs at least nothing and at most what a unit in use costs.</summary>
    public static Diagnostic IdleCostOutOfRange(SourceSpan span, string fleet, double value) =>
        Error("DL0233", span, SemanticText.Invariant(
            $"the idle_cost of fleet '{fleet}' is the share of a unit's power and maintenance still due while it is idle, so between 0% (powered off) and 100% (as a unit in use), not {SemanticText.FormatPercent(value)}"));

    /// <summary>DL0333: a fleet's term in the wrong compute unit: units that are not GPUs, a cost that is not money
    /// per GPU, power that is not kW per GPU, a power price that is not money per kWh or MWh.</summary>
    public static Diagnostic FleetTermUnit(SourceSpan span, string what, string expected, string actual, string example) =>
        Error("DL0333", span, $"{what} must be {expected} (e.g. '{example}'), not {actual}");

    /// <summary>DL0334: a fleet's count of units that is not a whole number of GPUs above zero.</summary>
    public static Diagnostic FleetUnitsNotWhole(SourceSpan span, string what, double value) =>
        Error("DL0334", span, string.Create(CultureInfo.InvariantCulture, $"{what} must be a whole number of GPUs above 0, not {value}"));

    /// <summary>DL0335: a power usage effectiveness below 1 (the facility's total power over the IT power can be no
    /// less than 1).</summary>
    public static Diagnostic PueBelowOne(SourceSpan span, string fleet, double value) =>
        Error("DL0335", span, string.Create(CultureInfo.InvariantCulture,
            $"the pue of fleet '{fleet}' is the facility's power over the GPUs' own, so at least 1 (e.g. 'pue 1.3'), not {value}"));

    /// <summary>DL0460: a fleet's deliveries not in date order (each batch must be delivered after the one before).</summary>
    public static Diagnostic DeliveriesNotInOrder(SourceSpan span, string date, string previous) =>
        Error("DL0460", span, $"deliveries must be in date order: {date} is not after the delivery before it ({previous})");

    /// <summary>DL0461: a delivery before closing or on or after the deal's maturity.</summary>
    public static Diagnostic DeliveryOutsideDeal(SourceSpan span, string fleet, string date, string closing, string maturity) =>
        Error("DL0461", span,
            $"a delivery of fleet '{fleet}' must be on or after closing ({closing}) and before the maturity ({maturity}), not {date}");

    /// <summary>DL0462: a fleet given both <c>deliveries</c> and one batch at closing (<c>units</c>, <c>unit_cost</c>).</summary>
    public static Diagnostic FleetBatchesTwice(SourceSpan span, string fleet) =>
        Error("DL0462", span,
            $"fleet '{fleet}' gives both 'deliveries' and 'units'/'unit_cost': write the batches in 'deliveries', or one batch at closing with 'units' and 'unit_cost'");

    /// <summary>DL0336: a repo market's depth or monthly limit of 0 GPUs: no unit could ever be sold.</summary>
    public static Diagnostic MarketVolumeNotPositive(SourceSpan span, string what) =>
        Error("DL0336", span, $"{what} must be above 0 GPUs a month, or no unit could ever be sold");

    /// <summary>DL0464: a sale with repo-market terms (depth, impact, limit, costs, reserve, keep contracts, relet idle) that does
    /// not sell exactly one fleet: only a fleet's units are sold month by month into a market.</summary>
    public static Diagnostic MarketSaleNotOneFleet(SourceSpan span, string why) =>
        Error("DL0464", span, $"a sale into the repo market (depth, impact, limit, costs, reserve, keep contracts, relet idle) sells the units of one fleet: {why}");

    /// <summary>DL0465: repo-market terms without a depth: the price impact and the default limit are measured
    /// against it.</summary>
    public static Diagnostic MarketWithoutDepth(SourceSpan span) =>
        Error("DL0465", span, "a sale into the repo market needs its depth (e.g. 'depth 1500 gpus per month'): the price impact and the monthly limit are measured against it");

    /// <summary>DL0521: a scenario sets repo-market levers (depth, impact, limit, costs, reserve, keep contracts or
    /// sell all) but no enforcement sale of the deal sells into a market, so they would change nothing.</summary>
    public static Diagnostic MarketLeverWithoutMarket(SourceSpan span, string scenario) =>
        Error("DL0521", span,
            $"scenario '{scenario}' sets the repo market's depth, impact, limit, costs, reserve or kept contracts, but no enforcement sale of the deal sells into a market (give the sale a 'depth')");
}
