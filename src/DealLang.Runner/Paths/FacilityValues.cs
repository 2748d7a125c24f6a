using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>A facility's market value: the unstressed curve (computed once per deal by <see cref="DealPaths"/>),
/// and the scenario's deflation and drop as multipliers of it.</summary>
static class FacilityValues
{
    /// <summary>The deal file's own value curve at <paramref name="d"/>.</summary>
    public static double Unstressed(FacilityInfo facility, Date d) => facility.Value switch
    {
        StraightLineCurve line => StraightLine(facility.Cost, line, d),
        ScheduleCurve schedule => Interpolate(schedule.Dates, schedule.Values, d, facility.Cost),
        _ => throw new ArgumentOutOfRangeException(nameof(facility), facility.Value, "Unknown value curve."),
    };

    /// <summary>(1 − deflate)^(years since closing) × (1 − drop × min(1, elapsed share of closing→by)).</summary>
    public static double Stress(ValueStress stress, Date closing, Date d)
    {
        bool deflates = stress.DeflatePerYear != 0;
        return StressFromLog(stress, deflates, deflates ? MonthCount.DeflationLog(stress.DeflatePerYear) : 0.0,
            DropSpan(stress, closing), Date.DaysBetween(closing, d), MonthCount.Years(closing, d));
    }

    /// <summary>The value on <paramref name="d"/> on a path: the curve times <see cref="StressFromLog"/> at the rate
    /// <paramref name="deflatePerYear"/> (the stress's own, or a Monte Carlo path's drawn one) and the stress's drop, the
    /// operations <see cref="DealPaths"/> applies at each period's end, so a period's end date gives that period's value
    /// bit for bit.</summary>
    public static double OnDate(FacilityInfo facility, ValueStress stress, double deflatePerYear, Date closing, Date d)
    {
        bool deflates = deflatePerYear != 0;
        return Unstressed(facility, d) * StressFromLog(stress, deflates, deflates ? MonthCount.DeflationLog(deflatePerYear) : 0.0,
            DropSpan(stress, closing), Date.DaysBetween(closing, d), MonthCount.Years(closing, d));
    }

    /// <summary><see cref="Stress"/> at the closing date itself: 1, or 1 − drop for a drop dated on or before the
    /// closing (no time has passed for the deflation, so it is exactly 1 whatever its rate, drawn or not).</summary>
    public static double AtClosing(ValueStress stress, Date closing)
    {
        if (stress.DropFraction == 0 || stress.DropBy is not { } by)
        {
            return 1.0; // StressFromLog's factor untouched
        }

        // StressFromLog at 0 days without its division: 0 / a positive span is +0 (reached), clamped to itself; a drop
        // dated on or before the closing has happened in full. The same operations after it, so the same bits; every path
        // asks, and the division cost more than the rest of it.
        double reached = Date.DaysBetween(closing, by) <= 0 ? 1.0 : 0.0;
        return 1.0 * (1 - (stress.DropFraction * reached));
    }

    /// <summary>Days from the closing to the drop's date (0 without a drop).</summary>
    public static int DropSpan(ValueStress stress, Date closing) =>
        stress.DropBy is { } by ? Date.DaysBetween(closing, by) : 0;

    /// <summary><see cref="Stress"/> from the date's days and years since the closing (which the precompute keeps per period end,
    /// <see cref="DealPaths"/>) and the deflation's <see cref="MonthCount.DeflationLog"/> (<paramref name="deflates"/>: the
    /// rate is not 0; the scenario's own, or a Monte Carlo path's drawn one), taken once for a curve's periods rather
    /// than once a period.</summary>
    public static double StressFromLog(ValueStress stress, bool deflates, double deflationLog, int dropSpan, int days, double years)
    {
        double factor = 1.0;
        if (deflates)
        {
            factor *= MonthCount.DeflationFromLog(deflationLog, years);
        }

        if (stress.DropFraction != 0 && stress.DropBy is not null)
        {
            // A drop dated on or before closing has already happened in full.
            double reached = dropSpan <= 0 ? 1.0 : Math.Clamp(days / (double)dropSpan, 0.0, 1.0);
            factor *= 1 - (stress.DropFraction * reached);
        }

        return factor;
    }

    static double StraightLine(double cost, StraightLineCurve line, Date d)
    {
        if (d <= line.Start)
        {
            return cost;
        }

        double elapsed = line.LifeMonths <= 0
            ? 1.0
            : Math.Min(1.0, MonthCount.Between(line.Start, d) / line.LifeMonths);
        return cost * (1 - ((1 - line.FloorFraction) * elapsed));
    }

    // Linear in the day number between points, flat before the first and after the last.
    static double Interpolate(Date[] dates, double[] values, Date d, double fallback)
    {
        if (dates.Length == 0)
        {
            return fallback;
        }

        if (d <= dates[0])
        {
            return values[0];
        }

        for (int i = 1; i < dates.Length; i++)
        {
            if (d <= dates[i])
            {
                double share = Date.DaysBetween(dates[i - 1], d) / (double)Date.DaysBetween(dates[i - 1], dates[i]);
                return values[i - 1] + ((values[i] - values[i - 1]) * share);
            }
        }

        return values[^1];
    }
}
