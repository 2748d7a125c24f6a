using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The equity kind's parsing: equity and its holders: 'equity Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }';
// a fund's commitment and dated calls, its LP classes' own terms and its carry (deal by deal or whole fund).
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
        ExpressionSyntax? commitment = null;
        ImmutableArray<CapitalCallSyntax> calls = [];
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
                    var read = new CarrySyntax(VisitExpr(c.expr(0)), VisitIdent(c.gp), c.expr().Length > 1 ? VisitExpr(c.expr(1)) : null, Span(c))
                    {
                        DealByDeal = c.DEAL_BY_DEAL() is not null,
                    };
                    if (items.IsFirst("carry", Span(c)))
                    {
                        carry = read;
                    }

                    break;
                case EquityCommitmentItemContext c:
                    items.Keep(ref commitment, "commitment", c, VisitExpr(c.expr()));
                    break;
                case CallsItemContext c:
                    ImmutableArray<CapitalCallSyntax> read2 = VisitCalls(c);
                    if (items.IsFirst("calls", Span(c)))
                    {
                        calls = read2;
                    }

                    break;
            }
        }

        return new EquitySyntax(name, contributed, holders, Span(context)) { Hurdle = hurdle, Carry = carry, Commitment = commitment, Calls = calls };
    }

    // capitalCall : DATE expr ;
    private ImmutableArray<CapitalCallSyntax> VisitCalls(CallsItemContext context)
    {
        var calls = ImmutableArray.CreateBuilder<CapitalCallSyntax>();
        foreach (CapitalCallContext call in context.capitalCall())
        {
            if (VisitDate(call.DATE()) is { } date)
            {
                calls.Add(new CapitalCallSyntax(date, VisitExpr(call.expr()), Span(call)));
            }
        }

        return calls.ToImmutable();
    }

    // holder : ident expr (LBRACE holderTerm* RBRACE)? ;  holderTerm : HURDLE expr | CARRY expr | CATCH_UP expr ;
    private ImmutableArray<HolderSyntax> VisitHolders(HoldersItemContext context)
    {
        var holders = ImmutableArray.CreateBuilder<HolderSyntax>();
        foreach (HolderContext holder in context.holder())
        {
            NameSyntax? party = VisitIdent(holder.ident());
            ExpressionSyntax? share = VisitExpr(holder.expr());
            if (party is null || share is null)
            {
                continue;
            }

            var terms = new ItemSet(this, $"the class '{party.Text}'");
            ExpressionSyntax? hurdle = null, carry = null, catchUp = null;
            foreach (HolderTermContext term in holder.holderTerm())
            {
                switch (term)
                {
                    case HolderHurdleContext h:
                        terms.Keep(ref hurdle, "hurdle", h, VisitExpr(h.expr()));
                        break;
                    case HolderCarryContext c:
                        terms.Keep(ref carry, "carry", c, VisitExpr(c.expr()));
                        break;
                    case HolderCatchUpContext c:
                        terms.Keep(ref catchUp, "catch_up", c, VisitExpr(c.expr()));
                        break;
                }
            }

            holders.Add(new HolderSyntax(party, share, Span(holder)) { Hurdle = hurdle, Carry = carry, CatchUp = catchUp });
        }

        return holders.ToImmutable();
    }
}
