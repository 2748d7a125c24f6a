using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The fleet kind's parsing: 'fleet Cluster { deliveries { 2025-03-31 4000 gpus at 31k per gpu }  depreciate
// straight_line 6y  power 0.7 kW per gpu  pue 1.3  power_price 80 per MWh  maintenance 2% per year … }'. Found by
// its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // fleetDecl : FLEET name=ident LBRACE fleetItem* RBRACE ;
    // fleetItem
    //     : DELIVERIES LBRACE delivery* RBRACE              # deliveriesItem
    //     | UNITS expr                                      # fleetUnitsItem
    //     | UNIT_COST expr                                  # unitCostItem
    //     | DEPRECIATE STRAIGHT_LINE duration               # straightLineDepreciationItem
    //     | DEPRECIATE DECLINING expr perYear               # decliningDepreciationItem
    //     | POWER expr                                      # powerItem
    //     | PUE expr                                        # pueItem
    //     | POWER_PRICE expr                                # powerPriceItem
    //     | MAINTENANCE expr perYear                        # maintenanceItem
    //     | IDLE_COST expr                                  # idleCostItem
    //     | MARKET_VALUE expr DECLINING expr perYear        # marketValueItem
    //     | GENERATION ident                                # generationItem
    //     ;
    private FleetSyntax? VisitFleetDecl(FleetDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"fleet '{name.Text}'");
        ImmutableArray<DeliverySyntax> deliveries = [];
        SourceSpan? deliveriesSpan = null;
        ExpressionSyntax? units = null, unitCost = null, power = null, pue = null, powerPrice = null, maintenance = null, idleCost = null;
        DepreciationSyntax? depreciation = null;
        MarketValueSyntax? marketValue = null;
        NameSyntax? generation = null;
        foreach (FleetItemContext item in context.fleetItem())
        {
            switch (item)
            {
                case DeliveriesItemContext d:
                    // Read even when repeated, so the repeat's own mistakes are reported; only the first is kept.
                    var read = VisitDeliveries(d.delivery());
                    if (items.IsFirst("deliveries", Span(d)))
                    {
                        deliveries = read;
                        deliveriesSpan = Span(d);
                    }

                    break;
                case FleetUnitsItemContext u: items.Keep(ref units, "units", u, VisitExpr(u.expr())); break;
                case UnitCostItemContext c: items.Keep(ref unitCost, "unit_cost", c, VisitExpr(c.expr())); break;
                case StraightLineDepreciationItemContext s:
                    items.Keep(ref depreciation, "depreciate", s,
                        VisitDuration(s.duration()) is { } life ? new StraightLineDepreciationSyntax(life, Span(s)) : null);
                    break;
                case DecliningDepreciationItemContext dd:
                    items.Keep(ref depreciation, "depreciate", dd, new DecliningDepreciationSyntax(VisitExpr(dd.expr()), Span(dd)));
                    break;
                case PowerItemContext p: items.Keep(ref power, "power", p, VisitExpr(p.expr())); break;
                case PueItemContext p: items.Keep(ref pue, "pue", p, VisitExpr(p.expr())); break;
                case PowerPriceItemContext p: items.Keep(ref powerPrice, "power_price", p, VisitExpr(p.expr())); break;
                case MaintenanceItemContext m: items.Keep(ref maintenance, "maintenance", m, VisitExpr(m.expr())); break;
                case IdleCostItemContext ic: items.Keep(ref idleCost, "idle_cost", ic, VisitExpr(ic.expr())); break;
                case GenerationItemContext g: items.Keep(ref generation, "generation", g, VisitIdent(g.ident())); break;
                case MarketValueItemContext mv:
                    items.Keep(ref marketValue, "market_value", mv,
                        new MarketValueSyntax(VisitExpr(mv.expr(0)), VisitExpr(mv.expr(1)), Span(mv)));
                    break;
            }
        }

        return new FleetSyntax(name, deliveries, deliveriesSpan, units, unitCost, depreciation, power, pue, powerPrice,
            maintenance, idleCost, marketValue, generation, Span(context));
    }

    // delivery : DATE units=expr AT cost=expr COMMA? ;
    private ImmutableArray<DeliverySyntax> VisitDeliveries(DeliveryContext[] deliveries)
    {
        var result = ImmutableArray.CreateBuilder<DeliverySyntax>(deliveries.Length);
        foreach (DeliveryContext delivery in deliveries)
        {
            if (VisitDate(delivery.DATE()) is { } date)
            {
                result.Add(new DeliverySyntax(date, VisitExpr(delivery.units), VisitExpr(delivery.cost), Span(delivery)));
            }
        }

        return result.ToImmutable();
    }
}
