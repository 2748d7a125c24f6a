namespace DealLang.Runtime;

/// <summary>
/// The periods of a forward test's window (<c>over next D</c>, docs/language.md §7), worked out once per deal into a
/// static array of the generated class, so the loop only indexes it.
/// </summary>
public static class ForwardWindow
{
    /// <summary>
    /// For each period t, the last period of its window: the periods after t whose end falls on or before t's end
    /// plus <paramref name="months"/> calendar months (a month-end end stays a month-end: 2030-02-28 + 1m is
    /// 2030-03-31), among the scheduled periods (none after the maturity is foreseen). t itself when none does
    /// (the window is empty).
    /// </summary>
    /// <param name="boundaries">Period t runs from <c>boundaries[t]</c> to <c>boundaries[t + 1]</c>.</param>
    public static int[] LastPeriods(ReadOnlySpan<Date> boundaries, int months, int scheduledPeriods)
    {
        int periods = Math.Max(0, boundaries.Length - 1);
        var last = new int[periods];
        int j = 0;
        for (int t = 0; t < periods; t++)
        {
            Date limit = WindowEnd(boundaries[t + 1], months);
            j = Math.Max(j, t);
            while (j + 1 < Math.Min(periods, scheduledPeriods) && boundaries[j + 2] <= limit)
            {
                j++;
            }

            last[t] = j;
        }

        return last;
    }

    /// <summary>The window's last day: <paramref name="periodEnd"/> plus the months, kept at a month's end.</summary>
    public static Date WindowEnd(Date periodEnd, int months)
    {
        Date end = periodEnd.AddMonthsClamped(months);
        return periodEnd.IsEndOfMonth && end.Year < 9999 ? new Date(end.Year, end.Month, Date.DaysInMonth(end.Year, end.Month)) : end;
    }
}
