using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Declarations inside a deal: parties, facilities, leases, tranches, equity, accounts, fees, tests,
// triggers and the default rule. (Waterfall and enforcement are in CstToAst.Waterfall.)
internal sealed partial class CstToAst
{
    // dealMember : headerItem | partyDecl | facilityDecl | ... | enforcementDecl ;  (all but headerItem)
    private DeclarationSyntax? VisitDeclaration(DealMemberContext member) => member.GetChild(0) switch
    {
        PartyDeclContext party => VisitPartyDecl(party),
        FacilityDeclContext facility => VisitFacilityDecl(facility),
        LeaseDeclContext lease => VisitLeaseDecl(lease),
        TrancheDeclContext tranche => VisitTrancheDecl(tranche),
        EquityDeclContext equity => VisitEquityDecl(equity),
        AccountDeclContext account => VisitAccountDecl(account),
        FeeDeclContext fee => VisitFeeDecl(fee),
        TestDeclContext test => VisitTestDecl(test),
        TriggerDeclContext trigger => VisitTriggerDecl(trigger),
        DefaultRuleContext rule => VisitDefaultRule(rule),
        CfadsRuleContext cfads => VisitCfadsRule(cfads),
        WaterfallDeclContext waterfall => VisitWaterfallDecl(waterfall),
        EnforcementDeclContext enforcement => VisitEnforcementDecl(enforcement),
        _ => null,
    };

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

    // facilityDecl : FACILITY name=ident LBRACE facilityItem* RBRACE ;
    // facilityItem
    //     : COST expr                                                # costItem
    //     | VALUE STRAIGHT_LINE duration (FLOOR expr)? (FROM DATE)?  # straightLineValueItem
    //     | VALUE SCHEDULE LBRACE schedulePoint* RBRACE              # scheduleValueItem
    //     ;
    private FacilitySyntax? VisitFacilityDecl(FacilityDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"facility '{name.Text}'");
        ExpressionSyntax? cost = null;
        ValueCurveSyntax? value = null;
        foreach (FacilityItemContext item in context.facilityItem())
        {
            switch (item)
            {
                case CostItemContext c: items.Keep(ref cost, "cost", c, VisitExpr(c.expr())); break;
                case StraightLineValueItemContext s: items.Keep(ref value, "value", s, VisitStraightLine(s)); break;
                case ScheduleValueItemContext s: items.Keep(ref value, "value", s, VisitScheduleValue(s)); break;
            }
        }

