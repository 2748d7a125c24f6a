namespace DealLang.Runtime;

/// <summary>Period boundaries of a regular payment schedule, and the lookup of a date's period.</summary>
public static class Schedule
{
    /// <summary>
    /// The boundary dates <c>[start, p1, ..., end]</c>, strictly increasing.
    /// <para>
    /// Without <paramref name="firstPayment"/> the dates are rolled backward from <paramref name="end"/>
    /// and any short stub falls in the first period. With it, the first period is start→firstPayment and
    /// the rest roll forward from firstPayment, any short stub falling in the last period.
    /// Each rolled date is computed from its anchor in one step (anchor ± k periods) rather than from its
    /// neighbour, so a 31st or a month-end is not ratcheted down by a short month on the way; an anchor
    /// that is a month's last day keeps every rolled date on a month's last day (a 30 November anchor
    /// therefore rolls to 31 May: the date alone cannot say whether "the 30th" or "month end" was meant).
    /// </para>
    /// </summary>
    public static Date[] Boundaries(Date start, Date end, Frequency f, Date? firstPayment = null)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The schedule end {end} must be after its start {start}.", nameof(end));
        }

        if (firstPayment is { } first && (first <= start || first > end))
        {
            throw new ArgumentOutOfRangeException(
                nameof(firstPayment), $"The first payment {first} must be after the start {start} and not after the end {end}.");
        }

        int months = Frequencies.MonthsPerPeriod(f);
        return firstPayment is { } anchor
            ? RollForward(start, anchor, end, months)
            : RollBackward(start, end, months);
    }

    /// <summary>
    /// <paramref name="boundaries"/> followed by <paramref name="periods"/> more regular periods rolled forward
    /// from its last date (the workout after a deal's maturity); a last date on a month's last day keeps every
    /// added date on a month's last day. Stops at the calendar's end.
    /// </summary>
    public static Date[] Extend(Date[] boundaries, Frequency f, int periods)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (periods <= 0 || boundaries.Length == 0)
        {
            return boundaries;
        }

        Date anchor = boundaries[^1];
        int months = Frequencies.MonthsPerPeriod(f);
        var extended = new List<Date>(boundaries);
        for (int k = 1; k <= periods && anchor.TryAddMonths(k * months, out Date next); k++)
        {
            extended.Add(anchor.IsEndOfMonth ? new Date(next.Year, next.Month, Date.DaysInMonth(next.Year, next.Month)) : next);
        }

        return [.. extended];
    }

    /// <summary>
    /// The day a date naming a period by its end stands for (docs/language.md §4, "Business days", scenario levers): a
    /// date on one of the schedule's dates as rolled (after the first) stands for that date as paid, <paramref name="paid"/>
    /// at the same index; any other is itself (it is no payment, so a weekend does not move it). Without business days
    /// the two schedules are the same and every date is itself. Shared by the checker and the path fill, so the two
    /// name the same period.
    /// </summary>
    public static Date NamedByDate(Date[] rolled, Date[] paid, Date date)
    {
        ArgumentNullException.ThrowIfNull(rolled);
        ArgumentNullException.ThrowIfNull(paid);
        int scheduled = rolled.Length > 1 ? Array.IndexOf(rolled, date, 1) : -1;
        return scheduled > 0 && scheduled < paid.Length ? paid[scheduled] : date;
    }

    /// <summary>
    /// The index <c>i</c> of the period that ends on or after <paramref name="d"/>, i.e.
    /// <c>boundaries[i] &lt; d &lt;= boundaries[i + 1]</c>, so a payment date belongs to the period it closes.
    /// Returns −1 when <paramref name="d"/> is on or before the first boundary and
    /// <c>boundaries.Length − 1</c> when it is after the last.
    /// </summary>
    public static int PeriodIndexOf(Date[] boundaries, Date d)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        return PeriodIndexOf((ReadOnlySpan<Date>)boundaries, d);
    }

    /// <inheritdoc cref="PeriodIndexOf(Date[], Date)"/>
    public static int PeriodIndexOf(ReadOnlySpan<Date> boundaries, Date d)
    {
        // Lower bound: the first boundary on or after d; the period that boundary closes is the one before it.
        int lo = 0;
        int hi = boundaries.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (boundaries[mid] < d)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == boundaries.Length ? boundaries.Length - 1 : lo - 1;
    }

    private static Date[] RollBackward(Date start, Date end, int months)
    {
        bool endOfMonth = end.IsEndOfMonth;

        // First pass counts the rolled dates strictly inside (start, end) so the result is allocated once.
        int inner = 0;
        while (TryRoll(end, -(inner + 1) * months, endOfMonth, out Date rolled) && rolled > start)
        {
            inner++;
        }

        var result = new Date[inner + 2];
        result[0] = start;
        for (int k = 1; k <= inner; k++)
        {
            result[inner + 1 - k] = RollFrom(end, -k * months, endOfMonth);
        }

        result[^1] = end;
        return result;
    }

    private static Date[] RollForward(Date start, Date first, Date end, int months)
    {
        bool endOfMonth = first.IsEndOfMonth;
        int regular = 0; // rolled dates strictly inside (first, end)
        while (TryRoll(first, (regular + 1) * months, endOfMonth, out Date rolled) && rolled < end)
        {
            regular++;
        }

        bool firstIsEnd = first == end;
        var result = new Date[firstIsEnd ? 2 : regular + 3];
        result[0] = start;
        result[1] = first;
        for (int k = 1; k <= regular; k++)
        {
            result[1 + k] = RollFrom(first, k * months, endOfMonth);
        }

        result[^1] = end;
        return result;
    }

    private static Date RollFrom(Date anchor, int monthOffset, bool endOfMonth)
    {
        Date rolled = anchor.AddMonths(monthOffset);
        if (!endOfMonth)
        {
            return rolled;
        }

        var (year, month, day) = rolled;
        return rolled.AddDays(Date.DaysInMonth(year, month) - day);
    }

    // A roll that would leave the calendar (year 1..9999) is simply past the start or end being sought.
    private static bool TryRoll(Date anchor, int monthOffset, bool endOfMonth, out Date rolled)
    {
        long monthIndex = (anchor.Year * 12L) + anchor.Month - 1 + monthOffset;
        if (monthIndex < 12 || monthIndex >= 10_000 * 12L)
        {
            rolled = default;
            return false;
        }

        rolled = RollFrom(anchor, monthOffset, endOfMonth);
        return true;
    }
}
