namespace DealLang.Runtime.Tests;

public class DateTests
{
    [Theory]
    [InlineData(2024, 2, 29)] // 2024 is divisible by 4 and not by 100
    [InlineData(2000, 2, 29)] // divisible by 400
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    [InlineData(2025, 4, 30)]
    public void Constructor_accepts_valid_dates(int y, int m, int d)
    {
        var date = new Date(y, m, d);
        Assert.Equal((y, m, d), (date.Year, date.Month, date.Day));
    }

    [Theory]
    [InlineData(2023, 2, 29)] // not a leap year
    [InlineData(1900, 2, 29)] // divisible by 100, not by 400
    [InlineData(2025, 4, 31)]
    [InlineData(2025, 13, 1)]
    [InlineData(2025, 0, 1)]
    [InlineData(2025, 1, 0)]
    [InlineData(0, 12, 31)]
    [InlineData(10000, 1, 1)]
    public void Constructor_rejects_invalid_dates(int y, int m, int d)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Date(y, m, d));
        Assert.False(Date.TryCreate(y, m, d, out Date date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void Every_day_number_matches_DateOnly_both_ways()
    {
        // DateOnly is the BCL's independent implementation of the same day numbering.
        for (int n = DateOnly.MinValue.DayNumber; n <= DateOnly.MaxValue.DayNumber; n++)
        {
            var bcl = DateOnly.FromDayNumber(n);
            var (y, m, d) = Date.FromDayNumber(n);
            if (y != bcl.Year || m != bcl.Month || d != bcl.Day || new Date(y, m, d).DayNumber != n)
            {
                Assert.Fail($"Day number {n}: Date gives {y}-{m}-{d}, DateOnly gives {bcl:O}.");
            }
        }
    }

    [Fact]
    public void Min_and_max_values_span_the_DateOnly_range()
    {
        Assert.Equal(0, Date.MinValue.DayNumber);
        Assert.Equal(DateOnly.MaxValue.DayNumber, Date.MaxValue.DayNumber);
        Assert.Equal("0001-01-01", Date.MinValue.ToString());
        Assert.Equal("9999-12-31", Date.MaxValue.ToString());
        Assert.Equal(Date.MinValue, default);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3_652_059)]
    public void FromDayNumber_rejects_out_of_range(int dayNumber) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.FromDayNumber(dayNumber));

    [Fact]
    public void AddDays_moves_across_month_year_and_leap_boundaries()
    {
        Assert.Equal(new Date(2024, 2, 29), new Date(2024, 2, 28).AddDays(1));
        Assert.Equal(new Date(2024, 3, 1), new Date(2024, 2, 29).AddDays(1));
        Assert.Equal(new Date(2025, 1, 1), new Date(2024, 12, 31).AddDays(1));
        Assert.Equal(new Date(2024, 12, 31), new Date(2025, 1, 1).AddDays(-1));
        Assert.Equal(new Date(2025, 1, 1), new Date(2024, 1, 1).AddDays(366)); // 2024 has 366 days
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.MaxValue.AddDays(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.MinValue.AddDays(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.MinValue.AddDays(int.MaxValue));
    }

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")] // clamps to the leap-year February end
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2024-03-31", -1, "2024-02-29")]
    [InlineData("2024-05-31", 1, "2024-06-30")]
    [InlineData("2025-10-30", -11, "2024-11-30")]
    [InlineData("2025-11-30", 6, "2026-05-30")]
    [InlineData("2024-12-15", 1, "2025-01-15")]
    [InlineData("2025-01-15", -1, "2024-12-15")]
    [InlineData("2025-08-31", 0, "2025-08-31")]
    [InlineData("2025-08-31", -120, "2015-08-31")]
    public void AddMonths_clamps_to_the_target_months_last_day(string from, int months, string expected) =>
        Assert.Equal(Iso(expected), Iso(from).AddMonths(months));

    [Fact]
    public void AddMonths_agrees_with_DateOnly_over_three_years_of_starts()
    {
        for (Date d = new(2023, 1, 1); d <= new Date(2025, 12, 31); d = d.AddDays(1))
        {
            var bcl = DateOnly.FromDayNumber(d.DayNumber);
            for (int months = -30; months <= 30; months++)
            {
                Assert.Equal(bcl.AddMonths(months).DayNumber, d.AddMonths(months).DayNumber);
            }
        }
    }

    [Fact]
    public void AddMonths_and_AddYears_reject_leaving_the_calendar()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Date(9999, 12, 1).AddMonths(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Date(1, 1, 31).AddMonths(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.MinValue.AddMonths(int.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.MaxValue.AddYears(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.MinValue.AddYears(int.MaxValue));
    }

    [Fact]
    public void AddYears_moves_29_February_to_28_February_in_common_years()
    {
        Assert.Equal(new Date(2025, 2, 28), new Date(2024, 2, 29).AddYears(1));
        Assert.Equal(new Date(2028, 2, 29), new Date(2024, 2, 29).AddYears(4));
        Assert.Equal(new Date(2023, 2, 28), new Date(2024, 2, 29).AddYears(-1));
        Assert.Equal(new Date(2049, 5, 30), new Date(2025, 5, 30).AddYears(24));
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-28", true)]
    [InlineData("2024-02-28", false)]
    [InlineData("2025-04-30", true)]
    [InlineData("2025-05-30", false)]
    [InlineData("2025-12-31", true)]
    [InlineData("2025-01-01", false)]
    public void IsEndOfMonth(string date, bool expected) => Assert.Equal(expected, Iso(date).IsEndOfMonth);

    [Fact]
    public void DaysInMonth_and_IsLeapYear()
    {
        Assert.Equal([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], Enumerable.Range(1, 12).Select(m => Date.DaysInMonth(2024, m)));
        Assert.Equal(28, Date.DaysInMonth(2025, 2));
        Assert.True(Date.IsLeapYear(2000));
        Assert.False(Date.IsLeapYear(2100));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.DaysInMonth(2025, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Date.IsLeapYear(0));
    }

    [Fact]
    public void DaysBetween_is_end_minus_start()
    {
        // 2025-10-30 -> 2025-11-30: October has 31 days, so 31.
        Assert.Equal(31, Date.DaysBetween(new Date(2025, 10, 30), new Date(2025, 11, 30)));
        Assert.Equal(-31, Date.DaysBetween(new Date(2025, 11, 30), new Date(2025, 10, 30)));
        Assert.Equal(0, Date.DaysBetween(new Date(2025, 1, 1), new Date(2025, 1, 1)));
        Assert.Equal(Date.MaxValue.DayNumber, Date.DaysBetween(Date.MinValue, Date.MaxValue));
    }

    [Fact]
    public void Comparison_equality_and_ordering_follow_the_calendar()
    {
        Date a = new(2025, 1, 31);
        Date b = new(2025, 2, 1);
        Assert.True(a < b && a <= b && b > a && b >= a && a != b);
        Assert.True(a <= new Date(2025, 1, 31) && a >= new Date(2025, 1, 31) && a == new Date(2025, 1, 31));
        Assert.False(a > b || a >= b || b < a || b <= a || a == b);
        Assert.True(a.CompareTo(b) < 0 && b.CompareTo(a) > 0 && a.CompareTo(a) == 0);
        Assert.True(a.Equals((object)new Date(2025, 1, 31)));
        Assert.False(a.Equals((object)"2025-01-31"));
        Assert.Equal(new Date(2025, 1, 31).GetHashCode(), a.GetHashCode());
        Assert.Equal(a, Date.Min(a, b));
        Assert.Equal(b, Date.Max(a, b));
        Assert.Equal(a, Date.Min(a, a));
        Assert.Equal([a, b], new[] { b, a }.Order());
    }

    [Theory]
    [InlineData(2025, 10, 30, "2025-10-30")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(987, 6, 5, "0987-06-05")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void ToString_is_iso_with_zero_padding(int y, int m, int d, string expected) =>
        Assert.Equal(expected, new Date(y, m, d).ToString());

    [Theory]
    [InlineData("2025-10-30", 2025, 10, 30)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void TryParseIso_accepts_exact_iso_dates(string text, int y, int m, int d)
    {
        Assert.True(Date.TryParseIso(text, out Date date));
        Assert.Equal(new Date(y, m, d), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-1-30")]
    [InlineData("2025-10-3")]
    [InlineData(" 2025-10-30")]
    [InlineData("2025-10-30 ")]
    [InlineData("2025-10-30T00:00")]
    [InlineData("2025/10/30")]
    [InlineData("20251030")]
    [InlineData("+025-10-30")]
    [InlineData("2025-10-3a")]
    [InlineData("2025-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("2025-00-10")]
    [InlineData("\uFF12\uFF10\uFF12\uFF15-10-30")] // full-width digits are digits to char.IsDigit, not to ISO
    public void TryParseIso_rejects_anything_else(string? text)
    {
        Assert.False(Date.TryParseIso(text, out Date date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void ToString_and_TryParseIso_round_trip()
    {
        for (int n = 0; n <= Date.MaxValue.DayNumber; n += 997)
        {
            Date d = Date.FromDayNumber(n);
            Assert.True(Date.TryParseIso(d.ToString(), out Date parsed));
            Assert.Equal(d, parsed);
        }
    }

    private static Date Iso(string s) => Date.TryParseIso(s, out Date d) ? d : throw new FormatException(s);
}
