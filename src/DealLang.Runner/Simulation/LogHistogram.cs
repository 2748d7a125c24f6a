namespace DealLang.Runner.Simulation;

/// <summary>
/// A mergeable quantile sketch (docs/language.md, "Monte Carlo results"): whole-number counts per bucket of a
/// log-linear grid fixed in advance, as HDR histograms do. A value's bucket is read from its bits — the binary
/// exponent and the top <see cref="SubBits"/> bits of the mantissa — so the grid is the same on every machine (no
/// logarithm), each octave [2^e, 2^(e+1)) is cut into 2^SubBits equal buckets, and each bucket is reported at its
/// midpoint: a value v with 2^<see cref="MinExponent"/> ≤ |v| &lt; 2^<see cref="MaxExponent"/> is off by at most
/// <see cref="RelativeError"/> × |v| (2^−(SubBits+1): 0.39% at 7 bits, 0.78% at 6). Smaller magnitudes share one
/// bucket at 0 (an absolute error under 2^−26, 1.5·10⁻⁸); larger ones are clamped into the outermost bucket
/// (2^56 ≈ 7.2·10¹⁶, beyond any loss, rate or level), and every reported value is clamped into the exact
/// <see cref="Min"/> … <see cref="Max"/>. Counting is exact, so histograms merge exactly in any order
/// (<see cref="Merge"/>): a quantile of merged shards is the quantile of one run over their paths, bit for bit.
/// <see cref="Add"/> allocates nothing.
/// </summary>
public sealed class LogHistogram
{
    /// <summary>Magnitudes below 2^MinExponent count as 0.</summary>
    public const int MinExponent = -26;

    /// <summary>Magnitudes at or above 2^MaxExponent are clamped into the last bucket.</summary>
    public const int MaxExponent = 56;

    readonly int[] counts;
    readonly int perSide;
    readonly int mask;
    double min = double.NaN;
    double max = double.NaN;

    /// <param name="subBits">Mantissa bits per octave, 1 to 10: the relative error is 2^−(subBits+1).</param>
    public LogHistogram(int subBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subBits, 10);
        SubBits = subBits;
        mask = (1 << subBits) - 1;
        perSide = (MaxExponent - MinExponent) << subBits;

