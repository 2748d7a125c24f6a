using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The index kind's parsing: 'index H100Rent { level 2.35 per gpu_hour  deflate 15% per year (or grow …)  points stepped { … }
// launch 2027-06-30 down 20% }'. Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs). The
// points and the launch are also a scenario's overrides (CstToAst.Scenarios.cs), hence VisitPoints and VisitLaunch.
internal sealed partial class CstToAst
{
    // indexDecl : INDEX name=ident LBRACE indexItem* RBRACE ;
    // indexItem
    //     : LEVEL expr                                        # indexLevelItem
    //     | DEFLATE expr perYear                              # indexDeflateItem
    //     | GROW expr perYear                                 # indexGrowItem
    //     | POINTS pointsKind LBRACE schedulePoint* RBRACE    # indexPointsItem
    //     | LAUNCH DATE DOWN expr                             # indexLaunchItem
    //     ;
    private IndexSyntax? VisitIndexDecl(IndexDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"index '{name.Text}'");
        ExpressionSyntax? level = null, deflate = null, grow = null;
        IndexPointsSyntax? points = null;
        var launches = ImmutableArray.CreateBuilder<LaunchSyntax>();
        foreach (IndexItemContext item in context.indexItem())
        {
            switch (item)
            {
                case IndexLevelItemContext l:
                    items.Keep(ref level, "level", l, VisitExpr(l.expr()));
                    break;
                case IndexDeflateItemContext d:
                    items.Keep(ref deflate, "deflate", d, VisitExpr(d.expr()));
                    break;
                case IndexGrowItemContext g:
                    // A 'deflate' as well is DL0766 (IndexRules): both are kept so the check can point at each.
                    items.Keep(ref grow, "grow", g, VisitExpr(g.expr()));
                    break;
                case IndexPointsItemContext p:
                    items.Keep(ref points, "points", p, VisitPoints(p.pointsKind(), p.schedulePoint(), p));
                    break;
                case IndexLaunchItemContext a when VisitLaunch(a.DATE(), a.expr(), a) is { } launch:
                    // Launches may be many: each is a step down of its own.
                    launches.Add(launch);
                    break;
            }
        }

        return new IndexSyntax(name, level, deflate, points, launches.ToImmutable(), Span(context), grow);
    }

    // pointsKind : STEPPED | INTERPOLATED ;  (then LBRACE schedulePoint* RBRACE)
    private IndexPointsSyntax? VisitPoints(PointsKindContext? kind, SchedulePointContext[] points, Antlr4.Runtime.ParserRuleContext whole)
    {
        if (kind is null)
        {
            return null;
        }

        PointsKind k = kind.INTERPOLATED() is not null ? PointsKind.Interpolated : PointsKind.Stepped;
        return new IndexPointsSyntax(k, VisitSchedulePoints(points), Span(whole));
    }

    // LAUNCH DATE DOWN expr
    private LaunchSyntax? VisitLaunch(Antlr4.Runtime.Tree.ITerminalNode? date, ExprContext? down, Antlr4.Runtime.ParserRuleContext whole) =>
        VisitDate(date) is { } d ? new LaunchSyntax(d, VisitExpr(down), Span(whole)) : null;
}
