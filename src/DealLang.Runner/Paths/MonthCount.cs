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

        // The month in progress ends past 9999-12-31 only when it starts in December 9999, and a month from
        // a day of December to the same day of January always has 31 days.
        int monthDays = from.TryAddMonths(whole + 1, out Date monthEnd) ? Date.DaysBetween(monthStart, monthEnd) : 31;
        return whole + (Date.DaysBetween(monthStart, to) / (double)monthDays);
    }

    /// <summary>
    /// The factor (1 − <paramref name="ratePerYear"/>)^<paramref name="years"/> of a deflation. A deflation of
    /// 100% a year or more leaves nothing after the closing: the base stops at 0, where a negative one would make
    /// fractional powers NaN (a value or a rent that is not a number, and a run that cannot balance its cash).
    /// </summary>
    public static double Deflation(double ratePerYear, double years) => Math.Pow(Math.Max(0.0, 1 - ratePerYear), years);

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/> as days / 365.25: the scenario
    /// stresses compound continuously in time, independent of the deal's day count.</summary>
    public static double Years(Date from, Date to) => Date.DaysBetween(from, to) / 365.25;
}
