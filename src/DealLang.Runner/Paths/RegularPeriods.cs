using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// The regular periods of a deal's payment frequency, against which a lease's rent instalments are prorated.
/// Every boundary but the closing and the maturity lies on the schedule's regular grid, so an inner period is
/// itself regular. The first period may be a stub (short or long): its regular periods are rolled back from its
/// end; the last period may be a stub too (a schedule with <c>first_payment</c>): rolled forward from its start.
/// A regular first or last period comes out as itself. "Last" is the maturity period: a workout period after it
/// is a regular period of its own.
/// <para>
/// The grid is rolled from the dates as the schedule rolls them (<see cref="DealDescription.RolledBoundaries"/>), not
/// from the dates as paid: a business day moves a payment, not the schedule, so a date moved off a month end must
/// neither stop the grid keeping month ends nor shift the dates rolled from it. A regular period that ends or starts on
/// a payment date ends or starts on it as paid, as every inner period does, so a whole first or last period still
/// earns its instalment (docs/language.md §5, "Rent").
/// </para>
/// </summary>
static class RegularPeriods
{
    /// <summary>The regular period [start, end) that holds the day starting at <paramref name="from"/>, which lies in
    /// period <paramref name="t"/> (from the period's start, inclusive, to its end, exclusive).</summary>
    public static (Date Start, Date End) Containing(DealDescription deal, int t, Date from)
    {
        Date[] b = deal.Boundaries;
        Date[] rolled = deal.RolledBoundaries;
        // The schedule's own periods (closing to maturity) set the grid; the workout periods after the maturity
        // are regular periods rolled from it, each its own regular period. Reading the grid from the schedule,
        // not from the whole horizon, keeps the rent independent of how many workout periods the deal has room for.
        int scheduled = Math.Clamp(deal.ScheduledPeriods, 1, b.Length - 1);
        int last = scheduled - 1;
        if (t != 0 && t != last)
        {
            // An inner period, or a workout period after the maturity, is regular as it stands. It returns before the
            // grid is read: reading it scans every date of the schedule, and once per period that was quadratic (a
            // 32,000-period deal's rent took minutes).
            return (b[t], b[t + 1]);
        }

        int months = Frequencies.MonthsPerPeriod(deal.Frequency);
        bool endOfMonth = KeepsMonthEnds(rolled, scheduled);
        if (t == 0)
        {
            // Rolled back from the first period's end until a regular start reaches `from`; the regular period
            // holding that end ends on it as paid. Before the closing no date is paid: the starts stay as rolled.
            Date end = b[1];
            for (int k = 1; ; k++)
            {
                if (!TryRoll(rolled[1], -k * months, endOfMonth, out Date start))
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
            // Rolled forward from the last period's start until a regular end passes `from`; the regular period
            // starting there starts on it as paid, and one ending on the maturity as rolled ends on it as paid.
            Date start = b[t];
            for (int k = 1; ; k++)
            {
                if (!TryRoll(rolled[t], k * months, endOfMonth, out Date end))
                {
                    // Past 9999-12-31: the calendar's last day closes the piece.
                    return (start, Date.MaxValue);
                }

                if (end == rolled[t + 1])
                {
                    end = b[t + 1];
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
    // then every inner date of the schedule as rolled (closing to maturity) is a month end, and otherwise (Hyperion's
    // 30 May / 30 November) some is not. The dates as paid cannot say: a month end moved to a business day is not one.
    static bool KeepsMonthEnds(Date[] rolled, int scheduled)
    {
        if (scheduled < 2)
        {
            return rolled[scheduled].IsEndOfMonth;
        }

        for (int i = 1; i < scheduled; i++)
        {
            if (!rolled[i].IsEndOfMonth)
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
