using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Rent accrued per period on the lease's own basis, never the tranches' day count (a deal on ACT/360 would
/// otherwise collect 365/360 of each year's rent): by default the annual rent in equal instalments, one per
/// regular payment period, a part of a regular period earning its share of actual days; or, when the lease states
/// a <c>daycount</c>, rent × that convention's year fraction. Either way the period is split at lease anniversaries
/// (where the escalator steps) and at the start of the renewal terms (where a renewal at market starts following
/// the market-rent index).
/// </summary>
static class LeaseRents
{
    public static void Fill(DealDescription deal, LeaseInfo lease, Date end, double marketDeflation, double[] rent)
    {
        Date[] b = deal.Boundaries;
        // Past 9999-12-31 the renewals never start inside the deal; the calendar's last day says as much here.
        Date renewalsStart = lease.Start.AddMonthsClamped(lease.TermMonths);
        for (int t = 0; t < rent.Length; t++)
        {
            Date from = Date.Max(lease.Start, b[t]);
            Date to = Date.Min(end, b[t + 1]);
            rent[t] = to > from ? Accrue(deal, lease, renewalsStart, marketDeflation, t, from, to) : 0.0;
        }
    }

    static double Accrue(DealDescription deal, LeaseInfo lease, Date renewalsStart, double marketDeflation, int t, Date from, Date to)
    {
        int periodsPerYear = Frequencies.PeriodsPerYear(deal.Frequency);
        int year = Flows.WholeYearsBetween(lease.Start, from);
        double sum = 0.0;
        while (from < to)
        {
            // In the calendar's last year the next anniversary is past 9999-12-31: no step within the deal.
            Date anniversary = lease.Start.AddMonthsClamped((year + 1) * 12);
            Date segmentEnd = Date.Min(to, anniversary);
            if (from < renewalsStart && renewalsStart < segmentEnd)
            {
                segmentEnd = renewalsStart;
            }

            double share;
            if (lease.RentDayCount is { } dayCount)
            {
                share = DayCounts.YearFraction(dayCount, from, segmentEnd);
            }
            else
            {
                // One instalment per regular period, prorated on actual days within it. Days over (regular days ×
                // periods a year), one correctly rounded division, so a whole regular period is exactly 1/n.
                (Date regularStart, Date regularEnd) = RegularPeriods.Containing(deal, t, from);
                segmentEnd = Date.Min(segmentEnd, regularEnd);
                share = Date.DaysBetween(from, segmentEnd) / ((double)Date.DaysBetween(regularStart, regularEnd) * periodsPerYear);
            }

            sum += AnnualRent(deal, lease, renewalsStart, marketDeflation, year, from) * share;
            if (segmentEnd == anniversary)
            {
                year++;
            }

            from = segmentEnd;
        }

        return sum;
    }

    /// <summary>
    /// Rent per year in lease year <paramref name="year"/> (0-based): escalated once per completed lease year.
    /// In a renewal at market it is also scaled by the market-rent index, read at the start of the current
    /// lease year (or of the renewal, if later) so that, like the escalator, it steps once a year on the
    /// lease's own calendar instead of drifting with the deal's payment dates.
    /// </summary>
    static double AnnualRent(DealDescription deal, LeaseInfo lease, Date renewalsStart, double marketDeflation, int year, Date segmentStart)
    {
        double annual = lease.RentPerYear * Math.Pow(1 + lease.Escalator, year);
        if (lease.RenewalAtMarket && segmentStart >= renewalsStart && marketDeflation != 0)
        {
            Date reset = Date.Max(lease.Start.AddYears(year), renewalsStart);
            annual *= MonthCount.Deflation(marketDeflation, MonthCount.Years(deal.Closing, reset));
        }

        return annual;
    }
}
