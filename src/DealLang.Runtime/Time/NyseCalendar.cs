namespace DealLang.Runtime;

/// <summary>
/// <c>NYSE</c>: the days the New York Stock Exchange is closed (NYSE Rule 7.2 and the holiday calendars NYSE Group
/// publishes each year): New Year's Day, Martin Luther King Jr. Day (third Monday in January), Washington's Birthday
/// (third Monday in February), Good Friday, Memorial Day (last Monday in May), Juneteenth (19 June, from 2022),
/// Independence Day, Labor Day (first Monday in September), Thanksgiving (fourth Thursday in November) and Christmas
/// Day. Rule 7.2 moves a holiday on a Saturday to the Friday before and one on a Sunday to the Monday after, "unless
/// unusual business conditions exist, such as the ending of a monthly or yearly accounting period": New Year's Day
/// on a Saturday is the one holiday that meets it (the Friday is 31 December), and the exchange closes on no day for it.
/// The rules hold from 1998, the first year the exchange closed on Martin Luther King Jr. Day.
/// <para>The exchange also closes, rarely, on days no rule gives: those from 1998 are listed in
/// <see cref="OneOffs"/>, to the last one announced when the list was written (2025-01-09). A later one cannot be
/// known in advance: a deal lists it with <c>+ { DATE }</c>.</para>
/// </summary>
public sealed class NyseCalendar : HolidayCalendar
{
    public override string Name => "NYSE";

    public override int FirstYear => 1998;

    /// <summary>The exchange's unscheduled closures from 1998, each checked against the exchange's or the press's
    /// announcement (QuantLib's NYSE calendar, ql/time/calendars/unitedstates.cpp, lists the same days to 2018).</summary>
    public override IReadOnlyList<OneOffClosure> OneOffs { get; } =
    [
        new(new Date(2001, 9, 11), "the attacks of 11 September 2001"),
        new(new Date(2001, 9, 12), "the attacks of 11 September 2001"),
        new(new Date(2001, 9, 13), "the attacks of 11 September 2001"),
        new(new Date(2001, 9, 14), "the attacks of 11 September 2001"),
        new(new Date(2004, 6, 11), "national day of mourning for President Reagan"),
        new(new Date(2007, 1, 2), "national day of mourning for President Ford"),
        new(new Date(2012, 10, 29), "Hurricane Sandy"),
        new(new Date(2012, 10, 30), "Hurricane Sandy"),
        new(new Date(2018, 12, 5), "national day of mourning for President George H. W. Bush"),
        new(new Date(2025, 1, 9), "national day of mourning for President Carter"),
    ];

    public override IReadOnlyList<Date> Holidays(int year)
    {
        var days = new List<Date>(12)
        {
            NewYearsDay(year),
            NthWeekday(year, 1, DayOfWeek.Monday, 3),
            NthWeekday(year, 2, DayOfWeek.Monday, 3),
            Easter.Sunday(year).AddDays(-2),
            NthWeekday(year, 5, DayOfWeek.Monday, -1),
        };
        if (year >= 2022)
        {
            days.Add(Observed(new Date(year, 6, 19)));
        }

        days.Add(Observed(new Date(year, 7, 4)));
        days.Add(NthWeekday(year, 9, DayOfWeek.Monday, 1));
        days.Add(NthWeekday(year, 11, DayOfWeek.Thursday, 4));
        days.Add(Observed(new Date(year, 12, 25)));
        days.AddRange(OneOffs.Where(c => c.Date.Year == year).Select(c => c.Date));
        days.Sort();
        return days;
    }

    // Rule 7.2 keeps the exchange open on Friday 31 December, the end of the yearly accounting period, when New Year's
    // Day is a Saturday (2022, 2028): that year has no New Year holiday, and the Saturday is kept as the day the rule
    // gives, as the Federal Reserve's calendar keeps its Saturdays. On a Sunday it is observed on Monday 2 January.
    private static Date NewYearsDay(int year)
    {
        Date day = new(year, 1, 1);
        return Weekday(day) == (int)DayOfWeek.Sunday ? day.AddDays(1) : day;
    }

    // Rule 7.2 for the other fixed-date holidays: a Saturday one on the Friday before (none of them falls on a month's
    // first day, so that Friday never ends a month), a Sunday one on the Monday after.
    private static Date Observed(Date day) => Weekday(day) switch
    {
        (int)DayOfWeek.Saturday => day.AddDays(-1),
        (int)DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
