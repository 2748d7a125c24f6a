using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The lease kind's parsing: leases, their renewals and residual value guarantees: 'lease MetaLease on Campus { … }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // leaseDecl : LEASE name=ident ON facility=ident LBRACE leaseItem* RBRACE ;
    // leaseItem
    //     : LESSEE ident                                                          # lesseeItem
    //     | RENT expr perYear (ESCALATING expr perYear)? (INDEXED ident indexationPart*)?   # rentItem
    //     | STARTS DATE                                                           # startsItem
    //     | TERM duration                                                         # termItem
    //     | RENEWALS renewalCount term=duration AT LESSEE OPTION (RENT AT MARKET)? renewalTerm*   # renewalsItem
    //     | RVG rvgPart+                                                          # rvgItem
    //     | DAYCOUNT_KW dayCount                                                  # leaseDayCountItem
    //     | guarantorClause                                                       # leaseGuarantorItem
    //     | PHASED ident                                                          # leasePhasedItem
    //     | TERMINATION_FEE fee=expr (AMORTISING (TO floor=expr)?)?               # leaseTerminationFeeItem
    //     | breakOption                                  # leaseBreakOptionItem
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
        GuarantorSyntax? guarantor = null;
        NameSyntax? phased = null, indexed = null;
        IndexationSyntax? indexation = null;
        ExpressionSyntax? fee = null, feeFloor = null;
        bool amortising = false;
        BreakOptionSyntax? breakOption = null;
        LeaseItemContext? previous = null;
        foreach (LeaseItemContext item in context.leaseItem())
        {
            WarnRvgLineGuarantor(name.Text, previous, item);
            previous = item;
            switch (item)
            {
                case LesseeItemContext l:
                    items.Keep(ref lessee, "lessee", l, VisitIdent(l.ident()));
                    break;
                case RentItemContext r:
                    // The escalator and the index belong to the rent line: all are kept or dropped together.
                    ExpressionSyntax? amount = VisitExpr(r.expr(0));
                    ExpressionSyntax? escalation = r.ESCALATING() is null ? null : VisitExpr(r.expr(1));
                    NameSyntax? index = r.INDEXED() is null ? null : VisitIdent(r.ident());
                    IndexationSyntax? terms = r.indexationPart().Length == 0 ? null : VisitIndexation(r, $"the indexation of {container}");
                    if (items.IsFirst("rent", Span(r)))
                    {
                        (rent, escalator, indexed, indexation) = (amount, escalation, index, terms);
                    }

                    break;
                case StartsItemContext s:
                    items.Keep(ref starts, "starts", s, VisitDate(s.DATE()));
                    break;
                case TermItemContext t:
                    items.Keep(ref term, "term", t, VisitDuration(t.duration()));
                    break;
                case RenewalsItemContext r:
                    items.Keep(ref renewals, "renewals", r, VisitRenewals(r, $"the renewals of {container}"));
                    break;
                case RvgItemContext r:
                    items.Keep(ref rvg, "rvg", r, VisitRvg(r, $"the rvg of {container}"));
                    break;
                case LeaseDayCountItemContext d:
                    items.Keep(ref dayCount, "daycount", d, VisitDayCount(d.dayCount()));
                    break;
                case LeaseGuarantorItemContext g:
                    items.Keep(ref guarantor, "guarantor", g, VisitGuarantor(g.guarantorClause(), $"the guarantor of {container}"));
                    break;
                case LeasePhasedItemContext p:
                    items.Keep(ref phased, "phased", p, VisitIdent(p.ident()));
                    break;
                case LeaseTerminationFeeItemContext f:
                    // As a contract's: the fee, its 'amortising' and the amount it falls to are kept or dropped together.
                    ExpressionSyntax? feeAmount = VisitExpr(f.fee);
                    ExpressionSyntax? falls = f.floor is null ? null : VisitExpr(f.floor);
                    if (items.IsFirst("termination_fee", Span(f)))
                    {
                        (fee, amortising, feeFloor) = (feeAmount, f.AMORTISING() is not null, falls);
                    }

                    break;
                case LeaseBreakOptionItemContext b:
                    items.Keep(ref breakOption, "break_option", b, VisitBreakOption(b.breakOption(), b));
                    break;
            }
        }

        return new LeaseSyntax(name, facility, lessee, rent, escalator, starts, term, renewals, rvg, dayCount, Span(context))
        {
            Guarantor = guarantor,
            Phased = phased,
            Indexed = indexed,
            Indexation = indexation,
            TerminationFee = fee,
            FeeAmortising = amortising,
            FeeFloor = feeFloor,
            BreakOption = breakOption,
        };
    }

    // A guarantor clause straight after an rvg item without its own 'with guarantor', on the rvg's last line: the grammar
    // reads it as the lease's rent guarantor (leaseGuarantorItem), but written there it was most likely meant as the
    // RVG's ('rvg … with guarantor P cap M'), a different guarantee (it tops up the RVG claim, not the rent). On a line of
    // its own, or after any other item, a guarantor is plainly the rent's.
    private void WarnRvgLineGuarantor(string lease, LeaseItemContext? previous, LeaseItemContext item)
    {
        if (previous is RvgItemContext rvg && rvg.guarantorClause() is null && item is LeaseGuarantorItemContext guarantor
            && guarantor.Start.Line == rvg.Stop.Line)
        {
            GuarantorClauseContext clause = guarantor.guarantorClause();
            Report(DiagnosticCatalogue.RvgLineRentGuarantor(Span(clause), lease, clause.party?.GetText() ?? ""));
        }
    }

    // (INDEXED ident indexationPart*) in rentItem
    // indexationPart : YEARLY # indexationYearly | FLOOR expr # indexationFloor | CAP expr # indexationCap
    //                | LAG duration # indexationLag ;
    // Each part once (DL0105), in any order; the span runs from the first part to the last.
    private IndexationSyntax VisitIndexation(RentItemContext context, string container)
    {
        var items = new ItemSet(this, container);
        SourceSpan? yearly = null;
        ExpressionSyntax? floor = null, cap = null;
        DurationSyntax? lag = null;
        IndexationPartContext[] parts = context.indexationPart();
        foreach (IndexationPartContext part in parts)
        {
            switch (part)
            {
                case IndexationYearlyContext y:
                    if (items.IsFirst("yearly", Span(y)))
                    {
                        yearly = Span(y);
                    }

                    break;
                case IndexationFloorContext f: items.Keep(ref floor, "floor", f, VisitExpr(f.expr())); break;
                case IndexationCapContext c: items.Keep(ref cap, "cap", c, VisitExpr(c.expr())); break;
                case IndexationLagContext l: items.Keep(ref lag, "lag", l, VisitDuration(l.duration())); break;
            }
        }

        (SourceSpan first, SourceSpan last) = (Span(parts[0]), Span(parts[^1]));
        return new IndexationSyntax(yearly, floor, cap, lag, first with { EndLine = last.EndLine, EndColumn = last.EndColumn });
    }

    // RENEWALS renewalCount term=duration AT LESSEE OPTION (RENT AT MARKET)? renewalTerm*   # renewalsItem
    // renewalTerm : WITH breakOption # renewalBreakTerm
    //             | WITH TERMINATION_FEE fees+=expr (COMMA fees+=expr)* (AMORTISING (TO floor=expr)?)? # renewalTerminationFeeTerm ;
    // Each term once (DL0105), in either order.
    private RenewalsSyntax? VisitRenewals(RenewalsItemContext context, string container)
    {
        int? count = VisitRenewalCount(context.renewalCount());
        DurationSyntax? term = VisitDuration(context.term);
        bool atMarket = Matched(context.MARKET()) is not null;
        var items = new ItemSet(this, container);
        BreakOptionSyntax? breakOption = null;
        List<ExpressionSyntax> fees = [];
        ExpressionSyntax? feeFloor = null;
        bool amortising = false;
        foreach (RenewalTermContext written in context.renewalTerm())
        {
            switch (written)
            {
                case RenewalBreakTermContext b:
                    if (VisitBreakOption(b.breakOption(), context) is not { } option)
                    {
                        return null;
                    }

                    items.Keep(ref breakOption, "with break_option", b, option);
                    break;
                case RenewalTerminationFeeTermContext f:
                    // As the initial term's item: the fees, their 'amortising' and the amount they fall to go together.
                    List<ExpressionSyntax> amounts = [.. f._fees.Select(VisitExpr).OfType<ExpressionSyntax>()];
                    ExpressionSyntax? falls = f.floor is null ? null : VisitExpr(f.floor);
                    if (items.IsFirst("with termination_fee", Span(f)))
                    {
                        (fees, amortising, feeFloor) = (amounts, f.AMORTISING() is not null, falls);
                    }

                    break;
            }
        }

        return count is null || term is null ? null : new RenewalsSyntax(count.Value, term, atMarket, Span(context))
        {
            BreakOption = breakOption,
            TerminationFees = fees,
            FeeAmortising = amortising,
            FeeFloor = feeFloor,
        };
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

    // RVG rvgItemPart+ (WITH guarantorClause)?   # rvgItem
    // rvgItemPart : rvgPart | AGAINST REMARKETING (COST cost=expr)? ;
    // rvgPart : GUARANTEES expr # rvgGuarantees | CAP expr # rvgCap | UNTIL DATE # rvgUntil ;
    // 'with guarantor Parent cap 10bn' after the parts: who pays what a defaulted lessee leaves unpaid of the claim.
    // 'against remarketing [cost R]', in any place among the parts and once (DL0105): the claim measured against a sale.
    private RvgSyntax VisitRvg(RvgItemContext context, string container)
    {
        RvgItemPartContext[] all = context.rvgItemPart();
        RvgSyntax rvg = VisitRvgParts(all.Select(p => p.rvgPart()).OfType<RvgPartContext>().ToArray(), container, Span(context));
        var items = new ItemSet(this, container);
        RemarketingSyntax? remarketing = null;
        foreach (RvgItemPartContext part in all.Where(p => p.AGAINST() is not null))
        {
            // A cost that cannot be read drops the part (its error is reported), as an item's unreadable expression does.
            ExpressionSyntax? cost = part.cost is null ? null : VisitExpr(part.cost);
            items.Keep(ref remarketing, "against remarketing", part, part.cost is not null && cost is null ? null : new RemarketingSyntax(cost, Span(part)));
        }

        rvg = rvg with { Remarketing = remarketing };
        return context.guarantorClause() is { } guarantor
            ? rvg with { Guarantor = VisitGuarantor(guarantor, $"the guarantor of {container}") }
            : rvg;
    }

    // The parts of an rvg item, or of a break's 'with rvg guarantees 90m cap 20m': each once (DL0105), in any order.
    private RvgSyntax VisitRvgParts(RvgPartContext[] parts, string container, SourceSpan span)
    {
        var items = new ItemSet(this, container);
        ExpressionSyntax? guarantees = null, cap = null;
        DateSyntax? until = null;
        foreach (RvgPartContext part in parts)
        {
            switch (part)
            {
                case RvgGuaranteesContext g: items.Keep(ref guarantees, "guarantees", g, VisitExpr(g.expr())); break;
                case RvgCapContext c: items.Keep(ref cap, "cap", c, VisitExpr(c.expr())); break;
                case RvgUntilContext u: items.Keep(ref until, "until", u, VisitDate(u.DATE())); break;
            }
        }

        return new RvgSyntax(guarantees, cap, until, span);
    }
}
