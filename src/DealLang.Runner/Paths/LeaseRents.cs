using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Rent accrued per period on the lease's own basis, never the tranches' day count (a deal on ACT/360 would
/// otherwise collect 365/360 of each year's rent): by default the annual rent in equal instalments, one per
/// regular payment period, a part of a regular period earning its share of actual days; or, when the lease states
/// a <c>daycount</c>, rent × that convention's year fraction. Either way the period is split at lease anniversaries
/// (where the escalator steps) and at the start of the renewal terms (where a renewal at market starts following
/// the market-rent index).
/// <para>
/// The split is the same for every scenario (a scenario moves only the lease's end and the market-rent index), so
/// <see cref="Segments{TSink}"/> walks the pieces once and the precompute (<see cref="LeasePlan"/>) keeps them;
/// <see cref="Accrue"/> sums them directly, for the one period a scenario cuts short.
/// </para>
/// </summary>
static class LeaseRents
{
    /// <summary>Receives the pieces of a period's rent in time order: the escalated rent a year, whether the piece
    /// lies in a renewal at market (<paramref name="marketYears"/> is then the years from the closing to the lease
    /// year's reset, else 0) and the piece's share of a year.</summary>
    internal interface ISink
    {
        void Add(double escalated, bool atMarket, double marketYears, double share);
    }

    /// <summary>Where the renewal terms start; past 9999-12-31 they never start inside the deal, and the calendar's
    /// last day says as much.</summary>
    public static Date RenewalsStart(LeaseInfo lease) => lease.Start.AddMonthsClamped(lease.TermMonths);

    /// <summary>Rent accrued in period <paramref name="t"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (both inside it, from &lt; to) with the market-rent index deflating at <paramref name="marketDeflation"/>.</summary>
    public static double Accrue(DealDescription deal, LeaseInfo lease, Date renewalsStart, double marketDeflation, int t, Date from, Date to)
    {
        var sum = new Sum(marketDeflation);
        Segments(deal, lease, renewalsStart, t, from, to, ref sum);
        return sum.Total;
    }

    /// <summary>The pieces of period <paramref name="t"/>'s rent from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static void Segments<TSink>(DealDescription deal, LeaseInfo lease, Date renewalsStart, int t, Date from, Date to, ref TSink sink)
        where TSink : struct, ISink
    {
        int periodsPerYear = Frequencies.PeriodsPerYear(deal.Frequency);
        int year = Flows.WholeYearsBetween(lease.Start, from);
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

            // Rent per year in lease year `year` (0-based): escalated once per completed lease year. In a renewal
            // at market it is also scaled by the market-rent index, read at the start of the current lease year
            // (or of the renewal, if later) so that, like the escalator, it steps once a year on the lease's own
            // calendar instead of drifting with the deal's payment dates.
            double escalated = lease.RentPerYear * Math.Pow(1 + lease.Escalator, year);
            bool atMarket = lease.RenewalAtMarket && from >= renewalsStart;
            double marketYears = atMarket ? MonthCount.Years(deal.Closing, Date.Max(lease.Start.AddYears(year), renewalsStart)) : 0.0;
            sink.Add(escalated, atMarket, marketYears, share);
            if (segmentEnd == anniversary)
            {
                year++;
            }

            from = segmentEnd;
        }
    }

    /// <summary>The annual rent in force on <paramref name="on"/> (a break fee's base, docs/language.md §5, "Break option"):
    /// the rent escalated once per lease year completed by then and, in a renewal at market, times the market-rent index
    /// read at the start of that lease year (or of the renewals, if later), as <see cref="Segments{TSink}"/> reads the
    /// piece starting on <paramref name="on"/>.</summary>
    public static double AnnualOn(DealDescription deal, LeaseInfo lease, Date on, double marketDeflation)
    {
        Date renewalsStart = RenewalsStart(lease);
        int year = Flows.WholeYearsBetween(lease.Start, on);
        double escalated = lease.RentPerYear * Math.Pow(1 + lease.Escalator, year);
        bool atMarket = lease.RenewalAtMarket && on >= renewalsStart;
        double marketYears = atMarket ? MonthCount.Years(deal.Closing, Date.Max(lease.Start.AddYears(year), renewalsStart)) : 0.0;
        return Piece(escalated, atMarket, marketYears, 1.0, marketDeflation);
    }

    /// <summary>One piece's rent: the escalated rent, times the market-rent index in a renewal at market when the
    /// index moves, times the piece's share of a year (the operations, and their order, of every rent computed).</summary>
    public static double Piece(double escalated, bool atMarket, double marketYears, double share, double marketDeflation)
    {
        double annual = escalated;
        if (atMarket && marketDeflation != 0)
        {
            annual *= MonthCount.Deflation(marketDeflation, marketYears);
        }

        return annual * share;
    }

    struct Sum(double marketDeflation) : ISink
    {
        public double Total;

        public void Add(double escalated, bool atMarket, double marketYears, double share) =>
            Total += Piece(escalated, atMarket, marketYears, share, marketDeflation);
    }
}
