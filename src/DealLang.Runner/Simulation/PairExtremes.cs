namespace DealLang.Runner.Simulation;

/// <summary>
/// An <c>antithetic</c> run's histograms of each mirrored pair's smaller and larger value, per figure whose quantiles
/// the report prints (per tranche its loss, IRR and WAL; per equity its IRR), so that VaR's, ES's and a percentile's
/// standard error are over the pairs (docs/language.md, "Under antithetic"; <see cref="CreditMetrics.PairedCountDeviation"/>,
/// <see cref="CreditMetrics.PairedShortfallError"/>).
/// A pair counts when both its paths have the figure (an IRR or WAL may be undefined); its two values then go one into
/// <see cref="Low"/>, one into <see cref="High"/>, so the run's histogram of the figure holds, bucket by bucket, those
/// two plus the values of the pairs that have it on one path only (and an odd run's last path, a pair of one). Counts
/// are whole numbers, so threads and shards merge into one run's histograms bit for bit. <see cref="Add"/> allocates
/// nothing.
/// </summary>
public sealed class PairExtremes
{
    readonly int tranches;
    readonly int equities;
    readonly double[] open;

    /// <param name="held">Guaranteed tranches: their holders' loss, IRR and WAL after the equities', in a tranche's order.</param>
    public PairExtremes(int tranches, int equities, int held = 0)
    {
        this.tranches = tranches;
        this.equities = equities;
        int figures = (3 * tranches) + equities + (3 * held);
        open = new double[figures];
        Low = new LogHistogram[figures];
        High = new LogHistogram[figures];
        for (int f = 0; f < figures; f++)
        {
            Low[f] = new LogHistogram(SimulationTotals.MeasureBits);
            High[f] = new LogHistogram(SimulationTotals.MeasureBits);
        }
    }

    /// <summary>[figure]: the smaller value of each pair with the figure on both paths.</summary>
    public LogHistogram[] Low { get; }

    /// <summary>[figure]: the larger value of each such pair.</summary>
    public LogHistogram[] High { get; }

    /// <summary>Tranche <paramref name="i"/>'s loss (k = 0), IRR (1) or WAL (2).</summary>
    public static int Tranche(int i, int k) => (3 * i) + k;

    /// <summary>Equity <paramref name="e"/>'s IRR.</summary>
    public int Equity(int e) => (3 * tranches) + e;

    /// <summary>Guaranteed tranche <paramref name="h"/>'s holders' loss (k = 0), IRR (1) or WAL (2).</summary>
    public int Holders(int h, int k) => (3 * tranches) + equities + (3 * h) + k;

    /// <summary>Adds a path's values: an even path's are kept until its mirror (path + 1) closes the pair.</summary>
    internal void Add(PathFigures figures)
    {
        bool closes = (figures.Path & 1) == 1;
        int f = 0;
        for (int i = 0; i < tranches; i++)
        {
            Value(f++, figures.Loss[i], closes);
            Value(f++, figures.Irr[i], closes);
            Value(f++, figures.Wal[i], closes);
        }

        for (int e = 0; e < equities; e++)
        {
            Value(f++, figures.EquityIrr[e], closes);
        }

        for (int h = 0; f < open.Length; h++)
        {
            Value(f++, figures.HoldersLoss[h], closes);
            Value(f++, figures.HoldersIrr[h], closes);
            Value(f++, double.NaN, closes); // the holders have no WAL of their own
        }
    }

    void Value(int f, double value, bool closes)
    {
        if (!closes)
        {
            open[f] = value;
            return;
        }

        double first = open[f];
        if (!double.IsNaN(first) && !double.IsNaN(value))
        {
            Low[f].Add(Math.Min(first, value));
            High[f].Add(Math.Max(first, value));
        }
    }

    internal void Merge(PairExtremes other)
    {
        for (int f = 0; f < open.Length; f++)
        {
            Low[f].Merge(other.Low[f]);
            High[f].Merge(other.High[f]);
        }
    }

    internal bool SameAs(PairExtremes other)
    {
        if (other.open.Length != open.Length)
        {
            return false;
        }

        for (int f = 0; f < open.Length; f++)
        {
            if (!Low[f].SameAs(other.Low[f]) || !High[f].SameAs(other.High[f]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Histograms read back (a shard file's), in this class's order; throws <see cref="FormatException"/> when
    /// their number is not this deal's.</summary>
    internal void Set(LogHistogram[] low, LogHistogram[] high)
    {
        if (low.Length != open.Length || high.Length != open.Length)
        {
            throw new FormatException($"{low.Length} and {high.Length} pair histograms where {open.Length} were expected");
        }

        low.CopyTo(Low, 0);
        high.CopyTo(High, 0);
    }

    /// <summary>What these histograms read back do not share with the run's, or null: per figure as many smaller values as
    /// larger, at most one pair per two of the figure's values, and every bucket of the run's histogram holding at least
    /// the pairs' values in it.</summary>
    internal string? Inconsistency(SimulationTotals totals)
    {
        for (int f = 0; f < open.Length; f++)
        {
            int held = f - (3 * tranches) - equities;
            LogHistogram all = f < 3 * tranches ? Of(totals.Tranches[f / 3], f % 3)
                : held < 0 ? totals.EquityIrrHistogram[f - (3 * tranches)]
                : Of(totals.Holders[held / 3], held % 3);
            if (Low[f].Count != High[f].Count || 2 * High[f].Count > all.Count || !all.Holds(Low[f], High[f]))
            {
                return $"pair histogram {f} does not fit its figure's histogram";
            }
        }

        return null;
    }

    static LogHistogram Of(TrancheTotals t, int k) => k switch
    {
        0 => t.LossHistogram,
        1 => t.IrrHistogram,
        _ => t.WalHistogram,
    };
}
