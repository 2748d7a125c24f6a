namespace DealLang.Runtime;

/// <summary>
/// An index's level at a date under given terms (docs/language.md §5, "index"): the base curve (the level, or the
/// dated points: stepped or interpolated, the level before the first), times the drift (1 − deflate)^years (a growth R
/// is a deflation of −R, so (1 + R)^years), ACT/365F from the drift's anchor — the closing, or the last point when it
/// is later —, times (1 − down) for each launch on or before the date, plus a scenario's shift. The runner's level rows
/// and the compiler's reading of an indexed lease's base level (its level on the lease's start) are this one function.
/// </summary>
public static class IndexCurve
{
    /// <summary>The level at <paramref name="d"/>: the deal's launches multiply first, in date order, then a
    /// scenario's <paramref name="addedLaunches"/>, in the order written.</summary>
    public static double At(double level, double deflatePerYear, IndexPoints? points, IndexLaunch[] launches, IndexLaunch[] addedLaunches,
        double shift, Date closing, Date d)
    {
        ArgumentNullException.ThrowIfNull(launches);
        ArgumentNullException.ThrowIfNull(addedLaunches);
        double value = Base(level, points, closing, d);
        if (deflatePerYear != 0)
        {
            Date anchor = points is { Dates.Length: > 0 } p && p.Dates[^1] > closing ? p.Dates[^1] : closing;
            double years = Math.Max(0, Date.DaysBetween(anchor, d)) / 365.0;
            value *= Math.Pow(Math.Max(0.0, 1 - deflatePerYear), years);
        }

        value = Launched(value, launches, d);
        value = Launched(value, addedLaunches, d);
        return value + shift;
    }

    /// <summary>The level of <paramref name="index"/> at <paramref name="d"/> under the deal's own terms, in a deal
    /// closing on <paramref name="closing"/> (an index another entity declares is anchored at that one's closing,
    /// <see cref="IndexInfo.Closing"/>).</summary>
    public static double At(IndexInfo index, Date closing, Date d)
    {
        ArgumentNullException.ThrowIfNull(index);
        return At(index.Level, index.DeflatePerYear, index.Points, index.Launches, [], 0, index.AnchorIn(closing), d);
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
