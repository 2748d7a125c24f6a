using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// The regular periods of a deal's payment frequency, against which a lease's rent instalments are prorated.
/// Every boundary but the closing and the maturity lies on the schedule's regular grid, so an inner period is
/// itself regular. The first period may be a stub (short or long): its regular periods are rolled back from its
/// end; the last period may be a stub too (a schedule with <c>first_payment</c>): rolled forward from its start.
/// A regular first or last period comes out as itself. "Last" is the maturity period: a workout period after it
/// is a regular period of its own.
/// </summary>
static class RegularPeriods
{
    /// <summary>The regular period [start, end) that holds the day starting at <paramref name="from"/>, which lies in
    /// period <paramref name="t"/> (from the period's start, inclusive, to its end, exclusive).</summary>
    public static (Date Start, Date End) Containing(DealDescription deal, int t, Date from)
    {
        Date[] b = deal.Boundaries;
        // The schedule's own periods (closing to maturity) set the grid; the workout periods after the maturity
        // are regular periods rolled from it, each its own regular period. Reading the grid from the schedule,
        // not from the whole horizon, keeps the rent independent of how many workout periods the deal has room for.
        int scheduled = Math.Clamp(deal.ScheduledPeriods, 1, b.Length - 1);
        int last = scheduled - 1;
        if (t > last)
        {
            return (b[t], b[t + 1]);
        }

        int months = Frequencies.MonthsPerPeriod(deal.Frequency);
        if (t == 0)
        {
            // Rolled back from the first period's end until a regular start reaches `from`.
            bool endOfMonth = KeepsMonthEnds(b, scheduled);
            Date end = b[1];
            for (int k = 1; ; k++)
            {
                if (!TryRoll(b[1], -k * months, endOfMonth, out Date start))
                {
                    // Before 0001-01-01 the calendar stops: the period's own start bounds the last piece.
                    return (b[0], end);
                }

                if (start <= from)
                {
                    return (start, end);
                }

                end = start;
            }
        }

        if (t == last)
        {
            // Rolled forward from the last period's start until a regular end passes `from`.
            bool endOfMonth = KeepsMonthEnds(b, scheduled);
            Date start = b[t];
            for (int k = 1; ; k++)
            {
                if (!TryRoll(b[t], k * months, endOfMonth, out Date end))
                {
                    // Past 9999-12-31: the calendar's last day closes the piece.
                    return (start, Date.MaxValue);
                }

                if (end > from)
                {
                    return (start, end);
                }

                start = end;
            }
        }

        return (b[t], b[t + 1]);
    }

    // The schedule keeps month ends when its anchor was one (Schedule.Boundaries); the anchor is not recorded, but
    // then every inner boundary of the schedule (closing to maturity) is a month end, and otherwise (Hyperion's
    // 30 May / 30 November) some is not.
    static bool KeepsMonthEnds(Date[] b, int scheduled)
    {
        if (scheduled < 2)
        {
            return b[scheduled].IsEndOfMonth;
        }

        for (int i = 1; i < scheduled; i++)
        {
            if (!b[i].IsEndOfMonth)
            {
                return false;
            }
        }

        return true;
    }

    static bool TryRoll(Date anchor, int monthOffset, bool endOfMonth, out Date rolled)
    {
        if (!anchor.TryAddMonths(monthOffset, out rolled))
        {
            return false;
        }

        if (endOfMonth)
        {
            var (year, month, day) = rolled;
            rolled = rolled.AddDays(Date.DaysInMonth(year, month) - day);
        }

        return true;
    }
}
