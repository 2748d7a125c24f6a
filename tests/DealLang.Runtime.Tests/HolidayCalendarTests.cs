namespace DealLang.Runtime.Tests;

/// <summary>
/// The named holiday calendars built from published rules (docs/language.md §4, "Business days"): Easter by the
/// Anonymous Gregorian algorithm against known dates, TARGET2's closing days (ECB, 14 December 2000) and the Federal
/// Reserve's holidays (federalreserve.gov/aboutthefed/k8.htm) for several years, each checked by hand against the
/// published calendars, with the weekday of every date.
/// </summary>
public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Target2 = HolidayCalendars.Find("TARGET2")!;
    private static readonly HolidayCalendar Fed = HolidayCalendars.Find("federal_reserve")!;

    // Western Easter Sundays: 1818 and 2285 the earliest possible (22 March), 1943 and 2038 the latest (25 April).
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_is_the_known_date(int year, int month, int day)
    {
        Date easter = Easter.Sunday(year);
        Assert.Equal(new Date(year, month, day), easter);
        Assert.Equal(6, easter.DayNumber % 7); // a Sunday: day number 0, 0001-01-01, was a Monday
    }

    // The ECB's TARGET closing days:
    //   2024: Mon 01-01, Good Friday 03-29, Easter Monday 04-01 (Easter 03-31), Wed 05-01, Wed 12-25, Thu 12-26;
    //   2025: Wed 01-01, Good Friday 04-18, Easter Monday 04-21 (Easter 04-20), Thu 05-01, Thu 12-25, Fri 12-26;
    //   2027: Fri 01-01, Good Friday 03-26, Easter Monday 03-29 (Easter 03-28), Sat 05-01, Sat 12-25, Sun 12-26:
    //         the weekend ones are not moved;
    //   2028: Sat 01-01, Good Friday 04-14, Easter Monday 04-17 (Easter 04-16), Mon 05-01, Mon 12-25, Tue 12-26.
    [Theory]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-01 2024-12-25 2024-12-26")]
    [InlineData(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-01 2025-12-25 2025-12-26")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-01 2027-12-25 2027-12-26")]
    [InlineData(2028, "2028-01-01 2028-04-14 2028-04-17 2028-05-01 2028-12-25 2028-12-26")]
    public void Target2_closes_on_the_six_days_the_ECB_published(int year, string days)
    {
        Assert.Equal(Dates(days), Target2.Holidays(year));
    }

    // The Federal Reserve's holidays, each year's as the Board published it:
    //   2022: New Year's Day Sat 01-01 not moved (the Banks opened Fri 2021-12-31); MLK Mon 01-17; Washington Mon 02-21;
    //         Memorial Mon 05-30; Juneteenth Sun 06-19 observed Mon 06-20; Independence Mon 07-04; Labor Mon 09-05;
    //         Columbus Mon 10-10; Veterans Fri 11-11; Thanksgiving Thu 11-24; Christmas Sun 12-25 observed Mon 12-26.
    //   2023: New Year's Day Sun 01-01 observed Mon 01-02; MLK 01-16; Washington 02-20; Memorial 05-29; Juneteenth
    //         Mon 06-19; Independence Tue 07-04; Labor 09-04; Columbus 10-09; Veterans Sat 11-11 not moved; Thanksgiving
    //         Thu 11-23; Christmas Mon 12-25.
    //   2025: Wed 01-01; MLK 01-20; Washington 02-17; Memorial 05-26; Juneteenth Thu 06-19; Independence Fri 07-04;
    //         Labor 09-01; Columbus 10-13; Veterans Tue 11-11; Thanksgiving Thu 11-27; Christmas Thu 12-25.
    //   2027: Fri 01-01; MLK 01-18; Washington 02-15; Memorial 05-31; Juneteenth Sat 06-19 not moved; Independence Sun
    //         07-04 observed Mon 07-05; Labor 09-06; Columbus 10-11; Veterans Thu 11-11; Thanksgiving Thu 11-25;
    //         Christmas Sat 12-25 not moved.
    [Theory]
    [InlineData(2022, "2022-01-01 2022-01-17 2022-02-21 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-10-10 2022-11-11 2022-11-24 2022-12-26")]
    [InlineData(2023, "2023-01-02 2023-01-16 2023-02-20 2023-05-29 2023-06-19 2023-07-04 2023-09-04 2023-10-09 2023-11-11 2023-11-23 2023-12-25")]
    [InlineData(2025, "2025-01-01 2025-01-20 2025-02-17 2025-05-26 2025-06-19 2025-07-04 2025-09-01 2025-10-13 2025-11-11 2025-11-27 2025-12-25")]
    [InlineData(2027, "2027-01-01 2027-01-18 2027-02-15 2027-05-31 2027-06-19 2027-07-05 2027-09-06 2027-10-11 2027-11-11 2027-11-25 2027-12-25")]
    public void The_Federal_Reserve_closes_on_its_published_holidays(int year, string days)
    {
        Assert.Equal(Dates(days), Fed.Holidays(year));
    }

    // Juneteenth was signed into law on Thursday 2021-06-17; the Reserve Banks stayed open on Friday 2021-06-18 and
    // observe it from 2022: 2021 has ten holidays, and Monday 2021-06-21 is not one.
    [Fact]
    public void Juneteenth_is_a_Federal_Reserve_holiday_from_2022()
    {
        Assert.Equal(10, Fed.Holidays(2021).Count);
        Assert.False(Fed.IsHoliday(new Date(2021, 6, 18)));
        Assert.False(Fed.IsHoliday(new Date(2021, 6, 21)));
        Assert.True(Fed.IsHoliday(new Date(2022, 6, 20)));
    }

    // The Fed's rule for a Saturday holiday is not the federal government's: Christmas on Saturday 2027-12-25 leaves
    // Friday 2027-12-24 a business day (the government closes on it); New Year's Day on Saturday 2028-01-01 leaves
    // Friday 2027-12-31 one too.
    [Fact]
    public void A_Saturday_holiday_leaves_the_Friday_before_a_business_day()
    {
        var days = new BusinessDays(BusinessDayRoll.Following, [], [Fed]);
        Assert.True(days.IsBusinessDay(new Date(2027, 12, 24)));
        Assert.True(days.IsBusinessDay(new Date(2027, 12, 31)));
        Assert.False(days.IsBusinessDay(new Date(2027, 7, 5))); // Independence Day, Sunday 07-04, observed Monday
    }

    // Thanksgiving, Thursday 2027-11-25: following pays Friday 2027-11-26, preceding Wednesday 2027-11-24. Under TARGET2
    // the Thursday is a business day and stays. Listed and named holidays together: with Friday 2027-11-26 listed too,
    // following goes on to Monday 2027-11-29.
    [Fact]
    public void A_payment_date_on_a_named_holiday_moves()
    {
        Date thanksgiving = new(2027, 11, 25);
        Assert.Equal(new Date(2027, 11, 26), new BusinessDays(BusinessDayRoll.Following, [], [Fed]).Adjust(thanksgiving));
        Assert.Equal(new Date(2027, 11, 24), new BusinessDays(BusinessDayRoll.Preceding, [], [Fed]).Adjust(thanksgiving));
        Assert.Equal(thanksgiving, new BusinessDays(BusinessDayRoll.Following, [], [Target2]).Adjust(thanksgiving));
        Assert.Equal(new Date(2027, 11, 29), new BusinessDays(BusinessDayRoll.Following, [new Date(2027, 11, 26)], [Fed]).Adjust(thanksgiving));
    }

    // Easter Monday 2028-04-17 under TARGET2 and modified preceding: back past Easter Sunday, Saturday and Good Friday
    // (04-14) to Thursday 2028-04-13, still in April.
    [Fact]
    public void Easter_Monday_moves_back_past_Good_Friday()
    {
        var days = new BusinessDays(BusinessDayRoll.ModifiedPreceding, [], [Target2]);
        Assert.Equal(new Date(2028, 4, 13), days.Adjust(new Date(2028, 4, 17)));
    }

    [Fact]
    public void The_names_are_the_documented_ones_and_exact()
    {
        Assert.Equal(["TARGET2", "federal_reserve"], HolidayCalendars.Names);
        Assert.Null(HolidayCalendars.Find("target2"));
        Assert.Equal(2002, Target2.FirstYear);
        Assert.Equal(1986, Fed.FirstYear);
    }

    private static Date[] Dates(string text) =>
        [.. text.Split(' ').Select(s => new Date(int.Parse(s[..4]), int.Parse(s[5..7]), int.Parse(s[8..])))];
}
