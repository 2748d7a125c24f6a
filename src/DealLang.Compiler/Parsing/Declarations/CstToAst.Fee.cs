using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The fee kind's parsing: fees: 'fee Opex { 0.5% of Campus.value per year escalating 2% per year }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // feeDecl : FEE name=ident LBRACE expr (perYear (ESCALATING expr perYear)?)? feeUntilRepaid* RBRACE ;
    private FeeSyntax? VisitFeeDecl(FeeDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? amount = VisitExpr(context.expr(0));
        ExpressionSyntax? escalator = context.ESCALATING() is null ? null : VisitExpr(context.expr(1));
        bool perYear = context.perYear().Length > 0;

        // 'until repaid' is one term: written again it is DL0105 at the copy, as a tranche's second coupon is (the
        // grammar takes any number so that the copy gets that message and its place, not a parse error).
        SourceSpan? untilRepaid = null;
        var items = new ItemSet(this, $"fee '{name?.Text}'");
        foreach (var until in context.feeUntilRepaid().Where(u => Matched(u.REPAID()) is not null))
        {
            if (items.IsFirst("until repaid", Span(until)))
            {
                untilRepaid = Span(until);
            }
        }

        // An unreadable amount ('25bq per year', already reported) keeps the fee, so that 'pay Trustee' is not
        // reported as undeclared too; later stages take the null amount as unknown and say nothing of it.
        return name is null ? null : new FeeSyntax(name, amount!, escalator, Span(context), perYear, untilRepaid);
    }
}
