using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The loan kind's parsing: 'loan MinerLoan { obligor Miner  balance 400m  coupon 11% fixed … }'. Its coupon and
// amortisation are the tranche's rules and visitors (VisitCouponTerms, VisitAmortization, CstToAst.Tranche.cs). Found by its kind through
// CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // loanDecl : LOAN name=ident LBRACE loanItem* RBRACE ;
    // loanItem
    //     : OBLIGOR ident               # obligorItem
    //     | BALANCE expr                # loanBalanceItem
    //     | COUPON couponTerms          # loanCouponItem
    //     | INTEREST_ONLY UNTIL DATE    # loanInterestOnlyItem
    //     | AMORTIZE amortization       # loanAmortizeItem
    //     | MATURITY DATE               # loanMaturityItem
    //     | RECOVERY expr (AFTER duration)? # loanRecoveryItem
    //     ;
    private LoanSyntax? VisitLoanDecl(LoanDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"loan '{name.Text}'");
        NameSyntax? obligor = null;
        ExpressionSyntax? balance = null, coupon = null, floor = null, cap = null, recovery = null;
        DateSyntax? interestOnlyUntil = null, maturity = null;
        DurationSyntax? recoveryLag = null;
        AmortizationSyntax? amortization = null;
        foreach (LoanItemContext item in context.loanItem())
        {
            switch (item)
            {
                case ObligorItemContext o:
                    items.Keep(ref obligor, "obligor", o, VisitIdent(o.ident()));
                    break;
                case LoanBalanceItemContext b:
                    items.Keep(ref balance, "balance", b, VisitExpr(b.expr()));
                    break;
                case LoanCouponItemContext c:
                    // A tranche's coupon terms (VisitCouponTerms): a rate reading an index floats.
                    var terms = VisitCouponTerms(c.couponTerms());
                    if (items.IsFirst("coupon", Span(c)))
                    {
                        (coupon, floor, cap) = terms;
                    }

                    break;
                case LoanInterestOnlyItemContext i:
                    items.Keep(ref interestOnlyUntil, "interest_only", i, VisitDate(i.DATE()));
                    break;
                case LoanAmortizeItemContext a:
                    items.Keep(ref amortization, "amortize", a, VisitAmortization(a.amortization()));
                    break;
                case LoanMaturityItemContext m:
                    items.Keep(ref maturity, "maturity", m, VisitDate(m.DATE()));
                    break;
                case LoanRecoveryItemContext r:
                    // 'recovery 40% after 18m': the lag belongs to the first 'recovery' kept, as its rate does.
                    var (rate, lag) = (VisitExpr(r.expr()), VisitDuration(r.duration()));
                    if (items.IsFirst("recovery", Span(r)))
                    {
                        (recovery, recoveryLag) = (rate, lag);
                    }

                    break;
            }
        }

        return new LoanSyntax(name, obligor, balance, coupon, interestOnlyUntil, amortization, maturity, recovery, Span(context))
        {
            CouponFloor = floor,
            CouponCap = cap,
            RecoveryLag = recoveryLag,
        };
    }
}
