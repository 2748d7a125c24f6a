using Antlr4.Runtime;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// A break option, one item read alike on a lease and on a contract (docs/language.md §5, "Break option").
internal sealed partial class CstToAst
{
    // BREAK_OPTION AT at+=duration (COMMA at+=duration)* (NOTICE notice=duration)? breakFee?   # leaseBreakOptionItem, # contractBreakOptionItem
    // breakFee : FEE months=duration OF basis=ident # breakFeeMonths | FEE amount=expr # breakFeeAmount ;
    private BreakOptionSyntax? VisitBreakOption(IList<DurationContext> dates, BreakFeeContext? breakFee, ParserRuleContext item,
        DurationContext? noticeContext = null)
    {
        DurationSyntax? notice = null;
        if (noticeContext is not null && (notice = VisitDuration(noticeContext)) is null)
        {
            return null;
        }

        var at = System.Collections.Immutable.ImmutableArray.CreateBuilder<DurationSyntax>();
        foreach (DurationContext d in dates)
        {
            if (VisitDuration(d) is not { } date)
            {
                return null;
            }

            at.Add(date);
        }

        DurationSyntax? months = null;
        NameSyntax? basis = null;
        ExpressionSyntax? amount = null;
        switch (breakFee)
        {
            case BreakFeeMonthsContext m:
                if ((months = VisitDuration(m.months)) is null || (basis = VisitIdent(m.basis)) is null)
                {
                    return null;
                }

                break;
            case BreakFeeAmountContext a:
                if ((amount = VisitExpr(a.amount)) is null)
                {
                    return null;
                }

                break;
        }

        return new BreakOptionSyntax(at.ToImmutable(), months, amount, Span(item)) { FeeBasis = basis, Notice = notice };
    }
}
