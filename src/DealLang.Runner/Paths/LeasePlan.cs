using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// What a lease's rent is before any scenario, worked out once per deal: the rent of every period as if the lease
/// never ended (<see cref="FullRent"/>, the market-rent index flat); for each number of renewals a scenario may
/// take, where the lease then ends (its period, whether its RVG answers, and the rent of the period the end cuts);
/// and, for a lease renewing at market, the pieces of each period's rent (<see cref="LeaseRents.Segments{TSink}"/>)
/// so that a scenario moving the index only rescales them. A path then costs a copy up to the lease's end, the cut
/// period looked up (or, after a lessee default, recomputed) and zeros after (<see cref="FillRenewed"/>,
/// <see cref="FillTo"/>), the same numbers as <see cref="LeaseRents.Accrue"/> period by period, bit for bit. With a
/// path source's <see cref="PathMemo"/>, the rescaled periods, the index's powers and a default's cut rent come from
/// what an earlier path computed at the same numbers, when there is such a path.
/// </summary>
sealed class LeasePlan
{
    readonly DealDescription deal;
    readonly LeaseInfo lease;

    // Pieces of rent (renewals at market only): those of periods FirstMarketPeriod.. (period t's are
    // [periodPieces[t - first], periodPieces[t - first + 1])), then those of each renewal count's cut period.
    readonly List<double> escalatedList = [];
    readonly List<bool> atMarketList = [];
    readonly List<double> marketYearsList = [];
    readonly List<double> shareList = [];
    readonly double[] escalated;
    readonly bool[] atMarket;
    readonly double[] marketYears;
    readonly double[] shares;
    readonly int[] periodPieces = [];

    // Per piece at market: its lease-year reset's number in the deal's table of distinct resets (BindYears), where a
    // path's memo keeps the index's power (PathMemo.Power).
    int[] yearSlots = [];

    // Per renewal count k (counts past the last use the last: the lease then ends after the horizon).
    readonly Renewed[] renewed;

    // Per renewal count, the whole rent row when the market rate moves nothing (KeepRows): what FillRenewed would
    // write, made once, so a path shares it instead of copying it. Null when the deal's budget left them out.
    double[][]? rows;

    public LeasePlan(DealDescription deal, LeaseInfo lease)
    {
        this.deal = deal;
        this.lease = lease;
        RenewalsStart = LeaseRents.RenewalsStart(lease);
        Date[] b = deal.Boundaries;
        int n = deal.Periods;
        FullRent = new double[n];
        for (int t = 0; t < n; t++)
        {
            Date from = Date.Max(lease.Start, b[t]);
            Date to = b[t + 1];
            FullRent[t] = to > from ? LeaseRents.Accrue(deal, lease, RenewalsStart, 0.0, t, from, to) : 0.0;
        }

        // Only pieces on or after the renewal start can follow the index: the periods before it need none.
        FirstMarketPeriod = n;
        if (lease.RenewalAtMarket)
        {
            FirstMarketPeriod = Math.Max(0, Math.Min(n, Schedule.PeriodIndexOf(b, RenewalsStart)));
            periodPieces = new int[n - FirstMarketPeriod + 1];
            for (int t = FirstMarketPeriod; t < n; t++)
            {
                periodPieces[t - FirstMarketPeriod] = shareList.Count;
                Record(t, Date.Max(lease.Start, b[t]), b[t + 1]);
            }

            periodPieces[^1] = shareList.Count;
        }

        var entries = new List<Renewed>();
        for (int k = 0; k <= lease.RenewalCount; k++)
        {
            Date end = EndAfter(k, out bool endsInCalendar);
            entries.Add(Entry(end, endsInCalendar));

            // Once the end is past the horizon, more renewals change nothing the loop sees; a renewal term of
            // zero months never moves the end.
            if (!endsInCalendar || end > b[^1] || lease.RenewalTermMonths == 0)
            {
                break;
            }
        }

        renewed = [.. entries];
        escalated = [.. escalatedList];
        atMarket = [.. atMarketList];
        marketYears = [.. marketYearsList];
        shares = [.. shareList];
        HasTerminationReceipts = lease.HasTerminationReceipts;
    }

    public Date RenewalsStart { get; }

    /// <summary><see cref="LeaseInfo.HasTerminationReceipts"/>, read once: every path asks it of every lease, and the
    /// renewal terms' fees by term make it a scan.</summary>
    public bool HasTerminationReceipts { get; }

    /// <summary>Doubles <see cref="KeepRows"/> would keep: one row of the periods per renewal count.</summary>
    public long RowDoubles => (long)renewed.Length * deal.Periods;

