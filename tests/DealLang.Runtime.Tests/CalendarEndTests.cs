namespace DealLang.Runtime.Tests;

/// <summary>
/// Month arithmetic that runs past the end of the calendar (found by the pipeline fuzzer: a lease starting on
/// 9999-12-31, a 10,000-year renewal, a sale lagged 9,999 years). AddMonths throws there, as DateTests require;
/// TryAddMonths and AddMonthsClamped let a deal's terms mean "never within the deal" instead.
/// </summary>
public class CalendarEndTests
{
    [Fact]
    public void TryAddMonthsAgreesWithAddMonthsInsideTheCalendar()
    {
        var start = new Date(2024, 1, 31);

        Assert.True(start.TryAddMonths(1, out Date february));
        Assert.Equal(new Date(2024, 2, 29), february); // 31 Jan + 1 month: the last day of a leap February
        Assert.True(new Date(9999, 11, 30).TryAddMonths(1, out Date last));
        Assert.Equal(new Date(9999, 12, 30), last);
        Assert.True(new Date(1, 2, 1).TryAddMonths(-1, out Date first));
        Assert.Equal(Date.MinValue, first);
    }

    [Theory]
    [InlineData(9999, 12, 1, 1)]             // the month after December 9999
    [InlineData(9999, 12, 31, 180)]          // a 15-year lease starting on the calendar's last day
    [InlineData(2026, 4, 1, 120_000)]        // 10,000 years, the longest duration the compiler keeps
    [InlineData(2026, 4, 1, int.MaxValue)]
    public void PastTheLastDayTryAddMonthsIsFalseAndClampsToIt(int year, int month, int day, int months)
    {
        var start = new Date(year, month, day);

        Assert.False(start.TryAddMonths(months, out Date result));
        Assert.Equal(Date.MaxValue, result);
        Assert.Equal(Date.MaxValue, start.AddMonthsClamped(months));
        Assert.Throws<ArgumentOutOfRangeException>(() => start.AddMonths(months));
    }

    [Theory]
    [InlineData(1, 1, 31, -1)]
    [InlineData(2026, 4, 1, int.MinValue)]
    public void BeforeTheFirstDayTryAddMonthsIsFalseAndClampsToIt(int year, int month, int day, int months)
    {
        var start = new Date(year, month, day);

        Assert.False(start.TryAddMonths(months, out Date result));
        Assert.Equal(Date.MinValue, result);
        Assert.Equal(Date.MinValue, start.AddMonthsClamped(months));
    }

    [Fact]
    public void AddMonthsClampedInsideTheCalendarIsAddMonths()
    {
        // 2049-05-30 + 6 months = 2049-11-30 (the Hyperion sale lag from its maturity).
        Assert.Equal(new Date(2049, 11, 30), new Date(2049, 5, 30).AddMonthsClamped(6));
    }
}
