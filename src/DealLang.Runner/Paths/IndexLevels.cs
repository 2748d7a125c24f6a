using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// An index's level at a date (docs/language.md §5, "index"): the base curve (the level, or the dated points:
/// stepped or interpolated, the level before the first), times the drift (1 − deflate)^years (a growth R is a
/// deflation of −R, so (1 + R)^years), ACT/365F from the
/// drift's anchor — the closing, or the last point when it is later —, times (1 − down) for each launch on or before
/// the date, plus the scenario's shift. A period reads the level at its start (<see cref="Fill"/>).
/// </summary>
static class IndexLevels
{
    /// <summary>The terms a path uses: the deal's, with the scenario's overrides applied. The scenario's added
    /// launches are kept apart from the deal's (no array is made per path): the deal's multiply first, in date order,
    /// then the scenario's, in the order written.</summary>
    public readonly record struct Terms(double Level, double DeflatePerYear, IndexPoints? Points, IndexLaunch[] Launches, IndexLaunch[] AddedLaunches, double Shift)
    {
        /// <summary>The deal's terms under <paramref name="o"/> (null: the deal's own).</summary>
        public static Terms Of(IndexInfo index, IndexOverride? o) => new(
            o?.Level ?? index.Level,
            o?.DeflatePerYear ?? index.DeflatePerYear,
            o?.Points ?? index.Points,
            index.Launches,
            o?.AddedLaunches ?? [],
            o?.Shift ?? 0);
    }

    /// <summary>The level at the start of each period, <c>into[t]</c> at <c>Boundaries[t]</c>.</summary>
    public static void Fill(Terms terms, Date closing, Date[] boundaries, double[] into)
    {
        for (int t = 0; t < into.Length; t++)
        {
            into[t] = At(terms, closing, boundaries[t]);
        }
    }

    /// <summary>The level at <paramref name="d"/>.</summary>
    public static double At(Terms terms, Date closing, Date d)
    {
        double value = Base(terms.Level, terms.Points, closing, d);
        if (terms.DeflatePerYear != 0)
        {
            Date anchor = terms.Points is { Dates.Length: > 0 } p && p.Dates[^1] > closing ? p.Dates[^1] : closing;
            double years = Math.Max(0, Date.DaysBetween(anchor, d)) / 365.0;
            value *= Math.Pow(Math.Max(0.0, 1 - terms.DeflatePerYear), years);
        }

        value = Launched(value, terms.Launches, d);
        value = Launched(value, terms.AddedLaunches, d);
        return value + terms.Shift;
    }

    static double Launched(double value, IndexLaunch[] launches, Date d)
    {
        foreach (IndexLaunch launch in launches)
        {
            if (launch.Date <= d)
            {
                value *= 1 - launch.Down;
            }
        }

        return value;
    }

    /// <summary>The level, or the points' value at <paramref name="d"/>. Stepped: the last point at or before the
    /// date, the level before the first. Interpolated: linear in days between the points around the date, the last
    /// point's after the last; before the first, linear from the level at the closing to the first point (the level
    /// itself before the closing, or when the first point is not after the closing).</summary>
    public static double Base(double level, IndexPoints? points, Date closing, Date d)
    {
        if (points is null || points.Dates.Length == 0)
        {
            return level;
        }

        if (d < points.Dates[0])
        {
            if (!points.Interpolated || d <= closing || points.Dates[0] <= closing)
            {
                return level;
            }

            double lead = Date.DaysBetween(closing, d) / (double)Date.DaysBetween(closing, points.Dates[0]);
            return level + ((points.Values[0] - level) * lead);
        }

        Date[] dates = points.Dates;
        double[] values = points.Values;
        int last = dates.Length - 1;
        for (int i = 0; i < last; i++)
        {
            if (d < dates[i + 1])
            {
                if (!points.Interpolated)
                {
                    return values[i];
                }

                double share = Date.DaysBetween(dates[i], d) / (double)Date.DaysBetween(dates[i], dates[i + 1]);
                return values[i] + ((values[i + 1] - values[i]) * share);
            }
        }

        return values[last];
    }
}
