namespace DealLang.Runtime;

/// <summary>
/// <c>London</c>: the bank holidays of England and Wales, the days banks in London close on (the Banking and Financial
/// Dealings Act 1971, Schedule 1, with the days appointed each year by royal proclamation; gov.uk/bank-holidays lists
/// them): New Year's Day, Good Friday, Easter Monday, the early May bank holiday (first Monday in May), the spring
/// bank holiday (last Monday in May), the summer bank holiday (last Monday in August), Christmas Day and Boxing Day.
/// New Year's Day, Christmas Day or Boxing Day on a weekend gives a substitute day, the first weekday after it that is
/// not already a holiday, so that each is one weekday off (Christmas on a Saturday: Monday 27 and Tuesday 28 December;
/// on a Sunday: Boxing Day on Monday 26 and Christmas's substitute on Tuesday 27). The rules hold from 1978, the
/// first year of the early May bank holiday; the calendar starts in 1995, the first year from which every day moved or
/// added by proclamation (<see cref="OneOffs"/>, and the moves in EarlyMay and Spring) is listed and checked.
/// The calendar is named for the financial centre, as term sheets and ISDA's business centres (GBLO) name it: "a day on
/// which banks are open for general business in London". Scotland and Northern Ireland have other bank holidays.
/// </summary>
public sealed class LondonCalendar : HolidayCalendar
{
    public override string Name => "London";

    public override int FirstYear => 1995;

    /// <summary>The bank holidays added by royal proclamation from 1995, checked against gov.uk's list (which goes back
    /// to 2018) and, before it, against QuantLib's UnitedKingdom calendar (ql/time/calendars/unitedkingdom.cpp) and the
    /// announcements of each day.</summary>
    public override IReadOnlyList<OneOffClosure> OneOffs { get; } =
    [
        new(new Date(1999, 12, 31), "the millennium"),
        new(new Date(2002, 6, 3), "the Golden Jubilee of Queen Elizabeth II"),
        new(new Date(2011, 4, 29), "the wedding of Prince William and Catherine Middleton"),
        new(new Date(2012, 6, 5), "the Diamond Jubilee of Queen Elizabeth II"),
        new(new Date(2022, 6, 3), "the Platinum Jubilee of Queen Elizabeth II"),
        new(new Date(2022, 9, 19), "the state funeral of Queen Elizabeth II"),
        new(new Date(2023, 5, 8), "the coronation of King Charles III"),
    ];

    public override IReadOnlyList<Date> Holidays(int year)
    {
        Date easter = Easter.Sunday(year);
        var days = new List<Date>(10)
        {
            Substitute(new Date(year, 1, 1), []),
            easter.AddDays(-2),
            easter.AddDays(1),
            EarlyMay(year),
            Spring(year),
            NthWeekday(year, 8, DayOfWeek.Monday, -1),
        };
        Date christmas = Substitute(new Date(year, 12, 25), []);
        days.Add(christmas);
        days.Add(Substitute(new Date(year, 12, 26), [christmas]));
        days.AddRange(OneOffs.Where(c => c.Date.Year == year).Select(c => c.Date));
        days.Sort();
        return days;
    }

    // The early May bank holiday was moved by proclamation to 8 May for VE Day's 50th and 75th anniversaries (Monday
    // 1995-05-08 for Monday 1 May; Friday 2020-05-08 for Monday 4 May).
    private static Date EarlyMay(int year) =>
        year is 1995 or 2020 ? new Date(year, 5, 8) : NthWeekday(year, 5, DayOfWeek.Monday, 1);

    // The spring bank holiday was moved to early June for Queen Elizabeth II's Golden, Diamond and Platinum Jubilees,
    // each beside a jubilee day of its own (OneOffs): Tuesday 2002-06-04, Monday 2012-06-04, Thursday 2022-06-02.
    private static Date Spring(int year) => year switch
    {
        2002 => new Date(2002, 6, 4),
        2012 => new Date(2012, 6, 4),
        2022 => new Date(2022, 6, 2),
        _ => NthWeekday(year, 5, DayOfWeek.Monday, -1),
    };

    // A holiday on a weekend is replaced by the first weekday after it not taken already: Boxing Day on a Sunday after a
    // Saturday Christmas goes to Tuesday 28 December, as Monday 27 is Christmas's substitute.
    private static Date Substitute(Date day, Date[] taken)
    {
        while (Weekday(day) is (int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday || taken.Contains(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
