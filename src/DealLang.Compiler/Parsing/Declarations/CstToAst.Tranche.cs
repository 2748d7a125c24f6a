using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The tranche kind's parsing: tranches, their amortisation and seniority: 'tranche Notes { balance 27.3bn  coupon 6.581% fixed … }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // couponTerms : rate=expr FIXED? (FLOOR floor=expr)? (CAP cap=expr)? ;
    // A tranche's coupon and a loan's. 'fixed' is accepted and carries no information: a coupon that reads nothing but
    // constants is fixed, one that reads deal state (an index) floats. The floor and cap belong to the coupon.
    private (ExpressionSyntax? Rate, ExpressionSyntax? Floor, ExpressionSyntax? Cap) VisitCouponTerms(CouponTermsContext context) =>
        (VisitExpr(context.rate), VisitExpr(context.floor), VisitExpr(context.cap));

    // trancheDecl : TRANCHE name=ident LBRACE trancheItem* RBRACE ;
    // trancheItem
    //     : BALANCE expr                # balanceItem
    //     | COUPON couponTerms          # couponItem
    //     | PIK share=QUANTITY? (WHEN condition=expr)?     # pikItem
    //     | PIK UNPAID                                     # pikUnpaidItem
    //     | ISSUE_PRICE expr                               # issuePriceItem
    //     | COMMITMENT expr                                # commitmentItem
    //     | AVAILABLE UNTIL DATE                           # availableItem
    //     | DRAWS LBRACE schedulePoint* RBRACE             # drawsItem
    //     | DRAWS AGAINST fleet=ident ADVANCE advance=expr # drawsAgainstItem
    //     | COMMITMENT_FEE expr                            # commitmentFeeItem
    //     | stepUp                                         # stepUpItem   (repeatable)
    //     | marginGrid                                     # marginGridItem
    //     | MARGIN INVESTMENT_GRADE ig=expr ELSE otherwise=expr   # classMarginItem
    //     | TARGET_BALANCE expr                            # targetBalanceItem
    //     | INTEREST_ONLY UNTIL DATE    # interestOnlyItem
    //     | AMORTIZE amortization       # amortizeItem
    //     | MATURITY DATE               # trancheMaturityItem
    //     | SENIORITY NUMBER            # seniorityItem
    //     | guarantorClause             # trancheGuarantorItem
    //     | CONVERTIBLE AT price=expr AGAINST share=expr (EARLY ABOVE above=expr)? convertiblePut* convertibleCall?   # convertibleItem
    //     | COMPLETION expr                                # completionItem
    //     | CALLABLE callStep+ (MAKE_WHOLE makeWhole=expr)?   # callableItem
    //     ;
    private TrancheSyntax? VisitTrancheDecl(TrancheDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"tranche '{name.Text}'");
        ExpressionSyntax? balance = null, coupon = null, floor = null, cap = null;
        PikSyntax? pik = null;
        ExpressionSyntax? issuePrice = null, commitment = null, commitmentFee = null, targetBalance = null;
        DateSyntax? availableUntil = null;
        DrawsSyntax? draws = null;
        MarginGridSyntax? grid = null;
        DrawsAgainstSyntax? drawsAgainst = null;
        ClassMarginSyntax? classMargin = null;
        GuarantorSyntax? guarantor = null;
        ConvertibleSyntax? convertible = null;
        ConversionResetSyntax? reset = null;
        ExpressionSyntax? completion = null;
        CallScheduleSyntax? callSchedule = null;
        var stepUps = ImmutableArray.CreateBuilder<StepUpSyntax>();
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
                    var terms = VisitCouponTerms(c.couponTerms());
                    if (items.IsFirst("coupon", Span(c)))
                    {
                        (coupon, floor, cap) = terms;
                    }

                    break;
                case PikItemContext p:
                    items.Keep(ref pik, "pik", p, VisitPik(p));
                    break;
                case PikUnpaidItemContext pu:
                    items.Keep(ref pik, "pik", pu, new PikSyntax(null, null, Span(pu), Unpaid: true));
                    break;
                case IssuePriceItemContext ip:
                    items.Keep(ref issuePrice, "issue_price", ip, VisitExpr(ip.expr()));
                    break;
                case CommitmentItemContext cm:
                    items.Keep(ref commitment, "commitment", cm, VisitExpr(cm.expr()));
                    break;
                case AvailableItemContext av:
                    items.Keep(ref availableUntil, "available", av, VisitDate(av.DATE()));
                    break;
                case DrawsItemContext d:
                    items.Keep(ref draws, "draws", d, new DrawsSyntax(VisitSchedulePoints(d.schedulePoint()), Span(d)));
                    break;
                case DrawsAgainstItemContext da:
                    // Dated draws and draws against a fleet are separate items, so giving both is a checker's
                    // finding (DL0218) rather than a repeated item.
                    items.Keep(ref drawsAgainst, "draws against", da,
                        new DrawsAgainstSyntax(VisitIdent(da.fleet), VisitExpr(da.advance), Span(da)));
                    break;
                case ClassMarginItemContext cmi:
                    items.Keep(ref classMargin, "margin investment_grade", cmi,
                        new ClassMarginSyntax(VisitExpr(cmi.ig), VisitExpr(cmi.otherwise), Span(cmi)));
                    break;
                case CommitmentFeeItemContext cf:
                    items.Keep(ref commitmentFee, "commitment_fee", cf, VisitExpr(cf.expr()));
                    break;
                case StepUpItemContext su:
                    // Repeatable: each step-up adds to the coupon from its own date.
                    stepUps.Add(VisitStepUp(su.stepUp()));
                    break;
                case MarginGridItemContext mg:
                    items.Keep(ref grid, "margin grid", mg, VisitMarginGrid(mg.marginGrid()));
                    break;
                case TargetBalanceItemContext tb:
                    items.Keep(ref targetBalance, "target_balance", tb, VisitExpr(tb.expr()));
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
                case TrancheGuarantorItemContext g:
                    items.Keep(ref guarantor, "guarantor", g, VisitGuarantor(g.guarantorClause(), $"the guarantor of tranche '{name.Text}'"));
                    break;
                case CompletionItemContext cp:
                    items.Keep(ref completion, "completion", cp, VisitExpr(cp.expr()));
                    break;
                case ConvertibleItemContext cv:
                    items.Keep(ref convertible, "convertible", cv, VisitConvertible(cv));
                    break;
                case ConversionResetItemContext rs:
                    // RESET DATE (COMMA DATE)* TO ratio=expr FLOOR floor=expr
                    items.Keep(ref reset, "reset", rs, new ConversionResetSyntax([.. rs.DATE().Select(VisitDate).OfType<DateSyntax>()],
                        VisitExpr(rs.ratio), VisitExpr(rs.floor), Span(rs)));
                    break;
                case CallableItemContext cs:
                    items.Keep(ref callSchedule, "callable", cs, VisitCallSchedule(cs));
                    break;
            }
        }

        return new TrancheSyntax(name, balance, coupon, interestOnlyUntil, amortization, maturity, seniority, Span(context),
            floor, cap, pik, issuePrice, commitment, availableUntil, draws, commitmentFee, stepUps.ToImmutable(), targetBalance, grid)
        {
            DrawsAgainst = drawsAgainst,
            ClassMargin = classMargin,
            Guarantor = guarantor,
            Convertible = convertible,
            Reset = reset,
            Completion = completion,
            CallSchedule = callSchedule,
        };
    }

    // CALLABLE callStep+ (MAKE_WHOLE (makeWhole=expr | CURVE LBRACE curvePoint+ RBRACE (sign=(PLUS | MINUS) spread=expr)?))?
    // callStep : FROM DATE AT price=expr COMMA? ;   curvePoint : duration rate=expr COMMA? ;
    // A spread after '-' is its negation, so the curve's rate is always the points' plus CurveSpread.
    private CallScheduleSyntax VisitCallSchedule(CallableItemContext context)
    {
        ExpressionSyntax? spread = context.spread is null ? null : VisitExpr(context.spread);
        if (spread is not null && context.sign?.Type == MINUS)
        {
            spread = new UnaryExpressionSyntax(UnaryOperator.Negate, spread, spread.Span);
        }

        return new([.. context.callStep().Select(s => new CallStepSyntax(VisitDate(s.DATE()), VisitExpr(s.price), Span(s)))],
            context.makeWhole is null ? null : VisitExpr(context.makeWhole), Span(context))
        {
            Curve = [.. context.curvePoint().Select(p => new CurvePointSyntax(VisitDuration(p.duration()), VisitExpr(p.rate), Span(p)))],
            CurveSpread = spread,
        };
    }

    // CONVERTIBLE AT price=expr AGAINST share=expr (EARLY ABOVE above=expr)? convertiblePut* convertibleCall?
    // convertiblePut : PUT DATE AT price=expr ;
    // convertibleCall : CALL FROM DATE ABOVE above=expr ;
    private ConvertibleSyntax VisitConvertible(ConvertibleItemContext context) =>
        new(VisitExpr(context.price), VisitExpr(context.share), context.above is null ? null : VisitExpr(context.above), Span(context))
        {
            Puts = [.. context.convertiblePut().Select(p => new ConvertiblePutSyntax(VisitDate(p.DATE()), VisitExpr(p.price), Span(p)))],
            Call = context.convertibleCall() is { } call ? new ConvertibleCallSyntax(VisitDate(call.DATE()), VisitExpr(call.above), Span(call)) : null,
        };

    // stepUp : STEP_UP expr (FROM DATE | WHILE trigger=ident) ;
    // A tranche's and a loan's: added to the coupon from a date, or while a trigger is active.
    private StepUpSyntax VisitStepUp(StepUpContext context) =>
        new(VisitExpr(context.expr()), context.DATE() is null ? null : VisitDate(context.DATE()), Span(context),
            context.trigger is null ? null : VisitIdent(context.trigger));

    // marginGrid : MARGIN GRID test=ident LBRACE gridTier* (ELSE otherwise=expr)? RBRACE ;
    // gridTier : BELOW bound=expr margin=expr ;
    // A tranche's and a loan's.
    private MarginGridSyntax VisitMarginGrid(MarginGridContext context) => new(
        VisitIdent(context.test),
        [.. context.gridTier().Select(g => new GridTierSyntax(VisitExpr(g.bound), VisitExpr(g.margin), Span(g)))],
        VisitExpr(context.otherwise),
        Span(context));

    // PIK share=QUANTITY? (WHEN condition=expr)?   # pikItem
    // A share with a value suffix other than a rate is read as written and checked (DL0302) with the other units.
    private PikSyntax? VisitPik(PikItemContext context)
    {
        LiteralSyntax? share = null;
        if (Matched(context.share) is { } token && (share = VisitQuantityValue(token, Literals.ValueSuffixes)) is null)
        {
            return null;
        }

        ExpressionSyntax? condition = null;
        if (context.WHEN() is not null && (condition = VisitExpr(context.condition)) is null)
        {
            return null;
        }

        return new PikSyntax(share, condition, Span(context));
    }

    // SENIORITY NUMBER   # seniorityItem
    // A whole number of 0 is read, and left to the checker's DL0422, which names the tranche ('seniority 0' reads as
    // a rank, not as a malformed count); a number that is not whole (1.5) is DL0106 here. Rejecting 0 here too had
    // left DL0422 unreachable from any file.
    private SenioritySyntax? VisitSeniority(SeniorityItemContext context) =>
        (Matched(context.NUMBER()) is { } token && Literals.TryParseWholeNumber(token.Text, out int read) && read == 0
            ? read
            : VisitWholeNumber(Matched(context.NUMBER()), "seniority", minimum: 1)) is { } rank
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
