using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The contract kind's parsing: 'contract MsftH100 on Cluster { customer Microsoft  units 6000 gpus … }'. Found by its
// kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // contractDecl : CONTRACT name=ident ON fleet=ident LBRACE contractItem* RBRACE ;
    // contractItem
    //     : CUSTOMER ident          # customerItem
    //     | UNITS expr              # contractUnitsItem
    //     | PRICE AT MARKET         # marketPriceItem
    //     | PRICE expr              # contractPriceItem
    //     | HOUR expr perYear       # contractHoursItem
    //     | TAKE_OR_PAY expr        # takeOrPayItem
    //     | STARTS DATE             # contractStartsItem
    //     | TERM duration           # contractTermItem
    //     | TERMINATION_FEE fee=expr (AMORTISING (TO floor=expr)?)?   # terminationFeeItem
    //     | RENEWALS renewalCount term=duration AT CUSTOMER OPTION (WITH breakOption)?   # contractRenewalsItem
    //     | PREPAYMENT expr (APPLIED OVER TERM)?               # prepaymentItem
    //     | guarantorClause                                    # contractGuarantorItem
    //     | breakOption                                        # contractBreakOptionItem
    //     ;
    private ContractSyntax? VisitContractDecl(ContractDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name || VisitIdent(context.fleet) is not { } fleet)
        {
            return null;
        }

        var items = new ItemSet(this, $"contract '{name.Text}'");
        NameSyntax? customer = null;
        ExpressionSyntax? units = null, price = null, hours = null, takeOrPay = null;
        bool atMarket = false;
        SourceSpan? priceSpan = null;
        DateSyntax? starts = null;
        DurationSyntax? term = null;
        ExpressionSyntax? fee = null;
        bool amortising = false;
        ExpressionSyntax? feeFloor = null;
        RenewalsSyntax? renewals = null;
        ExpressionSyntax? prepayment = null;
        bool applied = false;
        GuarantorSyntax? guarantor = null;
        BreakOptionSyntax? breakOption = null;
        foreach (ContractItemContext item in context.contractItem())
        {
            switch (item)
            {
                case CustomerItemContext c:
                    items.Keep(ref customer, "customer", c, VisitIdent(c.ident()));
                    break;
                case ContractUnitsItemContext u:
                    items.Keep(ref units, "units", u, VisitExpr(u.expr()));
                    break;
                case MarketPriceItemContext m:
                    // One price line, either form: a second is a duplicate whichever form it takes.
                    if (items.IsFirst("price", Span(m)))
                    {
                        (atMarket, priceSpan) = (true, Span(m));
                    }

                    break;
                case ContractPriceItemContext p:
                    ExpressionSyntax? value = VisitExpr(p.expr());
                    if (items.IsFirst("price", Span(p)))
                    {
                        (price, priceSpan) = (value, Span(p));
                    }

                    break;
                case ContractHoursItemContext h:
                    items.Keep(ref hours, "hours", h, VisitExpr(h.expr()));
                    break;
                case TakeOrPayItemContext t:
                    items.Keep(ref takeOrPay, "take_or_pay", t, VisitExpr(t.expr()));
                    break;
                case ContractStartsItemContext s:
                    items.Keep(ref starts, "starts", s, VisitDate(s.DATE()));
                    break;
                case ContractTermItemContext t:
                    items.Keep(ref term, "term", t, VisitDuration(t.duration()));
                    break;
                case TerminationFeeItemContext f:
                    // The fee, its 'amortising' and the amount it falls to are one item: kept or dropped together.
                    ExpressionSyntax? amount = VisitExpr(f.fee);
                    ExpressionSyntax? floor = f.floor is null ? null : VisitExpr(f.floor);
                    if (items.IsFirst("termination_fee", Span(f)))
                    {
                        (fee, amortising, feeFloor) = (amount, f.AMORTISING() is not null, floor);
                    }

                    break;
                case ContractRenewalsItemContext r:
                    items.Keep(ref renewals, "renewals", r, VisitContractRenewals(r));
                    break;
                case ContractGuarantorItemContext g:
                    items.Keep(ref guarantor, "guarantor", g, VisitGuarantor(g.guarantorClause(), $"the guarantor of contract '{name.Text}'"));
                    break;
                case PrepaymentItemContext pp:
                    // The amount and its 'applied over term' are one item, as the fee and its 'amortising'.
                    ExpressionSyntax? prepaid = VisitExpr(pp.expr());
                    if (items.IsFirst("prepayment", Span(pp)))
                    {
                        (prepayment, applied) = (prepaid, pp.APPLIED() is not null);
                    }

                    break;
                case ContractBreakOptionItemContext b:
                    items.Keep(ref breakOption, "break_option", b, VisitBreakOption(b.breakOption(), b));
                    break;
            }
        }

        return new ContractSyntax(name, fleet, customer, units, price, atMarket, priceSpan, hours, takeOrPay, starts, term, fee, amortising, Span(context))
        {
            Renewals = renewals,
            Prepayment = prepayment,
            PrepaymentApplied = applied,
            Guarantor = guarantor,
            BreakOption = breakOption,
            FeeFloor = feeFloor,
        };
    }

    // RENEWALS renewalCount term=duration AT CUSTOMER OPTION (WITH breakOption)?   # contractRenewalsItem
    // A contract's renewals are always at market (language.md §5 "contract"); their own break is read as a lease's.
    private RenewalsSyntax? VisitContractRenewals(ContractRenewalsItemContext context)
    {
        int? count = VisitRenewalCount(context.renewalCount());
        DurationSyntax? length = VisitDuration(context.term);
        BreakOptionSyntax? breakOption = null;
        if (context.breakOption() is { } written && (breakOption = VisitBreakOption(written, context)) is null)
        {
            return null;
        }

        return count is null || length is null ? null : new RenewalsSyntax(count.Value, length, true, Span(context)) { BreakOption = breakOption };
    }
}