    /// <summary>Makes the whole rent row of each renewal count once (what <see cref="FillRenewed"/> writes when the
    /// market rate moves nothing), for paths to share (<see cref="UnmovedRow"/>). Called while the plan is built.</summary>
    public void KeepRows()
    {
        var made = new double[renewed.Length][];
        for (int k = 0; k < renewed.Length; k++)
        {
            made[k] = new double[deal.Periods];
            FillRenewed(k, 0.0, made[k], memo: null, l: -1, out _, out _);
        }

        rows = made;
    }

    /// <summary>The lease after <paramref name="renewals"/> renewals, no default, when the market rate moves none of
    /// its rent (no deflation, or no renewal at market): the kept row (<see cref="KeepRows"/>), the same numbers
    /// <see cref="FillRenewed"/> writes, with its end period and whether its RVG answers for that end; null when the
    /// rate moves it or no rows were kept (then <see cref="FillRenewed"/>).</summary>
    public double[]? UnmovedRow(int renewals, double marketDeflation, out int endPeriod, out bool rvgApplies)
    {
        int k = Math.Min(renewals, renewed.Length - 1);
        Renewed e = renewed[k];
        endPeriod = e.EndPeriod;
        rvgApplies = e.RvgApplies;
        bool moves = marketDeflation != 0 && lease.RenewalAtMarket;
        return moves || rows is null ? null : rows[k];
    }

    /// <summary>[t]: the period's rent with no end inside the horizon and a flat market-rent index.</summary>
    public double[] FullRent { get; }

    /// <summary>The first period whose rent can follow the market-rent index (the periods count when none can).</summary>
    public int FirstMarketPeriod { get; }

    /// <summary>Where the lease ends after <paramref name="renewals"/> renewals: start + term + renewals × renewal
    /// term, in long arithmetic (a renewal count in the thousands times a term of up to 10,000 years is no int).
    /// A term that runs past 9999-12-31 ends after every deal: the end is then the calendar's last day, which the
    /// rent runs to, but the lease never ends inside the deal (<paramref name="endsInCalendar"/> false).</summary>
    public Date EndOf(int renewals, out bool endsInCalendar)
    {
        // A count the plan worked out is read back (a path asks on every default and every RVG paid at expiry, and
        // the calendar arithmetic costs more than the rest of the lease's fill); a count past the horizon is worked out.
        if ((uint)renewals < (uint)renewed.Length)
        {
            Renewed e = renewed[renewals];
            endsInCalendar = e.EndsInCalendar;
            return e.End;
        }

        return EndAfter(renewals, out endsInCalendar);
    }

    Date EndAfter(int renewals, out bool endsInCalendar)
    {
        long months = lease.TermMonths + ((long)renewals * lease.RenewalTermMonths);
        endsInCalendar = lease.Start.TryAddMonths((int)Math.Min(months, int.MaxValue), out Date end);
        return end;
    }

    /// <summary>The lease after <paramref name="renewals"/> renewals, no default: its rent into
    /// <paramref name="rent"/>, its end period and whether its RVG answers for that end. With a
    /// <paramref name="memo"/> (lease <paramref name="l"/>'s buffers' previous paths), the rescaled periods and the
    /// index's powers come from it where it has them at this rate.</summary>
    public void FillRenewed(int renewals, double marketDeflation, double[] rent, PathMemo? memo, int l, out int endPeriod, out bool rvgApplies)
    {
        Renewed e = renewed[Math.Min(renewals, renewed.Length - 1)];
        endPeriod = e.EndPeriod;
        rvgApplies = e.RvgApplies;
        int n = rent.Length;
        bool moves = marketDeflation != 0 && lease.RenewalAtMarket;
        if (moves && memo is not null)
        {
            // The periods before the first at market are the full rent; those from it, the memo's rescaled row.
            FullRent.AsSpan(0, Math.Min(FirstMarketPeriod, e.Whole)).CopyTo(rent);
            CopyRescaled(e.Whole, memo, l, rent);
            if (e.Whole < n)
            {
                var kept = new KeptIndex(memo, yearSlots);
                rent[e.Whole] = e.Whole >= FirstMarketPeriod ? Sum(e.CutPieces, e.CutPiecesEnd, ref kept) : e.CutRent;
                rent.AsSpan(e.Whole + 1, n - e.Whole - 1).Clear();
            }

            return;
        }

        FullRent.AsSpan(0, e.Whole).CopyTo(rent);
        var index = new MarketIndex(marketDeflation, marketYears);
        if (moves)
        {
            Rescale(e.Whole, ref index, rent);
        }

        if (e.Whole < n)
        {
            rent[e.Whole] = moves && e.Whole >= FirstMarketPeriod ? Sum(e.CutPieces, e.CutPiecesEnd, ref index) : e.CutRent;
            rent.AsSpan(e.Whole + 1, n - e.Whole - 1).Clear();
        }
    }

