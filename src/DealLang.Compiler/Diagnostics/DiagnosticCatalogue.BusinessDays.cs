namespace DealLang.Compiler.Diagnostics;

// The header's business days ('business_days modified_following unadjusted holidays { ... }', docs/language.md §4):
// DL0442 a word that is not a roll or an accrual, DL0443 a holiday list out of order or with a repeat, DL0444 a holiday
// that can move no payment date, DL0445 a payment date moved onto or before the previous one. The item given twice
// is DL0105, as every header item's.
public static partial class DiagnosticCatalogue
{
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