        // Ascending order of value: negatives from the most negative, the zero bucket, then positives.
        counts = new int[(2 * perSide) + 1];
    }

    /// <summary>Mantissa bits per octave.</summary>
    public int SubBits { get; }

    /// <summary>The largest error of a reported value relative to the value it stands for.</summary>
    public double RelativeError => Math.ScaleB(1.0, -(SubBits + 1));

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value added, exactly (NaN before any).</summary>
    public double Min => min;

    /// <summary>The largest value added, exactly (NaN before any).</summary>
    public double Max => max;

    /// <summary>Buckets, in ascending order of value (for a shard file).</summary>
    internal int Buckets => counts.Length;

    /// <summary>Adds one finite value (NaN and infinities are the caller's to count apart).</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A histogram counts finite values only.");
        }

        int bucket = BucketOf(value);
        counts[bucket] = checked(counts[bucket] + 1);
        if (Count == 0)
        {
            min = value;
            max = value;
        }
        else
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        Count++;
    }

    /// <summary>Adds another histogram's values (same grid): exactly what adding them one by one does.</summary>
    public void Merge(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.SubBits != SubBits)
        {
            throw new ArgumentException($"A histogram of {other.SubBits} bits an octave cannot merge into one of {SubBits}.", nameof(other));
        }

        if (other.Count == 0)
        {
            return;
        }

        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = checked(counts[i] + other.counts[i]);
        }

        min = Count == 0 ? other.min : Math.Min(min, other.min);
        max = Count == 0 ? other.max : Math.Max(max, other.max);
        Count = checked(Count + other.Count);
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (1-based), as its bucket's midpoint clamped into
    /// [<see cref="Min"/>, <see cref="Max"/>]; the first and last are exact. NaN when empty.</summary>
    public double ValueAtRank(long rank)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        rank = Math.Clamp(rank, 1, Count);
        if (rank == 1)
        {
            return min;
        }

        if (rank == Count)
        {
            return max;
        }

        long seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Representative(i);
            }
        }

        return max;
    }

    /// <summary>
    /// The <paramref name="rank"/>-th smallest value with the bucket's values taken as spread evenly across it: the
    /// j-th of a bucket's c values (j from 1) at the fraction (j − ½) / c of its span, clamped into
    /// [<see cref="Min"/>, <see cref="Max"/>], the first and last exact. Used for the distance between two nearby ranks (a quantile's
    /// standard error): two ranks in one bucket have one midpoint, which would read a spread narrower than a bucket as
    /// zero. NaN when empty.
    /// </summary>
    public double InterpolatedValueAtRank(long rank)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        rank = Math.Clamp(rank, 1, Count);
        if (rank == 1 || rank == Count)
        {
            return rank == 1 ? min : max;
        }

        long seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (seen + counts[i] >= rank)
            {
                double fraction = (rank - seen - 0.5) / counts[i];
                (double low, double high) = Span(i);
                return Math.Clamp(low + (fraction * (high - low)), min, max);
            }

            seen += counts[i];
        }

        return max;
    }

    /// <summary>The lower empirical q-quantile: the value of rank ⌈q·n⌉ (at least 1), q given in millionths so the
    /// rank is computed in integers (0.95 is 950,000).</summary>
    public double Quantile(int millionths) => ValueAtRank(RankOf(millionths, Count));

    /// <summary>⌈q·n⌉ for q = <paramref name="millionths"/> / 10⁶, at least 1.</summary>
    public static long RankOf(int millionths, long n) => Math.Max(1, (long)(((Int128)millionths * n + 999_999) / 1_000_000));

    /// <summary>The mean and the variance (dividing by k) of the <paramref name="k"/> largest values, each at its
    /// bucket's midpoint (clamped), the largest exactly.</summary>
    public (double Mean, double Variance) Tail(long k)
    {
        if (Count == 0 || k <= 0)
        {
            return (double.NaN, double.NaN);
        }

        k = Math.Min(k, Count);

        // Two passes over the tail's buckets from the top: the mean, then the squared deviations from it.
        double sum = max;
        long taken = 1;
        int bottom = counts.Length;
        long takenAtBottom = 0;
        for (int i = counts.Length - 1; i >= 0 && taken < k; i--)
        {
            // The largest value is counted exactly above; its bucket's other values at the midpoint.
            long available = counts[i] - (i == BucketOf(max) ? 1 : 0);
            long take = Math.Min(available, k - taken);
            if (take > 0)
            {
                sum += take * Representative(i);
                taken += take;
                bottom = i;
                takenAtBottom = take;
            }
        }

        double mean = sum / k;
        double squares = (max - mean) * (max - mean);
        for (int i = counts.Length - 1; i >= bottom; i--)
        {
            long available = counts[i] - (i == BucketOf(max) ? 1 : 0);
            long take = i == bottom ? takenAtBottom : available;
            if (take > 0)
            {
                double d = Representative(i) - mean;
                squares += take * d * d;
            }
        }

        return (mean, squares / k);
    }

    /// <summary>Where rank <paramref name="rank"/> (1-based, clamped into 1 … n) falls: its bucket and the fraction
    /// (r − seen) / c of that bucket's c values at or below it, seen the values in the buckets below. With a bucket's
    /// values taken as spread evenly across it, as <see cref="InterpolatedValueAtRank"/> takes them, that fraction of
    /// the bucket's values in any histogram on the same grid lies at or below the rank's value. Empty: (−1, 0).</summary>
    internal (int Bucket, double Fraction) PositionOfRank(long rank)
    {
        if (Count == 0)
        {
            return (-1, 0);
        }

        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (seen + counts[i] >= rank)
            {
                return (i, (double)(rank - seen) / counts[i]);
            }

            seen += counts[i];
        }

        return (counts.Length - 1, 1);
    }

    /// <summary>The values in the buckets below <paramref name="bucket"/> plus <paramref name="fraction"/> of those in
    /// it (<see cref="PositionOfRank"/> of another histogram on the same grid): how many of these values lie at or below
    /// that rank's value, the bucket's taken as spread evenly across it.</summary>
    internal double CountAtOrBelow(int bucket, double fraction)
    {
        long below = 0;
        for (int i = 0; i < bucket && i < counts.Length; i++)
        {
            below += counts[i];
        }

        return below + (bucket >= 0 && bucket < counts.Length ? fraction * counts[bucket] : 0);
    }

    /// <summary>Over the values in the buckets above <paramref name="bucket"/>, each at its bucket's midpoint (clamped),
    /// their excesses d = value − <paramref name="level"/> (floored at 0): Σd and Σd². The values in
    /// <paramref name="bucket"/> itself, the level's, count as at the level.</summary>
    internal (double Sum, double Squares) ExcessAbove(int bucket, double level)
    {
        double sum = 0, squares = 0;
        for (int i = Math.Max(bucket + 1, 0); i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                double d = Math.Max(0.0, Representative(i) - level);
                sum += counts[i] * d;
                squares += counts[i] * d * d;
            }
        }

        return (sum, squares);
    }

    /// <summary>The excesses over <paramref name="level"/> (as <see cref="ExcessAbove"/>, floored at 0) of the values in
    /// the buckets above <paramref name="bucket"/>, largest first, each bucket as (excess, count).</summary>
    internal IEnumerable<(double Excess, long Count)> ExcessesDescending(int bucket, double level)
    {
        for (int i = counts.Length - 1; i > bucket && i >= 0; i--)
        {
            if (counts[i] > 0)
            {
                yield return (Math.Max(0.0, Representative(i) - level), counts[i]);
            }
        }
    }

    /// <summary>Whether every bucket of these holds at least the counts of <paramref name="a"/> and
    /// <paramref name="b"/> together (a pair's smaller and larger values are among a run's values).</summary>
    internal bool Holds(LogHistogram a, LogHistogram b)
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if ((long)a.counts[i] + b.counts[i] > counts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The non-empty buckets as (bucket, count), ascending (for a shard file).</summary>
    internal IEnumerable<(int Bucket, int Count)> NonEmpty()
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                yield return (i, counts[i]);
            }
        }
    }

    /// <summary>Rebuilds a histogram from a shard file's parts; throws <see cref="FormatException"/> if they do not
    /// fit together.</summary>
    internal static LogHistogram FromParts(int subBits, double min, double max, IEnumerable<(int Bucket, int Count)> buckets)
    {
        var h = new LogHistogram(subBits);
        foreach (var (bucket, count) in buckets)
        {
            if (bucket < 0 || bucket >= h.counts.Length || count <= 0 || h.counts[bucket] != 0)
            {
                throw new FormatException($"bucket {bucket} with count {count} does not fit a histogram of {subBits} bits");
            }

            h.counts[bucket] = count;
            h.Count += count;
        }

        if (h.Count > 0 && (!(min <= max) || h.counts[h.BucketOf(min)] == 0 || h.counts[h.BucketOf(max)] == 0))
        {
            throw new FormatException("the histogram's smallest and largest values do not fall in its buckets");
        }

        h.min = h.Count == 0 ? double.NaN : min;
        h.max = h.Count == 0 ? double.NaN : max;
        return h;
    }

    /// <summary>Whether two histograms hold the same counts and extremes, exactly.</summary>
    public bool SameAs(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.SubBits == SubBits && other.Count == Count && other.min.Equals(min) && other.max.Equals(max)
            && counts.AsSpan().SequenceEqual(other.counts);
    }

    /// <summary>The bucket of a finite value.</summary>
    internal int BucketOf(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value) & long.MaxValue;
        int exponent = (int)(bits >> 52) - 1023; // subnormals and 0 fall far below MinExponent
        if (exponent < MinExponent)
        {
            return perSide;
        }

        int bucket = exponent >= MaxExponent
            ? perSide - 1
            : ((exponent - MinExponent) << SubBits) | (int)((bits >> (52 - SubBits)) & mask);
        return value < 0 ? perSide - 1 - bucket : perSide + 1 + bucket;
    }

    /// <summary>The values bucket <paramref name="index"/> holds, from its lowest to its highest (the zero bucket: 0).</summary>
    (double Low, double High) Span(int index)
    {
        if (index == perSide)
        {
            return (0.0, 0.0);
        }

        bool negative = index < perSide;
        int bucket = negative ? perSide - 1 - index : index - perSide - 1;
        int exponent = MinExponent + (bucket >> SubBits);
        double lower = Math.ScaleB(1.0 + ((double)(bucket & mask) / (1 << SubBits)), exponent);
        double upper = Math.ScaleB(1.0 + ((double)((bucket & mask) + 1) / (1 << SubBits)), exponent);
        return negative ? (-upper, -lower) : (lower, upper);
    }

    /// <summary>The buckets holding values, in ascending order of value: each as its reported value (the midpoint
    /// clamped into [Min, Max], as <see cref="ValueAtRank"/> reports it) and its count. What a chart of the distribution
    /// draws (<c>deallang report --mc</c>'s loss histograms).</summary>
    public IReadOnlyList<(double Value, long Count)> Occupied()
    {
        var buckets = new List<(double Value, long Count)>();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                buckets.Add((Representative(i), counts[i]));
            }
        }

        return buckets;
    }

    /// <summary>The midpoint of bucket <paramref name="index"/>, clamped into [Min, Max].</summary>
    double Representative(int index)
    {
        if (index == perSide)
        {
            return Math.Clamp(0.0, min, max);
        }

        bool negative = index < perSide;
        int bucket = negative ? perSide - 1 - index : index - perSide - 1;
        int exponent = MinExponent + (bucket >> SubBits);
        double mid = Math.ScaleB(1.0 + (((bucket & mask) + 0.5) / (1 << SubBits)), exponent);
        return Math.Clamp(negative ? -mid : mid, min, max);
    }
}
