using System.Collections.Immutable;
using Antlr4.Runtime;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The loan kind's parsing: 'loan MinerLoan { obligor Miner  balance 400m  coupon 11% fixed … }'. Its coupon, step-ups,
// margin grid and amortisation are the tranche's rules and visitors (VisitCouponTerms, VisitStepUp, VisitMarginGrid,
// VisitAmortization, CstToAst.Tranche.cs). Found by its kind through
// CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // loanDecl : LOAN name=ident LBRACE loanItem* RBRACE ;
    // loanItem
    //     : OBLIGOR ident               # obligorItem
    //     | BALANCE expr                # loanBalanceItem
    //     | COUPON couponTerms          # loanCouponItem
    //     | INTEREST_ONLY UNTIL DATE    # loanInterestOnlyItem
    //     | AMORTIZE amortization IDENT? # loanAmortizeItem
    //     | MATURITY DATE               # loanMaturityItem
    //     | RECOVERY rate=expr (AFTER duration)? (ACCRUING recoveryAccrual)?
    //       (IN (NUMBER INSTALMENTS | INSTALMENTS LBRACE (shares+=expr COMMA?)* RBRACE))? # loanRecoveryItem
    //     | stepUp                      # loanStepUpItem   (repeatable)
    //     | marginGrid                  # loanMarginGridItem
    //     | DEFAULT_INTEREST PLUS? expr # loanDefaultInterestItem
    //     ;
    private LoanSyntax? VisitLoanDecl(LoanDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"loan '{name.Text}'");
        NameSyntax? obligor = null;
        ExpressionSyntax? balance = null, coupon = null, floor = null, cap = null, recovery = null, defaultInterest = null;
        DateSyntax? interestOnlyUntil = null, maturity = null;
        DurationSyntax? recoveryLag = null;
        RecoveryAccrualSyntax? accrual = null;
        RecoveryInstalmentsSyntax? instalments = null;
        AmortizationSyntax? amortization = null;
        NameSyntax? frequency = null;
        MarginGridSyntax? grid = null;
        var stepUps = ImmutableArray.CreateBuilder<StepUpSyntax>();
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
                    // 'amortize level semiannual': the frequency word belongs to the first 'amortize' kept, as its kind does.
                    var (kind, every) = (VisitAmortization(a.amortization()), Matched(a.IDENT()));
                    if (items.IsFirst("amortize", Span(a)))
                    {
                        (amortization, frequency) = (kind, every is null ? null : new NameSyntax(every.Text, Span(every)));
                    }
                    break;
                case LoanMaturityItemContext m:
                    items.Keep(ref maturity, "maturity", m, VisitDate(m.DATE()));
                    break;
                case LoanRecoveryItemContext r:
                    // 'recovery 40% after 18m accruing 8% in 4 instalments': the workout's terms belong to the first
                    // 'recovery' kept, as its rate does.
                    var (rate, lag) = (VisitExpr(r.rate), VisitDuration(r.duration()));
                    var (grows, parts) = (VisitRecoveryAccrual(r), VisitRecoveryInstalments(r));
                    if (items.IsFirst("recovery", Span(r)))
                    {
                        (recovery, recoveryLag, accrual, instalments) = (rate, lag, grows, parts);
                    }

                    break;
                case LoanStepUpItemContext su:
                    // Repeatable, as a tranche's: each step-up adds to the coupon on its own terms.
                    stepUps.Add(VisitStepUp(su.stepUp()));
                    break;
                case LoanMarginGridItemContext mg:
                    items.Keep(ref grid, "margin grid", mg, VisitMarginGrid(mg.marginGrid()));
                    break;
                case LoanDefaultInterestItemContext di:
                    // 'default_interest +2%' reads as the margin over the coupon; the '+' is optional wording.
                    items.Keep(ref defaultInterest, "default_interest", di, VisitExpr(di.expr()));
                    break;
            }
        }

        return new LoanSyntax(name, obligor, balance, coupon, interestOnlyUntil, amortization, maturity, recovery, Span(context))
        {
            CouponFloor = floor,
            CouponCap = cap,
            AmortizationFrequency = frequency,
            RecoveryLag = recoveryLag,
            RecoveryAccrual = accrual,
            RecoveryInstalments = instalments,
            StepUps = stepUps.ToImmutable(),
            MarginGrid = grid,
            DefaultInterest = defaultInterest,
        };
    }

    // recoveryAccrual
    //     : COUPON    # accrualAtCoupon
    //     | expr      # accrualAtRate
    //     ;
    // The span is 'accruing …', what DL0499 points at.
    private RecoveryAccrualSyntax? VisitRecoveryAccrual(LoanRecoveryItemContext item)
    {
        if (Matched(item.ACCRUING()) is not { } accruing || item.recoveryAccrual() is not { } accrual)
        {
            return null;
        }

        SourceSpan span = Spans.Join(Span(accruing), Span(accrual));
        return accrual switch
        {
            AccrualAtCouponContext => new RecoveryAccrualSyntax(null, span),
            AccrualAtRateContext rate when VisitExpr(rate.expr()) is { } expression => new RecoveryAccrualSyntax(expression, span),
            _ => null,
        };
    }

    // 'in 4 instalments': a whole number of at least one (DL0106 otherwise, as for any count); 'in instalments { 50%
    // 30% 20% }': as many parts as shares (their checks are LoanRules', DL0449), an empty list none (DL0449 too).
    private RecoveryInstalmentsSyntax? VisitRecoveryInstalments(LoanRecoveryItemContext item)
    {
        if (Matched(item.IN()) is not { } @in || Matched(item.INSTALMENTS()) is not { } words)
        {
            return null;
        }

        // 'in 8 instalments monthly': the parts' frequency, a plain name as the amortisation's (checked: DL0568).
        NameSyntax? every = Matched(item.every) is { } word ? new NameSyntax(word.Text, Span(word)) : null;
        if (Matched(item.LBRACE()) is not null)
        {
            var shares = item._shares.Select(VisitExpr).OfType<ExpressionSyntax>().ToImmutableArray();
            IToken end = Matched(item.RBRACE()) ?? Matched(item.LBRACE())!;
            return new RecoveryInstalmentsSyntax(shares.Length, Spans.Join(Span(@in), Span(end))) { Shares = shares, Listed = true, Frequency = every };
        }

        int? count = VisitWholeNumber(Matched(item.NUMBER()), "the number of recovery instalments", minimum: 1);
        return count is null ? null : new RecoveryInstalmentsSyntax(count.Value, Spans.Join(Span(@in), Span(words))) { Frequency = every };
    }
}
