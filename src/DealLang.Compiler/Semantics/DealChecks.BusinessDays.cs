using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// business_days ROLL [ACCRUAL] [holidays { DATE, ... }] (docs/language.md §4, "Business days").
internal sealed partial class DealChecks
{
    private void CheckBusinessDays()
    {
        if (Deal.BusinessDays is not { } syntax)
        {
            return;
        }

        if (!BusinessDayRules.TryRoll(syntax.Roll.Text, out _))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownBusinessDayWord(syntax.Roll.Span, syntax.Roll.Text ?? "", "roll",
                "following, modified_following, preceding or modified_preceding", NameSuggestions.Closest(syntax.Roll.Text, BusinessDayRules.Rolls)));
        }

        if (syntax.Accrual is { } accrual && !BusinessDayRules.IsAccrual(accrual.Text))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownBusinessDayWord(accrual.Span, accrual.Text ?? "", "accrual",
                "adjusted or unadjusted", NameSuggestions.Closest(accrual.Text, BusinessDayRules.Accruals)));
        }

        CheckHolidayCalendars(syntax);
        for (int i = 1; i < syntax.Holidays.Length; i++)
        {
            if (syntax.Holidays[i].Value <= syntax.Holidays[i - 1].Value)
            {
                _diagnostics.Add(DiagnosticCatalogue.HolidayNotInOrder(
                    syntax.Holidays[i].Span, syntax.Holidays[i].Value.ToString(), syntax.Holidays[i - 1].Value.ToString()));
            }
        }

        if (_analysis.BusinessDays is not { } calendar || Closing is not { } closing || Maturity is not { } maturity
            || _analysis.Frequency is not { } frequency)
        {
            return; // a word, a date or the frequency is wrong, and reported
        }

        // The schedule as the lowering builds it (a first payment outside (closing, maturity] is an error of its own).
        Date? first = Deal.FirstPayment?.Value is { } fp && fp > closing && fp <= maturity ? fp : null;
        Date[] rolled = Schedule.Boundaries(closing, maturity, frequency, first);
        Date[] paid = calendar.AdjustPaymentDates(rolled);
        CheckCalendarYears(syntax, calendar, rolled, paid);
        for (int i = 1; i < paid.Length; i++)
        {
            if (paid[i] <= paid[i - 1])
            {
                _diagnostics.Add(DiagnosticCatalogue.PaymentDateCollapses(
                    syntax.Roll.Span, rolled[i].ToString(), paid[i].ToString(), paid[i - 1].ToString()));
                break;
            }
        }

        // A holiday on the maturity as rolled moves it when a backward roll pays it earlier (preceding; modified
        // following at a month's end), so the last date a holiday can move is the later of the two.
        Date last = Date.Max(rolled[^1], paid[^1]);
        foreach (DateSyntax holiday in syntax.Holidays)
        {
            if (holiday.Value <= closing || holiday.Value > last)
            {
                _diagnostics.Add(DiagnosticCatalogue.HolidayOutsideDeal(
                    holiday.Span, holiday.Value.ToString(), closing.ToString(), last.ToString(), paid[^1] >= rolled[^1]));
            }
        }
    }

    // holidays CALENDAR + ... + { DATE, ... }: each name a known calendar (DL0214), once (DL0459); a date listed that a
    // calendar already closes on is warned of (DL0458).
    private void CheckHolidayCalendars(BusinessDaysSyntax syntax)
    {
        var named = new List<HolidayCalendar>();
        foreach (NameSyntax name in syntax.Calendars)
        {
            if (HolidayCalendars.Find(name.Text) is not { } calendar)
            {
                // A name in the wrong case (target2) is the likeliest slip: suggest it before any near spelling.
                string? suggestion = HolidayCalendars.Names.FirstOrDefault(n => string.Equals(n, name.Text, StringComparison.OrdinalIgnoreCase))
                    ?? NameSuggestions.Closest(name.Text, HolidayCalendars.Names);
                _diagnostics.Add(DiagnosticCatalogue.UnknownHolidayCalendar(name.Span, name.Text ?? "", suggestion, HolidayCalendars.Names));
            }
            else if (named.Contains(calendar))
            {
                _diagnostics.Add(DiagnosticCatalogue.HolidayCalendarTwice(name.Span, calendar.Name));
            }
            else
            {
                named.Add(calendar);
            }
        }

        foreach (DateSyntax holiday in syntax.Holidays)
        {
            if (named.FirstOrDefault(c => c.IsHoliday(holiday.Value)) is { } calendar)
            {
                _diagnostics.Add(DiagnosticCatalogue.HolidayAlreadyInCalendar(holiday.Span, holiday.Value.ToString(), calendar.Name));
            }
        }
    }

    // A named calendar's rules begin in a year (TARGET2's in 2002, the Federal Reserve's in 1986); a payment date before
    // it, as rolled or as paid, would be moved by rules that did not hold then (DL0463, once per calendar, at its name).
    private void CheckCalendarYears(BusinessDaysSyntax syntax, BusinessDays calendar, Date[] rolled, Date[] paid)
    {
        foreach (HolidayCalendar named in calendar.Calendars)
        {
            Date first = Date.Min(rolled[1], paid[1]);
            if (first.Year < named.FirstYear)
            {
                NameSyntax name = syntax.Calendars.First(c => c.Text == named.Name);
                _diagnostics.Add(DiagnosticCatalogue.HolidayCalendarTooEarly(name.Span, named.Name, named.FirstYear, first.ToString()));
            }
        }
    }
}
