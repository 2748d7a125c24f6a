namespace DealLang.Runtime;

/// <summary>How a payment date that is not a business day moves (ISDA 2006 §4.12).</summary>
public enum BusinessDayRoll
{
    /// <summary>To the next business day.</summary>
    Following,

    /// <summary>To the next business day, unless that is in the next month: then to the previous business day.</summary>
    ModifiedFollowing,

    /// <summary>To the previous business day.</summary>
    Preceding,

    /// <summary>To the previous business day, unless that is in the previous month: then to the next business day.</summary>
    ModifiedPreceding,
}

/// <summary>
/// A deal's business days: every day but Saturdays, Sundays, the holidays of the named calendars it gives and the
/// holidays it lists (docs/language.md §4, "Business days"). The listed holidays are held sorted and distinct; the
/// checker reports a list that is not (DL0443), and the lowering sorts it anyway so that this class is total.
/// </summary>
public sealed class BusinessDays
{
    private readonly Date[] _holidays;
    private readonly HolidayCalendar[] _calendars;

    public BusinessDays(BusinessDayRoll roll, IEnumerable<Date> holidays, IEnumerable<HolidayCalendar>? calendars = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        Roll = roll;
        _holidays = [.. holidays.Distinct().Order()];
        _calendars = [.. calendars ?? []];
    }

    public BusinessDayRoll Roll { get; }

    /// <summary>The listed holidays, sorted and distinct.</summary>
    public IReadOnlyList<Date> Holidays => _holidays;

    /// <summary>The named calendars whose holidays are closed too.</summary>
    public IReadOnlyList<HolidayCalendar> Calendars => _calendars;

    /// <summary>0001-01-01 (day number 0) was a Monday, so a day number modulo 7 is 5 on a Saturday and 6 on a Sunday.</summary>
    public static bool IsWeekend(Date d) => d.DayNumber % 7 >= 5;

    public bool IsBusinessDay(Date d) =>
        !IsWeekend(d) && Array.BinarySearch(_holidays, d) < 0 && !_calendars.Any(c => c.IsHoliday(d));

    /// <summary>
    /// <paramref name="d"/> itself when it is a business day, else the next one (following) or the previous one
    /// (preceding); under a modified roll, the other way when the first choice is in another month. A search that would
    /// leave the calendar (past 9999-12-31, before 0001-01-01) goes the other way, so the result is always a business
    /// day when the calendar holds one nearby.
    /// </summary>
    public Date Adjust(Date d)
    {
        if (IsBusinessDay(d))
        {
            return d;
        }

        (int first, bool modified) = Roll switch
        {
            BusinessDayRoll.Following => (+1, false),
            BusinessDayRoll.ModifiedFollowing => (+1, true),
            BusinessDayRoll.Preceding => (-1, false),
            _ => (-1, true),
        };
        Date? found = Search(d, first);
        if (found is { } f && (!modified || f.Month == d.Month))
        {
            return f;
        }

        return Search(d, -first) ?? found ?? d;
    }

    /// <summary>Each date of <paramref name="dates"/> adjusted, except the first (the closing, which is not a payment date).</summary>
    public Date[] AdjustPaymentDates(Date[] dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var adjusted = new Date[dates.Length];
        for (int i = 0; i < dates.Length; i++)
        {
            adjusted[i] = i == 0 ? dates[i] : Adjust(dates[i]);
        }

        return adjusted;
    }

    private Date? Search(Date from, int step)
    {
        Date d = from;
        while (true)
        {
            if ((step > 0 && d == Date.MaxValue) || (step < 0 && d == Date.MinValue))
            {
                return null;
            }

            d = d.AddDays(step);
            if (IsBusinessDay(d))
            {
                return d;
            }
        }
    }
}
