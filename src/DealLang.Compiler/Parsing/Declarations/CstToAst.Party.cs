using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The party kind's parsing: parties: 'party Meta { rating "AA-"  pd 0.03%  recovery 60% }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // partyDecl : PARTY name=ident LBRACE partyItem* RBRACE ;
    // partyItem : RATING STRING # ratingItem | PD expr # pdItem | RECOVERY expr # recoveryItem ;
    private PartySyntax? VisitPartyDecl(PartyDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"party '{name.Text}'");
        StringLiteralSyntax? rating = null;
        ExpressionSyntax? pd = null, recovery = null;
        foreach (PartyItemContext item in context.partyItem())
        {
            switch (item)
            {
                case RatingItemContext r: items.Keep(ref rating, "rating", r, VisitString(r.STRING())); break;
                case PdItemContext p: items.Keep(ref pd, "pd", p, VisitExpr(p.expr())); break;
                case RecoveryItemContext r: items.Keep(ref recovery, "recovery", r, VisitExpr(r.expr())); break;
            }
        }

        return new PartySyntax(name, rating, pd, recovery, Span(context));
    }
}
