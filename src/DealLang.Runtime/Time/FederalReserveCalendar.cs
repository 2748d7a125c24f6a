namespace DealLang.Runtime;

/// <summary>
/// <c>federal_reserve</c>: the holidays the US Federal Reserve Banks close on (the Board's "Holidays Observed by the
/// Federal Reserve System", federalreserve.gov/aboutthefed/k8.htm): New Year's Day, Martin Luther King Jr.'s Birthday
/// (third Monday in January), Washington's Birthday (third Monday in February), Memorial Day (last Monday in May),
/// Juneteenth (19 June, from 2022: the Reserve Banks stayed open on 18 June 2021, the day after the law was signed),
/// Independence Day, Labor Day (first Monday in September), Columbus Day (second Monday in October), Veterans Day
/// (11 November), Thanksgiving (fourth Thursday in November) and Christmas Day.
/// A fixed-date holiday on a Sunday is observed on the Monday after it; one on a Saturday is not moved: the Reserve
/// Banks are open on the Friday before (unlike the federal government, which closes on that Friday). The rules hold
/// from 1986, the first year of Martin Luther King Jr.'s Birthday.
/// </summary>
public sealed class FederalReserveCalendar : HolidayCalendar
{
    public override string Name => "federal_reserve";

    public override int FirstYear => 1986;

    public override IReadOnlyList<Date> Holidays(int year)
    {
        var days = new List<Date>(11)
        {
            Observed(new Date(year, 1, 1)),
            NthWeekday(year, 1, DayOfWeek.Monday, 3),
            NthWeekday(year, 2, DayOfWeek.Monday, 3),
            NthWeekday(year, 5, DayOfWeek.Monday, -1),
        };
        if (year >= 2022)
        {
            days.Add(Observed(new Date(year, 6, 19)));
        }

        days.Add(Observed(new Date(year, 7, 4)));
        days.Add(NthWeekday(year, 9, DayOfWeek.Monday, 1));
        days.Add(NthWeekday(year, 10, DayOfWeek.Monday, 2));
        days.Add(Observed(new Date(year, 11, 11)));
        days.Add(NthWeekday(year, 11, DayOfWeek.Thursday, 4));
        days.Add(Observed(new Date(year, 12, 25)));
        return days;
    }

    // A Sunday holiday is observed on Monday; a Saturday one stays on the Saturday (the Friday before is open).
    private static Date Observed(Date d) => Weekday(d) == (int)DayOfWeek.Sunday ? d.AddDays(1) : d;
}
