using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The fee kind's parsing: fees: 'fee Opex { 0.5% of Campus.value per year escalating 2% per year }', with 'until
// repaid' and 'until default' after the amount.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // feeDecl : FEE name=ident LBRACE expr (perYear (ESCALATING expr perYear)?)? feeUntil* RBRACE ;
    // feeUntil : UNTIL (REPAID | DEFAULT) ;
    private FeeSyntax? VisitFeeDecl(FeeDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? amount = VisitExpr(context.expr(0));
        ExpressionSyntax? escalator = context.ESCALATING() is null ? null : VisitExpr(context.expr(1));
        bool perYear = context.perYear().Length > 0;

        // 'until repaid' and 'until default' are each one term: written again it is DL0105 at the copy, as a tranche's
        // second coupon is (the grammar takes any number so that the copy gets that message and its place, not a parse
        // error). Both may be written: a fee that ends with the debt and at a default, whichever comes first.
        SourceSpan? untilRepaid = null;
        SourceSpan? untilDefault = null;
        var items = new ItemSet(this, $"fee '{name?.Text}'");
        foreach (var until in context.feeUntil())
        {
            if (Matched(until.REPAID()) is not null && items.IsFirst("until repaid", Span(until)))
            {
                untilRepaid = Span(until);
            }
            else if (Matched(until.DEFAULT()) is not null && items.IsFirst("until default", Span(until)))
            {
                untilDefault = Span(until);
            }
        }

        // An unreadable amount ('25bq per year', already reported) keeps the fee, so that 'pay Trustee' is not
        // reported as undeclared too; later stages take the null amount as unknown and say nothing of it.
        return name is null ? null : new FeeSyntax(name, amount!, escalator, Span(context), perYear, untilRepaid, untilDefault);
    }
}
