namespace DealLang.Runtime;

/// <summary>
/// A named holiday calendar whose closing days follow published rules (docs/language.md §4, "Business days"): each
/// year's holidays are computed from the rules. The days its publisher closed on once, outside the rules (a national
/// day of mourning, a storm), are kept as data in <see cref="OneOffs"/> up to the day the list was written; a later one
/// cannot be known and is listed in the deal.
/// </summary>
public abstract class HolidayCalendar
{
    /// <summary>The name a deal writes after <c>holidays</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The first year the rules hold in (the publisher's rules changed before it).</summary>
    public abstract int FirstYear { get; }

    /// <summary>The year's closing days on weekdays and weekends alike, in date order: the days as the rules give
    /// them, with a weekend holiday moved only where the publisher moves it.</summary>
    public abstract IReadOnlyList<Date> Holidays(int year);

    /// <summary>The days closed once, outside the rules, from <see cref="FirstYear"/> (each also in its year's
    /// <see cref="Holidays"/>); none for a calendar whose publisher fixed its days "until further notice".</summary>
    public virtual IReadOnlyList<OneOffClosure> OneOffs => [];

    public bool IsHoliday(Date d) => Holidays(d.Year).Contains(d);

    /// <summary>The <paramref name="n"/>-th <paramref name="weekday"/> of a month (n from 1), or the last one when
    /// <paramref name="n"/> is -1.</summary>
    protected static Date NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        if (n < 0)
        {
            Date last = new(year, month, Date.DaysInMonth(year, month));
            return last.AddDays(-((Weekday(last) - (int)weekday + 7) % 7));
        }

        Date first = new(year, month, 1);
        return first.AddDays((((int)weekday - Weekday(first) + 7) % 7) + (7 * (n - 1)));
    }

    /// <summary>The weekday as <see cref="DayOfWeek"/> numbers it (Sunday 0): day number 0, 0001-01-01, was a Monday.</summary>
    protected static int Weekday(Date d) => (d.DayNumber + 1) % 7;
}
