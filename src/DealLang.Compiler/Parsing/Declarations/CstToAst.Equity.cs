using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The equity kind's parsing: equity and its holders: 'equity Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // equityDecl : EQUITY name=ident LBRACE equityItem* RBRACE ;
    // equityItem : CONTRIBUTED expr # contributedItem | HOLDERS holder (COMMA holder)* # holdersItem
    //            | HURDLE expr # hurdleItem | CARRY expr TO gp=ident (CATCH_UP expr)? # carryItem ;
    private EquitySyntax? VisitEquityDecl(EquityDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"equity '{name.Text}'");
        ExpressionSyntax? contributed = null;
        ImmutableArray<HolderSyntax> holders = [];
        ExpressionSyntax? hurdle = null;
        CarrySyntax? carry = null;
        foreach (EquityItemContext item in context.equityItem())
        {
            switch (item)
            {
                case ContributedItemContext c:
                    items.Keep(ref contributed, "contributed", c, VisitExpr(c.expr()));
                    break;
                case HoldersItemContext h:
                    ImmutableArray<HolderSyntax> list = VisitHolders(h);
                    if (items.IsFirst("holders", Span(h)))
                    {
                        holders = list;
                    }

                    break;
                case HurdleItemContext h:
                    items.Keep(ref hurdle, "hurdle", h, VisitExpr(h.expr()));
                    break;
                case CarryItemContext c:
                    var read = new CarrySyntax(VisitExpr(c.expr(0)), VisitIdent(c.gp), c.expr().Length > 1 ? VisitExpr(c.expr(1)) : null, Span(c));
                    if (items.IsFirst("carry", Span(c)))
                    {
                        carry = read;
                    }

                    break;
            }
        }

        return new EquitySyntax(name, contributed, holders, Span(context)) { Hurdle = hurdle, Carry = carry };
    }

    // holder : ident expr ;
    private ImmutableArray<HolderSyntax> VisitHolders(HoldersItemContext context)
    {
        var holders = ImmutableArray.CreateBuilder<HolderSyntax>();
        foreach (HolderContext holder in context.holder())
        {
            NameSyntax? party = VisitIdent(holder.ident());
            ExpressionSyntax? share = VisitExpr(holder.expr());
            if (party is not null && share is not null)
            {
                holders.Add(new HolderSyntax(party, share, Span(holder)));
            }
        }

        return holders.ToImmutable();
    }
}
