using Antlr4.Runtime;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// A break option, one item read alike on a lease and on a contract (docs/language.md §5, "Break option").
internal sealed partial class CstToAst
{
    // breakOption : BREAK_OPTION AT at+=duration (COMMA at+=duration)* (NOTICE notice=duration)? breakFee? (WITH RVG rvgPart*)? ;
    // breakFee : FEE months=duration OF basis=ident # breakFeeMonths | FEE amount=expr # breakFeeAmount ;
    // The node spans 'item': the item it is written as, or the renewals clause it is written in.
    private BreakOptionSyntax? VisitBreakOption(BreakOptionContext option, ParserRuleContext item)
    {
        DurationSyntax? notice = null;
        if (option.notice is not null && (notice = VisitDuration(option.notice)) is null)
        {
            return null;
        }

        var at = System.Collections.Immutable.ImmutableArray.CreateBuilder<DurationSyntax>();
        foreach (DurationContext d in option._at)
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
        switch (option.breakFee())
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

        // 'with rvg' spans its two words, where a lease without an RVG (DL0555) or a contract (DL0556) is reported. Both
        // words are asked for: the parser's recovery keeps a stray 'rvg' it skipped ('break_option rvg at 18m', reported
        // as a syntax error) as a node of the rule, without its 'with'.
        SourceSpan? withRvg = option.WITH() is { } withWord && option.RVG() is { } rvg && Span(rvg.Symbol) is var end
            ? Span(withWord.Symbol) with { EndLine = end.EndLine, EndColumn = end.EndColumn }
            : null;
        // 'with rvg guarantees 90m cap 20m': the break's own terms, spanning the parts written (after 'with rvg').
        RvgPartContext[] parts = option.rvgPart();
        RvgSyntax? terms = withRvg is not null && parts.Length > 0
            ? VisitRvgParts(parts, "the rvg owed at the break", Span(parts[0]) with { EndLine = Span(parts[^1]).EndLine, EndColumn = Span(parts[^1]).EndColumn })
            : null;
        return new BreakOptionSyntax(at.ToImmutable(), months, amount, Span(item)) { FeeBasis = basis, Notice = notice, WithRvg = withRvg, RvgTerms = terms };
    }
}
