using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// <c>fleet Cluster { deliveries { … }  depreciate straight_line 6y  power … }</c>: GPUs the deal owns (docs/language.md
/// §5 "fleet"). Its terms are constants in compute units: units in GPUs, costs in money per GPU, power in kW per GPU,
/// the power price in money per kWh (DL0333), an idle unit's share of its running costs a rate in [0, 100%]
/// (DL0233); its batches are delivered in order within the deal (DL0460, DL0461).
/// </summary>
internal sealed class FleetRules : DeclarationRules<FleetSyntax>
{
    internal static readonly Dimension Gpus = new(0, 1, 0, 0);
    internal static readonly Dimension MoneyPerGpu = new(1, -1, 0, 0);
    internal static readonly Dimension KwPerGpu = new(0, -1, 0, 1);
    internal static readonly Dimension MoneyPerKwh = new(1, 0, -1, -1);
    internal static readonly Dimension MoneyPerGpuHour = new(1, -1, -1, 0);

    public override DeclarationKind Kind => DeclarationKind.Fleet;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("units", Quantity.FleetUnits, Unit.Measure, false, Gpus),
        new("book_value", Quantity.FleetBookValue, Unit.Money, false),
        new("market_value", Quantity.FleetMarketValue, Unit.Money, false),
        new("age", Quantity.FleetAge, Unit.Number, false),
        new("idle_units", Quantity.FleetIdleUnits, Unit.Measure, false, Gpus),
        new("opex", Quantity.FleetOpex, Unit.Money, true),
    ]);

    protected override void Bind(FleetSyntax fleet, Binder binder)
    {
        binder.RequireKind(fleet.Generation, SymbolKind.Index, $"the generation of fleet '{fleet.Name?.Text}' must be an index (its rent index)");
        foreach (DeliverySyntax delivery in SyntaxWalk.Safe(fleet.Deliveries))
        {
            binder.BindTerms(delivery.Units, delivery.Cost);
        }

        binder.BindTerms(fleet.Units, fleet.UnitCost, fleet.Power, fleet.Pue, fleet.PowerPrice, fleet.Maintenance, fleet.IdleCost,
            (fleet.Depreciation as DecliningDepreciationSyntax)?.Rate, fleet.MarketValue?.Residual, fleet.MarketValue?.Decline);
    }

    protected override void CheckTerms(FleetSyntax fleet, TypeChecker checker)
    {
        string f = $"fleet '{fleet.Name?.Text}'";
        foreach (DeliverySyntax delivery in SyntaxWalk.Safe(fleet.Deliveries))
        {
            Count(checker, delivery.Units, $"the units of a delivery of {f}");
            checker.MeasureTerm(delivery.Cost, MoneyPerGpu, $"the cost per unit of a delivery of {f}", "31k per gpu");
        }

        Count(checker, fleet.Units, $"the units of {f}");
        checker.MeasureTerm(fleet.UnitCost, MoneyPerGpu, $"the unit_cost of {f}", "30k per gpu");
        if (fleet.Depreciation is DecliningDepreciationSyntax declining)
        {
            checker.Term(declining.Rate, Unit.Rate, $"the declining-balance rate of {f}", TypeChecker.Range.Fraction);
        }

        checker.MeasureTerm(fleet.Power, KwPerGpu, $"the power of {f}", "0.7 kW per gpu");
        checker.Term(fleet.Pue, Unit.Ratio, $"the pue of {f}", TypeChecker.Range.NonNegative);
        if (fleet.Pue is { } pue && checker.Analysis.Bound.TryGetValue(pue, out BoundExpression? bound)
            && bound is ConstantExpression { Value: < 1 } low)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.PueBelowOne(pue.Span, fleet.Name?.Text ?? "", low.Value));
        }

        checker.MeasureTerm(fleet.PowerPrice, MoneyPerKwh, $"the power_price of {f}", "80 per MWh");
        checker.Term(fleet.Maintenance, Unit.Rate, $"the maintenance of {f}", TypeChecker.Range.Fraction);
        CheckIdleCost(fleet, checker, f);
        checker.Term(fleet.MarketValue?.Residual, Unit.Rate, $"the market value's share of cost of {f}", TypeChecker.Range.Fraction);
        checker.Term(fleet.MarketValue?.Decline, Unit.Rate, $"the market value's yearly decline of {f}", TypeChecker.Range.Fraction);
        CheckGeneration(fleet, checker, f);
    }

    // An idle unit's share of its power and maintenance: a share of what a unit in use costs, from nothing (powered
    // off, unserviced) to all of it (today's default); the range has its own code, whose message says what the share is.
    private static void CheckIdleCost(FleetSyntax fleet, TypeChecker checker, string f)
    {
        checker.Term(fleet.IdleCost, Unit.Rate, $"the idle_cost of {f}", TypeChecker.Range.Any);
        if (fleet.IdleCost is { } idleCost && checker.Analysis.Bound.TryGetValue(idleCost, out BoundExpression? bound)
            && bound is ConstantExpression { Value: < 0 or > 1 } outside)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.IdleCostOutOfRange(idleCost.Span, fleet.Name?.Text ?? "", outside.Value));
        }
    }

    // The generation's level moves the GPUs' market value by its ratio to the level at delivery: a rent (money per
    // GPU-hour) or a price of GPUs (money per GPU) index does that meaningfully; a rate such as SOFR does not.
    private static void CheckGeneration(FleetSyntax fleet, TypeChecker checker, string f)
    {
        if (fleet.Generation is not { } generation
            || !checker.Analysis.Names.TryGetValue(generation, out Symbol? symbol)
            || symbol.Declaration is not IndexSyntax index)
        {
            return;
        }

        BoundExpression level = checker.IndexLevel(index);
        if (level is BadExpression
            || (level.Unit == Unit.Measure && (level.Dimension == MoneyPerGpuHour || level.Dimension == MoneyPerGpu)))
        {
            return;
        }

        checker.Diagnostics.Add(DiagnosticCatalogue.FleetTermUnit(generation.Span, $"the generation index of {f}",
            "a price per GPU-hour or per GPU", UnitNames.Described(level), "index H100Rent { level 2.35 per gpu_hour }"));
    }

    // A count of GPUs: in GPUs (or a bare number), whole and above 0.
    private static void Count(TypeChecker checker, ExpressionSyntax? units, string what)
    {
        if (checker.MeasureTerm(units, Gpus, what, "4000 gpus") is { } value && (value < 1 || value != Math.Floor(value)))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.FleetUnitsNotWhole(units!.Span, what, value));
        }
    }

    protected override void CheckStructure(FleetSyntax fleet, DealChecks checks)
    {
        string name = fleet.Name?.Text ?? "";
        bool oneBatch = fleet.Units is not null || fleet.UnitCost is not null;
        if (fleet.DeliveriesSpan is not null && oneBatch)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.FleetBatchesTwice(fleet.Name?.Span ?? fleet.Span, name));
        }
        else if (fleet.DeliveriesSpan is null && !oneBatch)
        {
            checks.Missing(fleet, "its GPUs: 'deliveries { 2026-03-31 4000 gpus at 31k per gpu }', or 'units 10000 gpus  unit_cost 30k per gpu' at closing");
        }
        else if (fleet.DeliveriesSpan is null)
        {
            if (fleet.Units is null)
            {
                checks.Missing(fleet, "its units (e.g. 'units 10000 gpus')");
            }

            if (fleet.UnitCost is null)
            {
                checks.Missing(fleet, "a unit_cost (e.g. 'unit_cost 30k per gpu')");
            }
        }
        else if (!SyntaxWalk.Safe(fleet.Deliveries).Any())
        {
            checks.Missing(fleet, "a delivery in its deliveries (e.g. '2026-03-31 4000 gpus at 31k per gpu')");
        }

        CheckDeliveries(fleet, checks, name);
        switch (fleet.Depreciation)
        {
            case null:
                checks.Missing(fleet, "a depreciation (e.g. 'depreciate straight_line 6y' or 'depreciate declining 30% per year')");
                break;
            case StraightLineDepreciationSyntax { Life: { } life }:
                checks.MonthsOf(life, $"the useful life of fleet '{name}'");
                break;
            case DecliningDepreciationSyntax { Rate: null }:
                checks.Missing(fleet, "a declining-balance rate (e.g. 'depreciate declining 30% per year')");
                break;
        }

        if (fleet.Power is not null && fleet.PowerPrice is null)
        {
            checks.Missing(fleet, "a power_price for its power (e.g. 'power_price 80 per MWh')");
        }
        else if (fleet.PowerPrice is not null && fleet.Power is null)
        {
            checks.Missing(fleet, "its power per GPU for its power_price (e.g. 'power 0.7 kW per gpu')");
        }
    }

    // Each batch after the one before, on or after closing and before the maturity.
    private static void CheckDeliveries(FleetSyntax fleet, DealChecks checks, string name)
    {
        DeliverySyntax? previous = null;
        foreach (DeliverySyntax delivery in SyntaxWalk.Safe(fleet.Deliveries))
        {
            Date date = delivery.Date.Value;
            if (checks.Closing is { } closing && checks.Maturity is { } maturity && (date < closing || date >= maturity))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.DeliveryOutsideDeal(
                    delivery.Date.Span, name, date.ToString(), closing.ToString(), maturity.ToString()));
            }

            if (previous is not null && date <= previous.Date.Value)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.DeliveriesNotInOrder(delivery.Date.Span, date.ToString(), previous.Date.Value.ToString()));
            }

            previous = delivery;
        }
    }
}