    /// <summary>The lease ending on <paramref name="end"/> (a lessee's default): its rent into <paramref name="rent"/>,
    /// the period holding the end recomputed (or, with a <paramref name="memo"/> that cut lease <paramref name="l"/>
    /// on the same date at the same rate, looked up).</summary>
    public void FillTo(Date end, double marketDeflation, double[] rent, PathMemo? memo, int l)
    {
        int n = rent.Length;
        int whole = Whole(end);
        bool moves = marketDeflation != 0 && lease.RenewalAtMarket;
        if (memo is not null)
        {
            FullRent.AsSpan(0, moves ? Math.Min(FirstMarketPeriod, whole) : whole).CopyTo(rent);
            if (moves)
            {
                CopyRescaled(whole, memo, l, rent);
            }

            if (whole < n)
            {
                if (!memo.TryCut(l, end, marketDeflation, out double cut))
                {
                    cut = CutRent(whole, end, marketDeflation);
                    memo.KeepCut(l, end, marketDeflation, cut);
                }

                rent[whole] = cut;
                rent.AsSpan(whole + 1, n - whole - 1).Clear();
            }

            return;
        }

        FullRent.AsSpan(0, whole).CopyTo(rent);
        if (moves)
        {
            var index = new MarketIndex(marketDeflation, marketYears);
            Rescale(whole, ref index, rent);
        }

        if (whole < n)
        {
            rent[whole] = CutRent(whole, end, marketDeflation);
            rent.AsSpan(whole + 1, n - whole - 1).Clear();
        }
    }

    /// <summary><see cref="FillTo"/> into <paramref name="memo"/>'s row for lease <paramref name="l"/> rather than the
    /// inputs' own: filled only when the memo last cut it at another date or rate, and returned for the inputs to share
    /// read-only (as a facility's stressed curve is), with the period the lease ends in
    /// (<see cref="LeaseTerms.EndPeriod"/>). The memo belongs to one set of buffers and rewrites the row only while
    /// filling them for a later path.</summary>
    public double[] SharedCutRow(Date end, double marketDeflation, PathMemo memo, int l, out int endPeriod)
    {
        double[] row = memo.CutRow(l, end, marketDeflation, out bool known, out endPeriod);
        if (!known)
        {
            FillTo(end, marketDeflation, row, memo, l);
            endPeriod = LeaseTerms.EndPeriod(deal.Boundaries, end);
            memo.KeepCutRow(l, end, marketDeflation, endPeriod);
        }

        return row;
    }

    /// <summary>This lease's resets of the market-rent index (years from the closing), for the deal's table.</summary>
    public void AddMarketYears(HashSet<double> into)
    {
        for (int k = 0; k < atMarket.Length; k++)
        {
            if (atMarket[k])
            {
                into.Add(marketYears[k]);
            }
        }
    }

    /// <summary>Numbers each piece at market by its reset's place in <paramref name="table"/> (sorted, distinct,
    /// holding every reset of <see cref="AddMarketYears"/>).</summary>
    public void BindYears(double[] table)
    {
        yearSlots = new int[atMarket.Length];
        for (int k = 0; k < atMarket.Length; k++)
        {
            yearSlots[k] = atMarket[k] ? Array.BinarySearch(table, marketYears[k]) : -1;
        }
    }

    /// <summary>Periods 0 .. Whole − 1 end on or before <paramref name="end"/>: their rent is the full one.</summary>
    int Whole(Date end)
    {
        Date[] b = deal.Boundaries;
        int n = b.Length - 1;
        if (end > b[^1])
        {
            return n;
        }

        int whole = Math.Clamp(Schedule.PeriodIndexOf(b, end), 0, n);
        return whole < n && b[whole + 1] == end ? whole + 1 : whole;
    }

    /// <summary>The rent of period <paramref name="t"/> from the lease's start (or the period's) to
    /// <paramref name="end"/>: nothing if the lease ended before the period or never started.</summary>
    double CutRent(int t, Date end, double marketDeflation)
    {
        Date[] b = deal.Boundaries;
        Date from = Date.Max(lease.Start, b[t]);
        Date to = Date.Min(end, b[t + 1]);
        return to > from ? LeaseRents.Accrue(deal, lease, RenewalsStart, marketDeflation, t, from, to) : 0.0;
    }

