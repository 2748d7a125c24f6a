using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The holding kind's parsing: 'holding HyperionNotes { of Hyperion.Notes  face 500m  mark par }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // holdingDecl : HOLDING name=ident LBRACE holdingItem* RBRACE ;
    // holdingItem : OF entity=ident DOT member=ident # heldItem | SHARE expr # shareItem | FACE expr # faceItem
    //             | MARK PAR # markParItem | MARK ident # markIndexItem | MARKET holdingMarketTerm+ # holdingMarketItem ;
    private HoldingSyntax? VisitHoldingDecl(HoldingDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"holding '{name.Text}'");
        (NameSyntax Entity, NameSyntax Member)? held = null;
        ExpressionSyntax? share = null;
        ExpressionSyntax? face = null;
        NameSyntax? mark = null;
        bool marked = false;
        HoldingMarketSyntax? market = null;
        NameSyntax? drawsFrom = null;
        foreach (HoldingItemContext item in context.holdingItem())
        {
            switch (item)
            {
                case HeldItemContext h when VisitIdent(h.entity) is { } entity && VisitIdent(h.member) is { } member:
                    if (items.IsFirst("of", Span(h)))
                    {
                        held = (entity, member);
                    }

                    break;
                case ShareItemContext s:
                    items.Keep(ref share, "share", s, VisitExpr(s.expr()));
                    break;
                case FaceItemContext f:
                    items.Keep(ref face, "face", f, VisitExpr(f.expr()));
                    break;
                case MarkParItemContext p:
                    if (items.IsFirst("mark", Span(p)))
                    {
                        marked = true;
                    }

                    break;
                case MarkIndexItemContext m:
                    if (items.IsFirst("mark", Span(m)) && !marked)
                    {
                        mark = VisitIdent(m.ident());
                    }

                    break;
                case HoldingMarketItemContext m:
                    if (items.IsFirst("market", Span(m)))
                    {
                        market = VisitHoldingMarket(m.holdingMarketTerm(), Span(m), $"the market of holding '{name.Text}'");
                    }

                    break;
                case DrawsCalledFromItemContext d:
                    if (items.IsFirst("draws called from", Span(d)))
                    {
                        drawsFrom = VisitIdent(d.ident());
                    }

                    break;
            }
        }

        return new HoldingSyntax(name, held?.Entity, held?.Member, share, face, mark, Span(context), market) { DrawsFrom = drawsFrom };
    }

    // holdingMarketTerm : DISCOUNT expr # holdingDiscountTerm | DEPTH expr # holdingDepthTerm | IMPACT expr # holdingImpactTerm ;
    // Shared by the holding's item and a scenario's lever; a term given twice is DL0105, the first kept.
    internal HoldingMarketSyntax VisitHoldingMarket(HoldingMarketTermContext[] terms, Diagnostics.SourceSpan span, string what)
    {
        var items = new ItemSet(this, what);
        ExpressionSyntax? discount = null;
        ExpressionSyntax? depth = null;
        ExpressionSyntax? impact = null;
        foreach (HoldingMarketTermContext term in terms)
        {
            switch (term)
            {
                case HoldingDiscountTermContext d:
                    items.Keep(ref discount, "discount", d, VisitExpr(d.expr()));
                    break;
                case HoldingDepthTermContext d:
                    items.Keep(ref depth, "depth", d, VisitExpr(d.expr()));
                    break;
                case HoldingImpactTermContext i:
                    items.Keep(ref impact, "impact", i, VisitExpr(i.expr()));
                    break;
            }
        }

        return new HoldingMarketSyntax(discount, depth, impact, span);
    }
}
