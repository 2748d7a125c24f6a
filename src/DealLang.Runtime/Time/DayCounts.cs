namespace DealLang.Runtime;

/// <summary>
/// Year fractions and day counts for <see cref="DayCount"/>. Everything is integer arithmetic on
/// <see cref="Date"/> until the final division, and nothing allocates, because accrual runs every period.
/// A reversed range (end before start) gives the negated value of the forward range.
/// </summary>
public static class DayCounts
{
    /// <summary>The fraction of a year between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static double YearFraction(DayCount dc, Date start, Date end)
    {
        if (end < start)
        {
            return -YearFraction(dc, end, start);
        }

        return dc switch
        {
            DayCount.Thirty360 or DayCount.Thirty360E => Thirty360Days(dc, start, end) / 360.0,
            DayCount.Act360 => Date.DaysBetween(start, end) / 360.0,
            DayCount.Act365F => Date.DaysBetween(start, end) / 365.0,
            DayCount.ActAct => ActActIsda(start, end),
            _ => throw Unknown(dc),
        };
    }

    /// <summary>
    /// The day count the convention puts over its denominator: 30-day-month days for the 30/360 family,
    /// actual days otherwise (for ACT/ACT this is the plain day count, which has no single denominator).
    /// Lets callers that need exact money work in integers or decimal: amount × numerator / denominator.
    /// </summary>
    public static int DayCountNumerator(DayCount dc, Date start, Date end)
    {
        if (end < start)
        {
            return -DayCountNumerator(dc, end, start);
        }

        return dc switch
        {
            DayCount.Thirty360 or DayCount.Thirty360E => Thirty360Days(dc, start, end),
            DayCount.Act360 or DayCount.Act365F or DayCount.ActAct => Date.DaysBetween(start, end),
            _ => throw Unknown(dc),
        };
    }

    /// <summary>The fixed year basis (360 or 365). ACT/ACT has none; asking for it is a programming error.</summary>
    public static int Denominator(DayCount dc) => dc switch
    {
        DayCount.Thirty360 or DayCount.Thirty360E or DayCount.Act360 => 360,
        DayCount.Act365F => 365,
        DayCount.ActAct => throw new ArgumentOutOfRangeException(
            nameof(dc), dc, "ACT/ACT has no fixed denominator; use YearFraction."),
        _ => throw Unknown(dc),
    };

    /// <summary>The conventional market name: 30/360, 30E/360, ACT/360, ACT/365F, ACT/ACT.</summary>
    public static string Name(DayCount dc) => dc switch
    {
        DayCount.Thirty360 => "30/360",
        DayCount.Thirty360E => "30E/360",
        DayCount.Act360 => "ACT/360",
        DayCount.Act365F => "ACT/365F",
        DayCount.ActAct => "ACT/ACT",
        _ => throw Unknown(dc),
    };

    /// <summary>Accepts exactly the names <see cref="Name"/> produces, in any letter case.</summary>
    public static bool TryParse(string? text, out DayCount dc)
    {
        foreach (DayCount candidate in (ReadOnlySpan<DayCount>)[DayCount.Thirty360, DayCount.Thirty360E, DayCount.Act360, DayCount.Act365F, DayCount.ActAct])
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                dc = candidate;
                return true;
            }
        }

        dc = default;
        return false;
    }

    // Expects start <= end.
    private static int Thirty360Days(DayCount dc, Date start, Date end)
    {
        var (y1, m1, d1) = start;
        var (y2, m2, d2) = end;
        if (dc == DayCount.Thirty360E)
        {
            d1 = Math.Min(d1, 30);
            d2 = Math.Min(d2, 30);
        }
        else
        {
            // ISDA 4.16(f): the end date's 31st is cut only when the start was already a 30th or 31st,
            // so 15 Jan -> 31 Mar counts 76 days, not 75.
            if (d1 == 31)
            {
                d1 = 30;
            }

            if (d2 == 31 && d1 == 30)
            {
                d2 = 30;
            }
        }

        return (360 * (y2 - y1)) + (30 * (m2 - m1)) + (d2 - d1);
    }

    // Expects start <= end. Each calendar year's share is weighed by that year's own length.
    private static double ActActIsda(Date start, Date end)
    {
        int startYear = start.Year;
        int endYear = end.Year;
        if (startYear == endYear)
        {
            return Date.DaysBetween(start, end) / (double)DaysInYear(startYear);
        }

        int firstPart = Date.DaysBetween(start, new Date(startYear + 1, 1, 1));
        int lastPart = Date.DaysBetween(new Date(endYear, 1, 1), end);
        return (firstPart / (double)DaysInYear(startYear)) + (endYear - startYear - 1) + (lastPart / (double)DaysInYear(endYear));
    }

    private static int DaysInYear(int year) => Date.IsLeapYear(year) ? 366 : 365;

    private static ArgumentOutOfRangeException Unknown(DayCount dc) => new(nameof(dc), dc, "Unknown day-count convention.");
}
