namespace DealLang.Runtime.Tests;

/// <summary>
/// The named holiday calendars built from published rules (docs/language.md §4, "Business days"): Easter by the
/// Anonymous Gregorian algorithm against known dates, TARGET2's closing days (ECB, 14 December 2000), the Federal
/// Reserve's holidays (federalreserve.gov/aboutthefed/k8.htm), the NYSE's (NYSE Group's yearly holiday calendars, with
/// its unscheduled closures) and London's (gov.uk/bank-holidays) for several years, each checked by hand against the
/// published calendars, with the weekday of every date.
/// </summary>
public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Target2 = HolidayCalendars.Find("TARGET2")!;
    private static readonly HolidayCalendar Fed = HolidayCalendars.Find("federal_reserve")!;
    private static readonly HolidayCalendar Nyse = HolidayCalendars.Find("NYSE")!;
    private static readonly HolidayCalendar London = HolidayCalendars.Find("London")!;

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
        Assert.Equal(["TARGET2", "federal_reserve", "NYSE", "London"], HolidayCalendars.Names);
        Assert.Null(HolidayCalendars.Find("target2"));
        Assert.Null(HolidayCalendars.Find("nyse"));
        Assert.Equal(2002, Target2.FirstYear);
        Assert.Equal(1986, Fed.FirstYear);
        Assert.Equal(1998, HolidayCalendars.Find("NYSE")!.FirstYear);
        Assert.Equal(1995, HolidayCalendars.Find("London")!.FirstYear);
    }

    // Every calendar's one-off closures are weekdays inside its years, in date order, each also a holiday of its year,
    // and each year's holidays are in date order and distinct (the contract of HolidayCalendar.Holidays).
    [Fact]
    public void Each_year_s_holidays_are_in_it_in_order_and_every_one_off_closure_is_a_weekday_holiday()
    {
        foreach (HolidayCalendar calendar in HolidayCalendars.All)
        {
            Assert.Equal(calendar.OneOffs.OrderBy(c => c.Date), calendar.OneOffs);
            foreach (OneOffClosure closure in calendar.OneOffs)
            {
                Assert.True(closure.Date.Year >= calendar.FirstYear, $"{calendar.Name} {closure.Date}");
                Assert.False(BusinessDays.IsWeekend(closure.Date), $"{calendar.Name} {closure.Date}");
                Assert.True(calendar.IsHoliday(closure.Date), $"{calendar.Name} {closure.Date}");
                Assert.False(string.IsNullOrWhiteSpace(closure.Reason));
            }

            for (int year = calendar.FirstYear; year <= 2100; year++)
            {
                IReadOnlyList<Date> days = calendar.Holidays(year);
                Assert.Equal(days.Distinct().Order(), days);
                Assert.All(days, d => Assert.Equal(year, d.Year));
            }
        }
    }

    // NYSE Group's published holiday calendars (press releases of 2019-2025 announcing three years each):
    //   2020: Wed 01-01; MLK 01-20; Washington 02-17; Good Friday 04-10 (Easter 04-12); Memorial 05-25; Independence Sat
    //         07-04 observed Fri 07-03; Labor 09-07; Thanksgiving Thu 11-26; Christmas Fri 12-25.
    //   2021: Fri 01-01; MLK 01-18; Washington 02-15; Good Friday 04-02 (Easter 04-04); Memorial 05-31; Independence Sun
    //         07-04 observed Mon 07-05; Labor 09-06; Thanksgiving 11-25; Christmas Sat 12-25 observed Fri 12-24. No
    //         Juneteenth (signed 2021-06-17; the exchange stayed open on Friday 06-18).
    //   2022: New Year's Day Sat 01-01 ("—": no holiday observed, Rule 7.2: Friday 2021-12-31 ends the year); MLK 01-17;
    //         Washington 02-21; Good Friday 04-15 (Easter 04-17); Memorial 05-30; Juneteenth Sun 06-19 observed Mon 06-20;
    //         Independence Mon 07-04; Labor 09-05; Thanksgiving 11-24; Christmas Sun 12-25 observed Mon 12-26.
    //   2023: New Year's Day Sun 01-01 observed Mon 01-02; MLK 01-16; Washington 02-20; Good Friday 04-07 (Easter 04-09);
    //         Memorial 05-29; Juneteenth Mon 06-19; Independence Tue 07-04; Labor 09-04; Thanksgiving 11-23; Christmas
    //         Mon 12-25.
    //   2024: Mon 01-01; MLK 01-15; Washington 02-19; Good Friday 03-29 (Easter 03-31); Memorial 05-27; Juneteenth Wed
    //         06-19; Independence Thu 07-04; Labor 09-02; Thanksgiving 11-28; Christmas Wed 12-25.
    //   2025: Wed 01-01; Thu 01-09 (unscheduled: the national day of mourning for President Carter); MLK 01-20;
    //         Washington 02-17; Good Friday 04-18 (Easter 04-20); Memorial 05-26; Juneteenth Thu 06-19; Independence Fri
    //         07-04; Labor 09-01; Thanksgiving 11-27; Christmas Thu 12-25.
    //   2026: Thu 01-01; MLK 01-19; Washington 02-16; Good Friday 04-03 (Easter 04-05); Memorial 05-25; Juneteenth Fri
    //         06-19; Independence Sat 07-04 observed Fri 07-03; Labor 09-07; Thanksgiving 11-26; Christmas Fri 12-25.
    //   2027: Fri 01-01; MLK 01-18; Washington 02-15; Good Friday 03-26 (Easter 03-28); Memorial 05-31; Juneteenth Sat
    //         06-19 observed Fri 06-18; Independence Sun 07-04 observed Mon 07-05; Labor 09-06; Thanksgiving 11-25;
    //         Christmas Sat 12-25 observed Fri 12-24.
    [Theory]
    [InlineData(2020, "2020-01-01 2020-01-20 2020-02-17 2020-04-10 2020-05-25 2020-07-03 2020-09-07 2020-11-26 2020-12-25")]
    [InlineData(2021, "2021-01-01 2021-01-18 2021-02-15 2021-04-02 2021-05-31 2021-07-05 2021-09-06 2021-11-25 2021-12-24")]
    [InlineData(2022, "2022-01-01 2022-01-17 2022-02-21 2022-04-15 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-11-24 2022-12-26")]
    [InlineData(2023, "2023-01-02 2023-01-16 2023-02-20 2023-04-07 2023-05-29 2023-06-19 2023-07-04 2023-09-04 2023-11-23 2023-12-25")]
    [InlineData(2024, "2024-01-01 2024-01-15 2024-02-19 2024-03-29 2024-05-27 2024-06-19 2024-07-04 2024-09-02 2024-11-28 2024-12-25")]
    [InlineData(2025, "2025-01-01 2025-01-09 2025-01-20 2025-02-17 2025-04-18 2025-05-26 2025-06-19 2025-07-04 2025-09-01 2025-11-27 2025-12-25")]
    [InlineData(2026, "2026-01-01 2026-01-19 2026-02-16 2026-04-03 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-11-26 2026-12-25")]
    [InlineData(2027, "2027-01-01 2027-01-18 2027-02-15 2027-03-26 2027-05-31 2027-06-18 2027-07-05 2027-09-06 2027-11-25 2027-12-24")]
    public void The_NYSE_closes_on_its_published_holidays(int year, string days)
    {
        Assert.Equal(Dates(days), Nyse.Holidays(year));
    }

    // Rule 7.2's exception: New Year's Day on a Saturday leaves Friday 31 December open (2010, 2021, 2027: the
    // exchange's notices for 2011, 2022 and its 2028 calendar, "no New Year's Day holiday is observed"), while
    // Christmas on Saturday 2021-12-25 closes Friday 2021-12-24 and the Fed, on the same Saturday, leaves it open.
    // A Sunday New Year (2023) closes Monday 2023-01-02.
    [Fact]
    public void The_NYSE_stays_open_on_31_December_before_a_Saturday_New_Year()
    {
        var nyse = new BusinessDays(BusinessDayRoll.Following, [], [Nyse]);
        Assert.True(nyse.IsBusinessDay(new Date(2010, 12, 31)));
        Assert.True(nyse.IsBusinessDay(new Date(2021, 12, 31)));
        Assert.True(nyse.IsBusinessDay(new Date(2027, 12, 31)));
        Assert.Equal(new Date(2022, 1, 1), Nyse.Holidays(2022)[0]); // the Saturday as the rule gives it, not moved
        Assert.True(nyse.IsBusinessDay(new Date(2022, 1, 3)));
        Assert.False(nyse.IsBusinessDay(new Date(2021, 12, 24)));
        Assert.False(nyse.IsBusinessDay(new Date(2023, 1, 2)));
        Assert.True(new BusinessDays(BusinessDayRoll.Following, [], [Fed]).IsBusinessDay(new Date(2021, 12, 24)));
    }

    // The NYSE's unscheduled closures from 1998, each a weekday the rules leave open: Tuesday-Friday 2001-09-11..14
    // (the attacks), Friday 2004-06-11 (Reagan), Tuesday 2007-01-02 (Ford, the day after New Year's Day), Monday and
    // Tuesday 2012-10-29/30 (Hurricane Sandy), Wednesday 2018-12-05 (G. H. W. Bush), Thursday 2025-01-09 (Carter).
    // Monday 2001-09-17, when trading resumed, and Wednesday 2012-10-31 are open.
    [Fact]
    public void The_NYSE_closes_on_its_unscheduled_closures()
    {
        Assert.Equal(
            Dates("2001-09-11 2001-09-12 2001-09-13 2001-09-14 2004-06-11 2007-01-02 2012-10-29 2012-10-30 2018-12-05 2025-01-09"),
            Nyse.OneOffs.Select(c => c.Date));
        Assert.Equal(Dates("2007-01-01 2007-01-02 2007-01-15 2007-02-19 2007-04-06 2007-05-28 2007-07-04 2007-09-03 2007-11-22 2007-12-25"), Nyse.Holidays(2007));
        Assert.False(Nyse.IsHoliday(new Date(2001, 9, 17)));
        Assert.False(Nyse.IsHoliday(new Date(2012, 10, 31)));
        Assert.Equal(Dates("2001-09-03 2001-09-11 2001-09-12 2001-09-13 2001-09-14"), Nyse.Holidays(2001).Where(d => d.Month == 9)); // Labor Day, then the four
    }

    // The NYSE closes on Good Friday; the Federal Reserve does not. It does not close on Columbus Day or Veterans Day,
    // which the Federal Reserve does: Friday 2027-03-26, Monday 2027-10-11, Thursday 2027-11-11.
    [Fact]
    public void The_NYSE_and_the_Federal_Reserve_differ_on_Good_Friday_Columbus_Day_and_Veterans_Day()
    {
        Assert.True(Nyse.IsHoliday(new Date(2027, 3, 26)));
        Assert.False(Fed.IsHoliday(new Date(2027, 3, 26)));
        Assert.False(Nyse.IsHoliday(new Date(2027, 10, 11)));
        Assert.False(Nyse.IsHoliday(new Date(2027, 11, 11)));
    }

    // England and Wales bank holidays as gov.uk/bank-holidays lists them:
    //   2020: Wed 01-01; Good Friday 04-10, Easter Monday 04-13 (Easter 04-12); early May Fri 05-08 (moved from Mon
    //         05-04 for VE Day's 75th anniversary); spring Mon 05-25; summer Mon 08-31; Christmas Fri 12-25; Boxing Day
    //         Sat 12-26, substitute Mon 12-28.
    //   2021: Fri 01-01; 04-02, 04-05 (Easter 04-04); early May 05-03; spring 05-31; summer 08-30; Christmas Sat 12-25,
    //         substitute Mon 12-27; Boxing Day Sun 12-26, substitute Tue 12-28.
    //   2022: New Year's Day Sat 01-01, substitute Mon 01-03; 04-15, 04-18 (Easter 04-17); early May 05-02; spring moved
    //         to Thu 06-02 and the Platinum Jubilee Fri 06-03; summer 08-29; the state funeral of Queen Elizabeth II Mon
    //         09-19; Christmas Sun 12-25: Boxing Day Mon 12-26, Christmas substitute Tue 12-27.
    //   2023: New Year's Day Sun 01-01, substitute Mon 01-02; 04-07, 04-10 (Easter 04-09); early May 05-01; the
    //         coronation of King Charles III Mon 05-08; spring 05-29; summer 08-28; Christmas Mon 12-25, Boxing Tue 12-26.
    //   2024: Mon 01-01; 03-29, 04-01 (Easter 03-31); early May 05-06; spring 05-27; summer 08-26; Wed 12-25, Thu 12-26.
    //   2025: Wed 01-01; 04-18, 04-21 (Easter 04-20); early May 05-05; spring 05-26; summer 08-25; Thu 12-25, Fri 12-26.
    //   2026: Thu 01-01; 04-03, 04-06 (Easter 04-05); early May 05-04; spring 05-25; summer 08-31; Christmas Fri 12-25;
    //         Boxing Day Sat 12-26, substitute Mon 12-28.
    //   2027: Fri 01-01; 03-26, 03-29 (Easter 03-28); early May 05-03; spring 05-31; summer 08-30; Christmas Sat 12-25,
    //         substitute Mon 12-27; Boxing Day Sun 12-26, substitute Tue 12-28.
    [Theory]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    public void London_closes_on_the_published_bank_holidays_of_England_and_Wales(int year, string days)
    {
        Assert.Equal(Dates(days), London.Holidays(year));
    }

    // The days moved or added by proclamation before 2020: early May moved from Mon 1995-05-01 to Mon 1995-05-08 (VE
    // Day's 50th); Fri 1999-12-31 (the millennium); spring moved from Mon 2002-05-27 to Tue 2002-06-04, beside the
    // Golden Jubilee on Mon 2002-06-03; Fri 2011-04-29 (the royal wedding); spring moved from Mon 2012-05-28 to Mon
    // 2012-06-04, beside the Diamond Jubilee on Tue 2012-06-05. And New Year's Day on Saturday 2000-01-01: Mon 2000-01-03.
    [Fact]
    public void London_keeps_the_days_moved_and_added_by_proclamation()
    {
        Assert.True(London.IsHoliday(new Date(1995, 5, 8)));
        Assert.False(London.IsHoliday(new Date(1995, 5, 1)));
        Assert.True(London.IsHoliday(new Date(1999, 12, 31)));
        Assert.True(London.IsHoliday(new Date(2000, 1, 3)));
        Assert.Equal(Dates("2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26"), London.Holidays(2002));
        Assert.True(London.IsHoliday(new Date(2011, 4, 29)));
        Assert.Equal(Dates("2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26"), London.Holidays(2012));
        Assert.False(London.IsHoliday(new Date(2012, 5, 28)));
        Assert.False(London.IsHoliday(new Date(2022, 5, 30)));
    }

    // Good Friday closes both the NYSE and London; Easter Monday, 2027-03-29, only London (the NYSE is open).
    // Under following on London, Friday 2027-03-26 moves past the weekend and Easter Monday to Tuesday 2027-03-30; on
    // NYSE to Monday 2027-03-29; on both together, Tuesday.
    [Fact]
    public void Good_Friday_rolls_past_Easter_Monday_in_London_only()
    {
        Date goodFriday = new(2027, 3, 26);
        Assert.Equal(new Date(2027, 3, 30), new BusinessDays(BusinessDayRoll.Following, [], [London]).Adjust(goodFriday));
        Assert.Equal(new Date(2027, 3, 29), new BusinessDays(BusinessDayRoll.Following, [], [Nyse]).Adjust(goodFriday));
        Assert.Equal(new Date(2027, 3, 30), new BusinessDays(BusinessDayRoll.Following, [], [Nyse, London]).Adjust(goodFriday));
        Assert.Equal(goodFriday, new BusinessDays(BusinessDayRoll.Following, [], [Fed]).Adjust(goodFriday));
    }

    private static Date[] Dates(string text) =>
        [.. text.Split(' ').Select(s => new Date(int.Parse(s[..4]), int.Parse(s[5..7]), int.Parse(s[8..])))];
}
