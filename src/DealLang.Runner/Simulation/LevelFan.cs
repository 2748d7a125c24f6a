namespace DealLang.Runner.Simulation;

/// <summary>
/// One index's fan chart over a run: for each of the deal's periods, the histogram of the index's level at the period's
/// start over the paths (<see cref="LogHistogram"/>'s grid at <see cref="SimulationTotals.FanBits"/>, without extremes).
/// The same counts, smallest and largest values as a histogram per period, bit for bit (<see cref="this[int]"/> gives
/// that histogram), held in one row per bucket whose periods lie side by side, rows[bucket][t]: a path's levels in the
/// same bucket from one period to the next fall in the same cache line. A bucket's row is made when a level first
/// falls in it, so a fan holds the buckets its levels reached, not the grid's 10,000 (one table of them all was 1.3 GB
/// for a deal of 32,000 quarters, made resident page by page when shards merged: 17.7 GB to merge six shards of three
/// paths, the fuzz hunt's). A histogram per period put each period's 42 KB of counts on pages of its own, three dependent loads
/// from a fan to a count, and two indices' 40 adds were 0.11-0.20 µs of CoreWeave's 2 µs engine path (bench/HISTORY.md,
/// session 2026-12-06j). Every period holds one value a path, so one count of paths serves them all. Not thread-safe:
/// one per shard.
/// </summary>
public sealed class LevelFan
{
    readonly int[]?[] rows;
    readonly double[] min;
    readonly double[] max;
    readonly int buckets;

    /// <param name="periods">Periods of the fan (the deal's scheduled periods).</param>
    public LevelFan(int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        Periods = periods;
        buckets = LogHistogram.BucketsOf(SimulationTotals.FanBits);
        rows = new int[buckets][];
        min = new double[periods];
        max = new double[periods];
        Array.Fill(min, double.NaN);
        Array.Fill(max, double.NaN);
    }

    /// <summary>Periods of the fan.</summary>
    public int Periods { get; }

    /// <summary>Paths added: each period's histogram counts this many values.</summary>
    public long Count { get; private set; }

    /// <summary>Period <paramref name="t"/>'s histogram (a new one, for reading: a report's percentiles, a shard
    /// file).</summary>
    public LogHistogram this[int t]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(t);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, Periods);
            return LogHistogram.FromCounts(SimulationTotals.FanBits, min[t], max[t], NonEmpty(t));
        }
    }

    /// <summary>Adds one path's levels: <paramref name="row"/>[t] to period t's histogram, for each of the fan's periods
    /// (the row may be longer), and returns true. A histogram counts finite values only: a row with a level that is not
    /// (an index grown past a double's range) adds nothing and returns false, for the caller to say so
    /// (<see cref="SumLimitException.ForIndex"/>), from the pass that checks the row anyway.</summary>
    public bool Add(ReadOnlySpan<double> row)
    {
        if (row.Length < Periods)
        {
            throw new ArgumentException($"A fan of {Periods} periods adds a row of at least as many levels, not {row.Length}.", nameof(row));
        }

        row = row[..Periods];
        for (int t = 0; t < row.Length; t++)
        {
            if (!double.IsFinite(row[t]))
            {
                return false;
            }
        }

        // As LogHistogram.Add, period by period: the count of the value's bucket, and the smallest and largest values.
        bool first = Count == 0;
        for (int t = 0; t < row.Length; t++)
        {
            double value = row[t];
            int[] counts = rows[LogHistogram.BucketOf(value, SimulationTotals.FanBits)] ??= new int[Periods];
            counts[t] = checked(counts[t] + 1);
            min[t] = first ? value : Math.Min(min[t], value);
            max[t] = first ? value : Math.Max(max[t], value);
        }

        Count++;
        return true;
    }

    /// <summary>Adds another shard's fan of as many periods: exactly what adding its paths one by one does.</summary>
    public void Merge(LevelFan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Periods != Periods)
        {
            throw new ArgumentException($"A fan of {other.Periods} periods cannot merge into one of {Periods}.", nameof(other));
        }

        if (other.Count == 0)
        {
            return;
        }

        for (int b = 0; b < buckets; b++)
        {
            if (other.rows[b] is not { } theirs)
            {
                continue;
            }

            int[] ours = rows[b] ??= new int[Periods];
            for (int t = 0; t < Periods; t++)
            {
                ours[t] = checked(ours[t] + theirs[t]);
            }
        }

        for (int t = 0; t < Periods; t++)
        {
            min[t] = Count == 0 ? other.min[t] : Math.Min(min[t], other.min[t]);
            max[t] = Count == 0 ? other.max[t] : Math.Max(max[t], other.max[t]);
        }

        Count = checked(Count + other.Count);
    }

    /// <summary>A fan from its periods' histograms (a shard file's), each on the fan's grid without extremes; throws
    /// <see cref="FormatException"/> when they count different numbers of paths.</summary>
    public static LevelFan FromPeriods(IReadOnlyList<LogHistogram> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return FromPeriods(periods.Count, t => periods[t]);
    }

    /// <summary>As <see cref="FromPeriods(IReadOnlyList{LogHistogram})"/>, period t's histogram made by
    /// <paramref name="period"/>(t) when the fan takes it in, so that one period's histogram (42 KB of counts) is held
    /// at a time, not every period's: a shard file of a deal of 32,000 quarters held 1.3 GB of them an index.</summary>
    public static LevelFan FromPeriods(int periods, Func<int, LogHistogram> period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        ArgumentNullException.ThrowIfNull(period);
        var fan = new LevelFan(periods);
        for (int t = 0; t < periods; t++)
        {
            LogHistogram h = period(t);
            if (h.SubBits != SimulationTotals.FanBits || h.KeepsExtremes)
            {
                throw new FormatException($"period {t}'s histogram is not on a fan's grid ({SimulationTotals.FanBits} bits, without extremes)");
            }

            if (t == 0)
            {
                fan.Count = h.Count;
            }
            else if (h.Count != fan.Count)
            {
                throw new FormatException($"period {t}'s histogram counts {h.Count} levels, period 0's {fan.Count}: a fan counts one a path in every period");
            }

            foreach (var (bucket, count, _, _) in h.NonEmpty())
            {
                (fan.rows[bucket] ??= new int[fan.Periods])[t] = count;
            }

            fan.min[t] = h.Min;
            fan.max[t] = h.Max;
        }

        return fan;
    }

    // Period t's non-empty buckets, ascending.
    IEnumerable<(int Bucket, int Count)> NonEmpty(int t)
    {
        for (int b = 0; b < buckets; b++)
        {
            int count = rows[b] is { } counts ? counts[t] : 0;
            if (count != 0)
            {
                yield return (b, count);
            }
        }
    }
}
