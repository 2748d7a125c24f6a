namespace DealLang.Compiler.Diagnostics;

// The header's business days ('business_days modified_following unadjusted holidays TARGET2 + { ... }',
// docs/language.md §4): DL0442 a word that is not a roll or an accrual, DL0443 a holiday list out of order or with a
// repeat, DL0444 a holiday that can move no payment date, DL0445 a payment date moved onto or before the previous one;
// of the named calendars, DL0214 a name that is not one, DL0459 one named twice, DL0463 one whose rules do not reach
// back to a payment date, DL0458 a listed holiday a named calendar already closes on. The item given twice is DL0105,
// as every header item's.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0214: a name after <c>holidays</c> that is not a named holiday calendar.</summary>
    public static Diagnostic UnknownHolidayCalendar(SourceSpan span, string name, string? suggestion, IEnumerable<string> known) =>
        Error("DL0214", span,
            $"'{name}' is not a holiday calendar{SemanticText.DidYouMean(suggestion)} (the calendars are {string.Join(", ", known)}; list other holidays as dates: holidays {{ 2027-01-29 }})");

    /// <summary>DL0458 (warning): a listed holiday that a named calendar already closes on: the list is for the days
    /// the calendars leave open, and a repeat there is most likely a date meant for another day.</summary>
    public static Diagnostic HolidayAlreadyInCalendar(SourceSpan span, string holiday, string calendar) =>
        Warning("DL0458", span,
            $"holiday {holiday} is already a {calendar} holiday; list only the closures the calendar does not have");

    /// <summary>DL0459: a named calendar given twice after <c>holidays</c>.</summary>
    public static Diagnostic HolidayCalendarTwice(SourceSpan span, string calendar) =>
        Error("DL0459", span,
            $"the calendar {calendar} is named twice; name each calendar once");

    /// <summary>DL0463: a named calendar whose published rules begin after a payment date: its holidays in the years
    /// before are not known to the compiler.</summary>
    public static Diagnostic HolidayCalendarTooEarly(SourceSpan span, string calendar, int firstYear, string paymentDate) =>
        Error("DL0463", span,
            $"the {calendar} calendar's rules hold from {firstYear}, and the payment date {paymentDate} is before it; list that year's holidays as dates instead");

    /// <summary>DL0442: a business-day roll or accrual that does not exist.</summary>
    public static Diagnostic UnknownBusinessDayWord(SourceSpan span, string text, string what, string choices, string? suggestion) =>
        Error("DL0442", span,
            $"'{text}' is not a business-day {what}{SemanticText.DidYouMean(suggestion)} (use {choices})");

    /// <summary>DL0443: a holiday not after the one listed before it: a repeat or a list out of order, most often a
    /// year typed wrong.</summary>
    public static Diagnostic HolidayNotInOrder(SourceSpan span, string holiday, string previous) =>
        Error("DL0443", span,
            $"holiday {holiday} is not after the holiday before it ({previous}); list each holiday once, in date order");

    /// <summary>DL0444 (warning): a holiday on or before the closing or after the maturity (as paid, or as rolled when
    /// a backward roll pays it earlier): it can move no scheduled payment date, so it is most likely a wrong year.</summary>
    public static Diagnostic HolidayOutsideDeal(SourceSpan span, string holiday, string closing, string lastMoved, bool asPaid) =>
        Warning("DL0444", span,
            $"holiday {holiday} is outside the deal's payment dates (after the closing {closing}, up to the maturity{(asPaid ? " as paid" : "")}, {lastMoved}) and moves none of them; is the year right?");

    /// <summary>DL0445: a payment date that the business days move onto or before the date before it (the closing
    /// or the previous payment date): its period would hold no day.</summary>
    public static Diagnostic PaymentDateCollapses(SourceSpan span, string rolled, string adjusted, string previous) =>
        Error("DL0445", span,
            $"the payment date {rolled} moves to {adjusted}, which is not after the date before it ({previous}): its period would be empty; move the first payment or the closing");
}
