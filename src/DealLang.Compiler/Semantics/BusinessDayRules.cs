using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The words of <c>business_days ROLL [ACCRUAL] [holidays CALENDAR + ... + { ... }]</c> (docs/language.md §4, "Business
/// days"), read once for the checker and the lowering. The accrual is <c>adjusted</c> unless <c>unadjusted</c> is written.
/// </summary>
internal static class BusinessDayRules
{
    public static readonly string[] Rolls = ["following", "modified_following", "preceding", "modified_preceding"];

    public static readonly string[] Accruals = ["adjusted", "unadjusted"];

    public static bool TryRoll(string? text, out BusinessDayRoll roll)
    {
        (bool known, roll) = text switch
        {
            "following" => (true, BusinessDayRoll.Following),
            "modified_following" => (true, BusinessDayRoll.ModifiedFollowing),
            "preceding" => (true, BusinessDayRoll.Preceding),
            "modified_preceding" => (true, BusinessDayRoll.ModifiedPreceding),
            _ => (false, default),
        };
        return known;
    }

    public static bool IsAccrual(string? text) => text is "adjusted" or "unadjusted";

    /// <summary>The deal's business days when the item is given and its words and calendars are known (else null: no
    /// adjustment, and DL0442 or DL0214 is reported).</summary>
    public static BusinessDays? Calendar(BusinessDaysSyntax? syntax)
    {
        if (syntax is null || !TryRoll(syntax.Roll.Text, out BusinessDayRoll roll) || (syntax.Accrual is not null && !IsAccrual(syntax.Accrual.Text)))
        {
            return null;
        }

        HolidayCalendar?[] calendars = [.. syntax.Calendars.Select(c => HolidayCalendars.Find(c.Text))];
        return calendars.All(c => c is not null)
            ? new BusinessDays(roll, syntax.Holidays.Select(h => h.Value), calendars.OfType<HolidayCalendar>().Distinct())
            : null;
    }

    /// <summary>
    /// The rolled dates moved to business days (docs/language.md §4, "Business days"): the closing stays, each period's
    /// end moves; the dates themselves without a calendar. The checks make the scheduled dates increase (DL0445); a
    /// date a move would put on or before the one before it, or on or after the next rolled one (a workout date after
    /// the maturity that a month of listed holidays would push onto the next), keeps its rolled date, so that every
    /// period holds a day. The lowering's boundaries and every check that places a date in a period read these.
    /// </summary>
    public static Date[] PaymentDates(BusinessDays? calendar, Date[] rolled)
    {
        if (calendar is null)
        {
            return rolled;
        }

        Date[] paid = calendar.AdjustPaymentDates(rolled);
        for (int i = 1; i < paid.Length; i++)
        {
            if (paid[i] <= paid[i - 1] || (i + 1 < paid.Length && paid[i] >= rolled[i + 1]))
            {
                paid[i] = rolled[i];
            }
        }

        return paid;
    }

    /// <summary>
    /// The day a date of a repayment schedule is paid on (a loan's instalment, a scheduled amount, a maturity, an
    /// interest-only end; docs/language.md §4, "Business days"): a date that is one of the schedule's dates as rolled
    /// (<paramref name="rolled"/>, the closing apart) is paid with it, on its date as paid (<paramref name="paid"/>), so
    /// it closes the period it closes as scheduled; any other date that is not a business day moves as a payment date
    /// does (<see cref="BusinessDays.Adjust"/>). Without business days, the date itself.
    /// </summary>
    public static Date PaidOn(BusinessDays? calendar, Date[] rolled, Date[] paid, Date due)
    {
        if (calendar is null)
        {
            return due;
        }

        int scheduled = rolled.Length > 1 ? Array.IndexOf(rolled, due, 1) : -1;
        return scheduled > 0 && scheduled < paid.Length ? paid[scheduled] : calendar.Adjust(due);
    }

    /// <summary>Whether interest accrues between the rolled dates rather than the adjusted ones.</summary>
    public static bool AccruesUnadjusted(BusinessDaysSyntax? syntax) => syntax?.Accrual?.Text == "unadjusted";
}
