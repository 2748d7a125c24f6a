using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The tranche kind's parsing: tranches, their amortisation and seniority: 'tranche Notes { balance 27.3bn  coupon 6.581% fixed … }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // trancheDecl : TRANCHE name=ident LBRACE trancheItem* RBRACE ;
    // trancheItem
    //     : BALANCE expr                # balanceItem
    //     | COUPON expr FIXED?          # couponItem
    //     | INTEREST_ONLY UNTIL DATE    # interestOnlyItem
    //     | AMORTIZE amortization       # amortizeItem
    //     | MATURITY DATE               # trancheMaturityItem
    //     | SENIORITY NUMBER            # seniorityItem
    //     ;
    private TrancheSyntax? VisitTrancheDecl(TrancheDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"tranche '{name.Text}'");
        ExpressionSyntax? balance = null, coupon = null;
        DateSyntax? interestOnlyUntil = null, maturity = null;
        AmortizationSyntax? amortization = null;
        SenioritySyntax? seniority = null;
        foreach (TrancheItemContext item in context.trancheItem())
        {
            switch (item)
            {
                case BalanceItemContext b:
                    items.Keep(ref balance, "balance", b, VisitExpr(b.expr()));
                    break;
                case CouponItemContext c:
                    // 'fixed' is the only kind of coupon so far; the word is accepted and carries no information.
                    items.Keep(ref coupon, "coupon", c, VisitExpr(c.expr()));
                    break;
                case InterestOnlyItemContext i:
                    items.Keep(ref interestOnlyUntil, "interest_only", i, VisitDate(i.DATE()));
                    break;
                case AmortizeItemContext a:
                    items.Keep(ref amortization, "amortize", a, VisitAmortization(a.amortization()));
                    break;
                case TrancheMaturityItemContext m:
                    items.Keep(ref maturity, "maturity", m, VisitDate(m.DATE()));
                    break;
                case SeniorityItemContext s:
                    items.Keep(ref seniority, "seniority", s, VisitSeniority(s));
                    break;
            }
        }

        return new TrancheSyntax(name, balance, coupon, interestOnlyUntil, amortization, maturity, seniority, Span(context));
    }

    // SENIORITY NUMBER   # seniorityItem
    private SenioritySyntax? VisitSeniority(SeniorityItemContext context) =>
        VisitWholeNumber(Matched(context.NUMBER()), "seniority", minimum: 1) is { } rank
            ? new SenioritySyntax(rank, Span(context))
            : null;

    // amortization
    //     : BULLET                                  # bulletAmortization
    //     | LEVEL                                   # levelAmortization
    //     | LINEAR                                  # linearAmortization
    //     | SCHEDULE LBRACE schedulePoint* RBRACE   # scheduleAmortization
    //     ;
    private AmortizationSyntax? VisitAmortization(AmortizationContext? context) => context switch
    {
        BulletAmortizationContext b => new AmortizationSyntax(AmortizationKind.Bullet, [], Span(b)),
        LevelAmortizationContext l => new AmortizationSyntax(AmortizationKind.Level, [], Span(l)),
        LinearAmortizationContext l => new AmortizationSyntax(AmortizationKind.Linear, [], Span(l)),
        ScheduleAmortizationContext s =>
            new AmortizationSyntax(AmortizationKind.Schedule, VisitSchedulePoints(s.schedulePoint()), Span(s)),
        _ => null,
    };
}
