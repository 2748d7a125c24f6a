using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The facility kind's parsing: facilities and their value curves: 'facility Campus { cost 27bn  value straight_line 30y floor 20% }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // facilityDecl : FACILITY name=ident LBRACE facilityItem* RBRACE ;
    // facilityItem
    //     : COST expr                                                # costItem
    //     | VALUE STRAIGHT_LINE duration (FLOOR expr)? (FROM DATE)?  # straightLineValueItem
    //     | VALUE SCHEDULE LBRACE schedulePoint* RBRACE              # scheduleValueItem
    //     ;
    private FacilitySyntax? VisitFacilityDecl(FacilityDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"facility '{name.Text}'");
        ExpressionSyntax? cost = null;
        ValueCurveSyntax? value = null;
        foreach (FacilityItemContext item in context.facilityItem())
        {
            switch (item)
            {
                case CostItemContext c: items.Keep(ref cost, "cost", c, VisitExpr(c.expr())); break;
                case StraightLineValueItemContext s: items.Keep(ref value, "value", s, VisitStraightLine(s)); break;
                case ScheduleValueItemContext s: items.Keep(ref value, "value", s, VisitScheduleValue(s)); break;
            }
        }

        return new FacilitySyntax(name, cost, value, Span(context));
    }

    // VALUE STRAIGHT_LINE duration (FLOOR expr)? (FROM DATE)?  # straightLineValueItem
    private StraightLineValueSyntax? VisitStraightLine(StraightLineValueItemContext context)
    {
        DurationSyntax? life = VisitDuration(context.duration());
        ExpressionSyntax? floor = VisitExpr(context.expr());
        DateSyntax? from = VisitDate(context.DATE());
        return life is null ? null : new StraightLineValueSyntax(life, floor, from, Span(context));
    }

    // VALUE SCHEDULE LBRACE schedulePoint* RBRACE  # scheduleValueItem
    private ScheduleValueSyntax VisitScheduleValue(ScheduleValueItemContext context) =>
        new(VisitSchedulePoints(context.schedulePoint()), Span(context));
}
