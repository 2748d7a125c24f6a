namespace DealLang.Runtime;

/// <summary>
/// <c>TARGET2</c>: the closing days of the euro area's payment system (TARGET, since 2023 T2), as the ECB's Governing
/// Council fixed them on 14 December 2000 "from 2002 until further notice": New Year's Day, Good Friday, Easter
/// Monday, 1 May, Christmas Day and 26 December. None is moved when it falls on a weekend (the system is closed on
/// weekends anyway). Good Friday and Easter Monday follow the Catholic/Protestant Easter.
/// </summary>
public sealed class Target2Calendar : HolidayCalendar
{
    public override string Name => "TARGET2";

    public override int FirstYear => 2002;

    public override IReadOnlyList<Date> Holidays(int year)
    {
        Date easter = Easter.Sunday(year);
        return
        [
            new Date(year, 1, 1),
            easter.AddDays(-2),
            easter.AddDays(1),
            new Date(year, 5, 1),
            new Date(year, 12, 25),
            new Date(year, 12, 26),
        ];
    }
}
