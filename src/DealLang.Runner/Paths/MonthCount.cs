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
    public static double Deflation(double ratePerYear, double years) => DeflationFromLog(DeflationLog(ratePerYear), years);

    /// <summary>ln(1 − <paramref name="ratePerYear"/>), with the base stopped at 0 as in <see cref="Deflation"/> (so −∞
    /// from 100% on): what <see cref="DeflationFromLog"/> multiplies the years by. A path whose rate is drawn works it
    /// out once, not once per period or reset (<see cref="PathMemo"/>).</summary>
    public static double DeflationLog(double ratePerYear) => Math.Log(Math.Max(0.0, 1 - ratePerYear));

    /// <summary>(1 − rate)^<paramref name="years"/> as e^(years × <paramref name="log"/>), <paramref name="log"/> the
    /// rate's <see cref="DeflationLog"/>: one exponential where <c>Math.Pow</c> cost about twice as much (half of a Monte
    /// Carlo path's fill went to it, bench/HISTORY.md, 2026-12-03d); within a few units in the last place of the power.
    /// 1 at no time, as any power at exponent 0 is.</summary>
    public static double DeflationFromLog(double log, double years) => years == 0 ? 1.0 : Math.Exp(years * log);

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/> as days / 365.25: the scenario
    /// stresses compound continuously in time, independent of the deal's day count.</summary>
    public static double Years(Date from, Date to) => Date.DaysBetween(from, to) / 365.25;
}