        return new FacilitySyntax(name, cost, value, Span(context));
    }

    // VALUE STRAIGHT_LINE duration (FLOOR expr)? (FROM DATE)?  # straightLineValueItem
    private StraightLineValueSyntax? VisitStraightLine(StraightLineValueItemContext context)
    {
        DurationSyntax? life = VisitDuration(context.duration());
        ExpressionSyntax? floor = VisitExpr(context.expr());
        DateSyntax? from = VisitDate(context.DATE());
        return life is null ? null : new StraightLineValueSyntax(life, floor, from, Span(context));
    }

    // VALUE SCHEDULE LBRACE schedulePoint* RBRACE  # scheduleValueItem
    private ScheduleValueSyntax VisitScheduleValue(ScheduleValueItemContext context) =>
        new(VisitSchedulePoints(context.schedulePoint()), Span(context));

    // schedulePoint : DATE expr COMMA? ;
    private ImmutableArray<SchedulePointSyntax> VisitSchedulePoints(SchedulePointContext[] points)
    {
        var result = ImmutableArray.CreateBuilder<SchedulePointSyntax>(points.Length);
        foreach (SchedulePointContext point in points)
        {
            DateSyntax? date = VisitDate(point.DATE());
            ExpressionSyntax? amount = VisitExpr(point.expr());
            if (date is not null && amount is not null)
            {
                result.Add(new SchedulePointSyntax(date, amount, Spans.Join(date.Span, amount.Span)));
            }
        }

        return result.ToImmutable();
    }

    // leaseDecl : LEASE name=ident ON facility=ident LBRACE leaseItem* RBRACE ;
    // leaseItem
    //     : LESSEE ident                                                          # lesseeItem
    //     | RENT expr perYear (ESCALATING expr perYear)?                          # rentItem
    //     | STARTS DATE                                                           # startsItem
    //     | TERM duration                                                         # termItem
    //     | RENEWALS renewalCount duration AT LESSEE OPTION (RENT AT MARKET)?     # renewalsItem
    //     | RVG rvgPart+                                                          # rvgItem
    //     ;
    private LeaseSyntax? VisitLeaseDecl(LeaseDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name || VisitIdent(context.facility) is not { } facility)
        {
            return null;
        }

        string container = $"lease '{name.Text}'";
        var items = new ItemSet(this, container);
        NameSyntax? lessee = null;
        ExpressionSyntax? rent = null, escalator = null;
        DateSyntax? starts = null;
        DurationSyntax? term = null;
        RenewalsSyntax? renewals = null;
        RvgSyntax? rvg = null;
        DayCountSyntax? dayCount = null;
        foreach (LeaseItemContext item in context.leaseItem())
        {
            switch (item)
            {
                case LesseeItemContext l:
                    items.Keep(ref lessee, "lessee", l, VisitIdent(l.ident()));
                    break;
                case RentItemContext r:
                    // The escalator belongs to the rent line: both are kept or dropped together.
                    ExpressionSyntax? amount = VisitExpr(r.expr(0));
                    ExpressionSyntax? escalation = r.ESCALATING() is null ? null : VisitExpr(r.expr(1));
                    if (items.IsFirst("rent", Span(r)))
                    {
                        (rent, escalator) = (amount, escalation);
                    }

                    break;
                case StartsItemContext s:
                    items.Keep(ref starts, "starts", s, VisitDate(s.DATE()));
                    break;
                case TermItemContext t:
                    items.Keep(ref term, "term", t, VisitDuration(t.duration()));
                    break;
                case RenewalsItemContext r:
                    items.Keep(ref renewals, "renewals", r, VisitRenewals(r));
                    break;
                case RvgItemContext r:
                    items.Keep(ref rvg, "rvg", r, VisitRvg(r, $"the rvg of {container}"));
                    break;
                case LeaseDayCountItemContext d:
                    items.Keep(ref dayCount, "daycount", d, VisitDayCount(d.dayCount()));
                    break;
            }
        }

        return new LeaseSyntax(name, facility, lessee, rent, escalator, starts, term, renewals, rvg, dayCount, Span(context));
    }

    // RENEWALS renewalCount duration AT LESSEE OPTION (RENT AT MARKET)?   # renewalsItem
    private RenewalsSyntax? VisitRenewals(RenewalsItemContext context)
    {
        int? count = VisitRenewalCount(context.renewalCount());
        DurationSyntax? term = VisitDuration(context.duration());
        bool atMarket = Matched(context.MARKET()) is not null;
        return count is null || term is null ? null : new RenewalsSyntax(count.Value, term, atMarket, Span(context));
    }

    // renewalCount : NUMBER X | QUANTITY ;
    // '2 x 5y' or '2x 5y'; in the second the lexer has made '2x' one token, whose suffix must be x.
    private int? VisitRenewalCount(RenewalCountContext? context)
    {
        const string what = "the number of renewals";
        if (Matched(context?.QUANTITY()) is not { } quantity)
        {
            return VisitWholeNumber(Matched(context?.NUMBER()), what, minimum: 0);
        }

        (string number, string suffix) = Literals.Split(quantity.Text);
        if (!string.Equals(suffix, "x", StringComparison.Ordinal))
        {
            Report(DiagnosticCatalogue.UnknownUnit(Span(quantity), quantity.Text, "x (a count of renewals, as in 'renewals 2x 5y')"));
            return null;
        }

        return VisitWholeNumber(quantity, what, minimum: 0, number);
    }

    // RVG rvgPart+   # rvgItem
    // rvgPart : GUARANTEES expr # rvgGuarantees | CAP expr # rvgCap | UNTIL DATE # rvgUntil ;
    private RvgSyntax VisitRvg(RvgItemContext context, string container)
    {
        var items = new ItemSet(this, container);
        ExpressionSyntax? guarantees = null, cap = null;
        DateSyntax? until = null;
        foreach (RvgPartContext part in context.rvgPart())
        {
            switch (part)
            {
                case RvgGuaranteesContext g: items.Keep(ref guarantees, "guarantees", g, VisitExpr(g.expr())); break;
                case RvgCapContext c: items.Keep(ref cap, "cap", c, VisitExpr(c.expr())); break;
                case RvgUntilContext u: items.Keep(ref until, "until", u, VisitDate(u.DATE())); break;
            }
        }

        return new RvgSyntax(guarantees, cap, until, Span(context));
    }

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

    // equityDecl : EQUITY name=ident LBRACE equityItem* RBRACE ;
    // equityItem : CONTRIBUTED expr # contributedItem | HOLDERS holder (COMMA holder)* # holdersItem ;
    private EquitySyntax? VisitEquityDecl(EquityDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"equity '{name.Text}'");
        ExpressionSyntax? contributed = null;
        ImmutableArray<HolderSyntax> holders = [];
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
            }
        }

        return new EquitySyntax(name, contributed, holders, Span(context));
    }

    // holder : ident expr ;
    private ImmutableArray<HolderSyntax> VisitHolders(HoldersItemContext context)
    {
        var holders = ImmutableArray.CreateBuilder<HolderSyntax>();
        foreach (HolderContext holder in context.holder())
        {
            NameSyntax? party = VisitIdent(holder.ident());
            ExpressionSyntax? share = VisitExpr(holder.expr());
            if (party is not null && share is not null)
            {
                holders.Add(new HolderSyntax(party, share, Span(holder)));
            }
        }

        return holders.ToImmutable();
    }

    // accountDecl : ACCOUNT name=ident (LBRACE accountItem* RBRACE)? ;
    // accountItem : TARGET expr # targetItem | INITIAL expr # initialItem | EARNS expr # earnsItem ;
    private AccountSyntax? VisitAccountDecl(AccountDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"account '{name.Text}'");
        ExpressionSyntax? target = null, initial = null, earns = null;
        foreach (AccountItemContext item in context.accountItem())
        {
            switch (item)
            {
                case TargetItemContext t: items.Keep(ref target, "target", t, VisitExpr(t.expr())); break;
                case InitialItemContext i: items.Keep(ref initial, "initial", i, VisitExpr(i.expr())); break;
                case EarnsItemContext e: items.Keep(ref earns, "earns", e, VisitExpr(e.expr())); break;
            }
        }

        return new AccountSyntax(name, target, initial, earns, Span(context));
    }

    // feeDecl : FEE name=ident LBRACE expr (perYear (ESCALATING expr perYear)?)? RBRACE ;
    private FeeSyntax? VisitFeeDecl(FeeDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? amount = VisitExpr(context.expr(0));
        ExpressionSyntax? escalator = context.ESCALATING() is null ? null : VisitExpr(context.expr(1));
        bool perYear = context.perYear().Length > 0;

        // An unreadable amount ('25bq per year', already reported) keeps the fee, so that 'pay Trustee' is not
        // reported as undeclared too; later stages take the null amount as unknown and say nothing of it.
        return name is null ? null : new FeeSyntax(name, amount!, escalator, Span(context), perYear);
    }

    // testDecl : TEST name=ident ASSIGN expr (OVER TRAILING duration)? (FROM DATE)? ;
    private TestSyntax? VisitTestDecl(TestDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? expression = VisitExpr(context.expr());
        DurationSyntax? trailing = VisitDuration(context.duration());
        DateSyntax? from = VisitDate(context.DATE());
        // As for a fee: an unreadable expression (reported) keeps the test, so its readers are not reported too.
        return name is null ? null : new TestSyntax(name, expression!, trailing, from, Span(context));
    }

    // triggerDecl : TRIGGER name=ident WHEN expr (FROM DATE)? ARROW effect=ident ;
    private TriggerSyntax? VisitTriggerDecl(TriggerDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        ExpressionSyntax? condition = VisitExpr(context.expr());
        DateSyntax? from = VisitDate(context.DATE());
        NameSyntax? effect = VisitIdent(context.effect);
        // As for a fee: an unreadable condition (reported) keeps the trigger, so 'if CashTrap' is not reported too.
        return name is null || effect is null
            ? null
            : new TriggerSyntax(name, condition!, from, effect, Span(context));
    }

    // defaultRule : DEFAULT WHEN expr (GRACE duration)? ;
    private DefaultRuleSyntax? VisitDefaultRule(DefaultRuleContext context) =>
        VisitExpr(context.expr()) is { } condition
            ? new DefaultRuleSyntax(condition, VisitDuration(context.duration()), Span(context))
            : null;

    // cfadsRule : CFADS INCLUDES cfadsItem (COMMA cfadsItem)* ;  cfadsItem : RVG | ident ;
    private CfadsRuleSyntax VisitCfadsRule(CfadsRuleContext context) =>
        new([.. context.cfadsItem().Select(item => item.ident() is { } name ? VisitIdent(name) : new NameSyntax(item.GetText(), Span(item))).OfType<NameSyntax>()], Span(context));
}
