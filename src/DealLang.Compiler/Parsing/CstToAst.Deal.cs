using System.Collections.Immutable;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The deal and its header items.
internal sealed partial class CstToAst
{
    // dealDecl : DEAL name=ident LBRACE dealMember* RBRACE ;
    // dealMember : headerItem | partyDecl | facilityDecl | leaseDecl | trancheDecl | equityDecl
    //            | accountDecl | feeDecl | testDecl | triggerDecl | defaultRule | waterfallDecl | enforcementDecl
    //            | unknownDecl ;
    private DealSyntax? VisitDealDecl(DealDeclContext context)
    {
        NameSyntax? name = VisitIdent(context.name);
        if (name is null)
        {
            return null;
        }

        var header = new Header(new ItemSet(this, $"deal '{name.Text}'"));
        var declarations = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        foreach (DealMemberContext member in context.dealMember())
        {
            if (member.headerItem() is { } item)
            {
                VisitHeaderItem(item, header);
            }
            else if (member.unknownDecl() is { } unknown)
            {
                if (VisitUnknownDecl(unknown, UnknownDeclarations.InDeal) is { } syntax)
                {
                    declarations.Add(syntax);
                }
            }
            else if (VisitDeclaration(member) is { } declaration)
            {
                declarations.Add(declaration);
            }
        }

        return new DealSyntax(name, header.Title, header.Currency, header.Closing, header.Maturity,
            header.FirstPayment, header.Frequency, header.DayCount, declarations.ToImmutable(), Span(context))
        {
            BusinessDays = header.BusinessDays,
        };
    }

    // headerItem
    //     : TITLE STRING            # titleItem
    //     | CURRENCY ident          # currencyItem
    //     | CLOSING DATE            # closingItem
    //     | MATURITY DATE           # maturityItem
    //     | FIRST_PAYMENT DATE      # firstPaymentItem
    //     | PAY frequency=ident     # payItem
    //     | DAYCOUNT_KW dayCount    # dayCountItem
    //     | BUSINESS_DAYS roll=ident accrual=ident? (HOLIDAYS holidaySet)?   # businessDaysItem
    //     ;
    private void VisitHeaderItem(HeaderItemContext context, Header header)
    {
        ItemSet items = header.Items;
        switch (context)
        {
            case TitleItemContext title:
                items.Keep(ref header.Title, "title", title, VisitString(title.STRING()));
                break;
            case CurrencyItemContext currency:
                items.Keep(ref header.Currency, "currency", currency, VisitIdent(currency.ident()));
                break;
            case ClosingItemContext closing:
                items.Keep(ref header.Closing, "closing", closing, VisitDate(closing.DATE()));
                break;
            case MaturityItemContext maturity:
                items.Keep(ref header.Maturity, "maturity", maturity, VisitDate(maturity.DATE()));
                break;
            case FirstPaymentItemContext firstPayment:
                items.Keep(ref header.FirstPayment, "first_payment", firstPayment, VisitDate(firstPayment.DATE()));
                break;
            case PayItemContext pay:
                items.Keep(ref header.Frequency, "pay", pay, VisitIdent(pay.frequency));
                break;
            case DayCountItemContext dayCount:
                items.Keep(ref header.DayCount, "daycount", dayCount, VisitDayCount(dayCount.dayCount()));
                break;
            case BusinessDaysItemContext businessDays:
                items.Keep(ref header.BusinessDays, "business_days", businessDays, VisitBusinessDays(businessDays));
                break;
        }
    }

    // dayCount : DAYCOUNT ;
    // Which of the lexer's pairs are real day counts is the checker's business (it knows the list).
    private DayCountSyntax? VisitDayCount(DayCountContext? context) =>
        Matched(context?.DAYCOUNT()) is { } token ? new DayCountSyntax(token.Text, Span(token)) : null;

    // Which words are a roll and an accrual is the checker's business (DL0442), as a frequency's is; which names are
    // calendars, too (DL0214).
    //
    // holidaySet  : calendars+=ident (PLUS calendars+=ident)* (PLUS holidayList)? | holidayList ;
    // holidayList : LBRACE (DATE COMMA?)* RBRACE ;
    private BusinessDaysSyntax? VisitBusinessDays(BusinessDaysItemContext context)
    {
        if (VisitIdent(context.roll) is not { } roll)
        {
            return null;
        }

        HolidaySetContext? set = context.holidaySet();
        var calendars = ImmutableArray.CreateBuilder<NameSyntax>();
        foreach (IdentContext ident in set?._calendars ?? [])
        {
            if (VisitIdent(ident) is { } calendar)
            {
                calendars.Add(calendar);
            }
        }

        var holidays = ImmutableArray.CreateBuilder<DateSyntax>();
        foreach (var date in set?.holidayList()?.DATE() ?? [])
        {
            if (VisitDate(date) is { } holiday)
            {
                holidays.Add(holiday);
            }
        }

        return new BusinessDaysSyntax(roll, VisitIdent(context.accrual), calendars.ToImmutable(), holidays.ToImmutable(), Span(context));
    }

    // The header while it is read: single-valued items, each kept at its first appearance.
    private sealed class Header(ItemSet items)
    {
        public ItemSet Items { get; } = items;

        // Fields, so that ItemSet.Keep can fill them by reference.
        public StringLiteralSyntax? Title;
        public NameSyntax? Currency;
        public DateSyntax? Closing;
        public DateSyntax? Maturity;
        public DateSyntax? FirstPayment;
        public NameSyntax? Frequency;
        public DayCountSyntax? DayCount;
        public BusinessDaysSyntax? BusinessDays;
    }
}
