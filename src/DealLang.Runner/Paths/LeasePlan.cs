using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// What a lease's rent is before any scenario, worked out once per deal: the rent of every period as if the lease
/// never ended (<see cref="FullRent"/>, the market-rent index flat), and, for a lease renewing at market, the
/// pieces of each period's rent (<see cref="LeaseRents.Segments{TSink}"/>) so that a scenario moving the index
/// only rescales them. A scenario then costs a copy up to the lease's end, one period recomputed where the end
/// cuts it, and zeros after (<see cref="Fill"/>).
/// </summary>
sealed class LeasePlan
{
    readonly DealDescription deal;
    readonly LeaseInfo lease;

    // Pieces of each period's rent, periods from FirstMarketPeriod on (renewals at market only):
    // period t's pieces are [pieceStart[t - first], pieceStart[t - first + 1]).
    readonly int[] pieceStart = [];
    readonly double[] escalated = [];
    readonly bool[] atMarket = [];
    readonly double[] marketYears = [];
    readonly double[] shares = [];

    public LeasePlan(DealDescription deal, LeaseInfo lease)
    {
        this.deal = deal;
        this.lease = lease;
        RenewalsStart = LeaseRents.RenewalsStart(lease);
        Date[] b = deal.Boundaries;
        FullRent = new double[deal.Periods];
        for (int t = 0; t < FullRent.Length; t++)
        {
            Date from = Date.Max(lease.Start, b[t]);
            Date to = b[t + 1];
            FullRent[t] = to > from ? LeaseRents.Accrue(deal, lease, RenewalsStart, 0.0, t, from, to) : 0.0;
        }

        // Only pieces on or after the renewal start can follow the index: the periods before it need none.
        FirstMarketPeriod = FullRent.Length;
        if (lease.RenewalAtMarket)
        {
            FirstMarketPeriod = Math.Max(0, Math.Min(FullRent.Length, Schedule.PeriodIndexOf(b, RenewalsStart)));
            var recorder = new Recorder(new List<double>(), new List<bool>(), new List<double>(), new List<double>());
            pieceStart = new int[FullRent.Length - FirstMarketPeriod + 1];
            for (int t = FirstMarketPeriod; t < FullRent.Length; t++)
            {
                pieceStart[t - FirstMarketPeriod] = recorder.Escalated.Count;
                Date from = Date.Max(lease.Start, b[t]);
                Date to = b[t + 1];
                if (to > from)
                {
                    LeaseRents.Segments(deal, lease, RenewalsStart, t, from, to, ref recorder);
                }
            }

            pieceStart[^1] = recorder.Escalated.Count;
            escalated = [.. recorder.Escalated];
            atMarket = [.. recorder.AtMarket];
            marketYears = [.. recorder.MarketYears];
            shares = [.. recorder.Shares];
        }
    }

    public Date RenewalsStart { get; }

    /// <summary>[t]: the period's rent with no end inside the horizon and a flat market-rent index.</summary>
    public double[] FullRent { get; }

    /// <summary>The first period whose rent can follow the market-rent index (the periods count when none can).</summary>
    public int FirstMarketPeriod { get; }

    /// <summary>
    /// Writes the lease's rent per period into <paramref name="rent"/> for a lease that ends on
    /// <paramref name="end"/> under a market-rent index deflating at <paramref name="marketDeflation"/>: each
    /// period's rent from the lease's start (or the period's) to the end (or the period's), as
    /// <see cref="LeaseRents.Accrue"/> gives it, bit for bit.
    /// </summary>
    public void Fill(Date end, double marketDeflation, double[] rent)
    {
        Date[] b = deal.Boundaries;
        int n = rent.Length;

        // Periods 0 .. whole-1 end on or before the lease's end: their rent is the full one.
        int whole = end > b[^1] ? n : Math.Clamp(Schedule.PeriodIndexOf(b, end), 0, n);
        if (whole < n && b[whole + 1] == end)
        {
            whole++;
        }

        Array.Copy(FullRent, rent, whole);
        if (marketDeflation != 0 && lease.RenewalAtMarket)
        {
            for (int t = FirstMarketPeriod; t < whole; t++)
            {
                rent[t] = Rescaled(t, marketDeflation);
            }
        }

        if (whole < n)
        {
            // The period holding the end: the part of it before the end (nothing if the lease ended before it or
            // never started).
            Date from = Date.Max(lease.Start, b[whole]);
            Date to = Date.Min(end, b[whole + 1]);
            rent[whole] = to > from ? LeaseRents.Accrue(deal, lease, RenewalsStart, marketDeflation, whole, from, to) : 0.0;
            Array.Clear(rent, whole + 1, n - whole - 1);
        }
    }

    double Rescaled(int t, double marketDeflation)
    {
        double sum = 0.0;
        int i = t - FirstMarketPeriod;
        for (int k = pieceStart[i]; k < pieceStart[i + 1]; k++)
        {
            sum += LeaseRents.Piece(escalated[k], atMarket[k], marketYears[k], shares[k], marketDeflation);
        }

        return sum;
    }

    readonly record struct Recorder(List<double> Escalated, List<bool> AtMarket, List<double> MarketYears, List<double> Shares)
        : LeaseRents.ISink
    {
        public void Add(double escalated, bool atMarket, double marketYears, double share)
        {
            Escalated.Add(escalated);
            AtMarket.Add(atMarket);
            MarketYears.Add(marketYears);
            Shares.Add(share);
        }
    }
}