    Renewed Entry(Date end, bool endsInCalendar)
    {
        int whole = Whole(end);
        int cutPieces = shareList.Count;
        double cutRent = 0.0;
        if (whole < deal.Periods)
        {
            cutRent = CutRent(whole, end, 0.0);
            if (lease.RenewalAtMarket && whole >= FirstMarketPeriod)
            {
                Record(whole, Date.Max(lease.Start, deal.Boundaries[whole]), Date.Min(end, deal.Boundaries[whole + 1]));
            }
        }

        int endPeriod = endsInCalendar ? LeaseTerms.EndPeriod(deal.Boundaries, end) : -1;
        bool rvg = endsInCalendar && lease.RvgUntil is { } until && end <= until && end <= deal.Maturity;
        return new Renewed(end, endsInCalendar, whole, cutRent, cutPieces, shareList.Count, endPeriod, rvg);
    }

    void Record(int t, Date from, Date to)
    {
        if (to > from)
        {
            var recorder = new Recorder(this);
            LeaseRents.Segments(deal, lease, RenewalsStart, t, from, to, ref recorder);
        }
    }

    void Rescale<TIndex>(int whole, ref TIndex index, double[] rent)
        where TIndex : struct, IIndex
    {
        for (int t = FirstMarketPeriod; t < whole; t++)
        {
            int i = t - FirstMarketPeriod;
            rent[t] = Sum(periodPieces[i], periodPieces[i + 1], ref index);
        }
    }

    // Periods FirstMarketPeriod .. whole − 1 from the memo's row, extended first as far as this path needs.
    void CopyRescaled(int whole, PathMemo memo, int l, double[] rent)
    {
        if (whole <= FirstMarketPeriod)
        {
            return;
        }

        double[] row = memo.Row(l, FirstMarketPeriod, out int filled);
        if (filled < whole)
        {
            var kept = new KeptIndex(memo, yearSlots);
            for (int t = filled; t < whole; t++)
            {
                int i = t - FirstMarketPeriod;
                row[t] = Sum(periodPieces[i], periodPieces[i + 1], ref kept);
            }

            memo.RowFilledTo(l, whole);
        }

        row.AsSpan(FirstMarketPeriod, whole - FirstMarketPeriod).CopyTo(rent.AsSpan(FirstMarketPeriod));
    }

    // The period's pieces in time order, as LeaseRents.Accrue adds them.
    double Sum<TIndex>(int first, int end, ref TIndex index)
        where TIndex : struct, IIndex
    {
        double sum = 0.0;
        for (int k = first; k < end; k++)
        {
            double annual = escalated[k];
            if (atMarket[k])
            {
                annual *= index.At(k);
            }

            sum += annual * shares[k];
        }

        return sum;
    }

    /// <summary>The market-rent index at piece k's reset.</summary>
    interface IIndex
    {
        double At(int piece);
    }

    /// <summary>The market-rent index (1 − deflation)^years, recomputed only when the years change: a lease year's
    /// pieces share its reset date, and they come in time order.</summary>
    struct MarketIndex(double deflation, double[] pieceYears) : IIndex
    {
        double years = double.NaN;
        double factor;

        public double At(int piece)
        {
            double marketYears = pieceYears[piece];
            if (marketYears != years)
            {
                years = marketYears;
                factor = MonthCount.Deflation(deflation, marketYears);
            }

            return factor;
        }
    }

    /// <summary>The market-rent index from a path memo's table of powers (same function, same arguments), the
    /// last one held while the pieces stay in one lease year, as <see cref="MarketIndex"/> does.</summary>
    struct KeptIndex(PathMemo memo, int[] yearSlots) : IIndex
    {
        int slot = -1;
        double factor;

        public double At(int piece)
        {
            int s = yearSlots[piece];
            if (s != slot)
            {
                slot = s;
                factor = memo.Power(s);
            }

            return factor;
        }
    }

    readonly record struct Renewed(Date End, bool EndsInCalendar, int Whole, double CutRent, int CutPieces, int CutPiecesEnd, int EndPeriod, bool RvgApplies);

    readonly struct Recorder(LeasePlan plan) : LeaseRents.ISink
    {
        public void Add(double escalated, bool atMarket, double marketYears, double share)
        {
            plan.escalatedList.Add(escalated);
            plan.atMarketList.Add(atMarket);
            plan.marketYearsList.Add(marketYears);
            plan.shareList.Add(share);
        }
    }
}
