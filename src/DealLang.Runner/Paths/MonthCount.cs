using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Calendar arithmetic the value curves need, kept allocation-free.</summary>
static class MonthCount
{
    /// <summary>
    /// Months from <paramref name="from"/> to <paramref name="to"/> (to ≥ from), counting whole calendar months
    /// (each rolled from the anchor in one step, as <see cref="Date.AddMonths"/> does) plus the elapsed share of
    /// the month in progress. Exact on monthly anniversaries, so 15 years of a 30-year straight line is exactly
    /// half, whatever the leap years in between.
    /// </summary>
    public static double Between(Date from, Date to)
    {
        if (to <= from)
        {
            return 0;
        }

        int whole = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        while (whole > 0 && from.AddMonths(whole) > to)
        {
            whole--;
        }

        Date monthStart = from.AddMonths(whole);
        if (monthStart == to)
        {
            return whole;
        }

        Date monthEnd = from.AddMonths(whole + 1);
        return whole + (Date.DaysBetween(monthStart, to) / (double)Date.DaysBetween(monthStart, monthEnd));
    }

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/> as days / 365.25: the scenario
    /// stresses compound continuously in time, independent of the deal's day count.</summary>
    public static double Years(Date from, Date to) => Date.DaysBetween(from, to) / 365.25;
}
