namespace DealLang.Runner.Simulation;

/// <summary>
/// A mergeable quantile sketch (docs/language.md, "Monte Carlo results"): whole-number counts per bucket of a
/// log-linear grid fixed in advance, as HDR histograms do, and per bucket the smallest and largest value it received.
/// A value's bucket is read from its bits — the binary exponent and the top <see cref="SubBits"/> bits of the mantissa
/// — so the grid is the same on every machine (no logarithm) and each octave [2^e, 2^(e+1)) is cut into 2^SubBits
/// equal buckets. A bucket's values are read inside its own [lo, hi], not its bounds: the first and last exactly, the
/// others as spread evenly across [lo, hi] (<see cref="ValueAtRank"/>), so a bucket whose values are all one (an atom:
/// a loss of exactly 0, a full loss, an IRR of −100% or exactly the coupon) reads that value exactly, and any other is
/// off by less than hi − lo, under 2 × <see cref="RelativeError"/> × |v| (2^−SubBits: 0.78% at 7 bits) for a value v
/// with 2^<see cref="MinExponent"/> ≤ |v| &lt; 2^<see cref="MaxExponent"/>, and by about
/// <see cref="ReadingErrorAtRank"/> where the density is smooth across the bucket. A tail mean reads each bucket at the
/// middle of its [lo, hi], within (hi − lo) / 2, <see cref="RelativeError"/> × |v| (2^−(SubBits+1): 0.39% at 7 bits).
/// Smaller magnitudes share one bucket around 0 (an absolute error under 2^−26, 1.5·10⁻⁸); larger ones share the
/// outermost bucket (2^56 ≈ 7.2·10¹⁶, beyond any loss, rate or level). Counts add and extremes take their min and max, both exact and in any order, so histograms
/// merge exactly (<see cref="Merge"/>): a quantile of merged shards is the quantile of one run over their paths, bit
/// for bit. <see cref="Add"/> allocates nothing.
/// <para>
/// The extremes take four times the counts' memory (two doubles beside each int: 420 KB in all, not 84 KB, at 7
/// bits), so a histogram whose readings carry no ± can go without them (<see cref="WithoutExtremes"/>: the index
/// fan charts, one per index and period). Such a histogram reads a rank as the sketch did before it kept extremes:
/// rank 1 and rank n exactly (<see cref="Min"/> and <see cref="Max"/>), any other at its bucket's midpoint clamped into
/// [Min, Max], within <see cref="RelativeError"/> × |v| (0.78% at 6 bits) but not exact at an atom; and it has no
/// <see cref="ReadingErrorAtRank"/> (it throws), which only a ± reads.
/// </para>
/// </summary>
public sealed class LogHistogram
{
    /// <summary>Magnitudes below 2^MinExponent count as 0.</summary>
    public const int MinExponent = -26;

    /// <summary>Magnitudes at or above 2^MaxExponent are clamped into the last bucket.</summary>
    public const int MaxExponent = 56;

    readonly int[] counts;

    // Per bucket the smallest and largest value it received (meaningless where its count is 0); null in a histogram
    // without extremes.
    readonly double[]? lows;
    readonly double[]? highs;
    readonly int perSide;
    readonly int mask;
    double min = double.NaN;
    double max = double.NaN;

    /// <summary>A histogram keeping each bucket's extremes.</summary>
    /// <param name="subBits">Mantissa bits per octave, 1 to 10: the relative error is 2^−(subBits+1).</param>
    public LogHistogram(int subBits)
        : this(subBits, extremes: true)
    {
    }

    LogHistogram(int subBits, bool extremes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subBits, 10);
        SubBits = subBits;
        mask = (1 << subBits) - 1;
        perSide = (MaxExponent - MinExponent) << subBits;

        // Ascending order of value: negatives from the most negative, the zero bucket, then positives.
        counts = new int[BucketsOf(subBits)];
        if (extremes)
        {
            lows = new double[counts.Length];
            highs = new double[counts.Length];
        }
    }

    /// <summary>A histogram keeping counts only (a fifth of the memory): its ranks read at their buckets' midpoints
    /// (the class's remarks), for charts that print no ±.</summary>
    public static LogHistogram WithoutExtremes(int subBits) => new(subBits, extremes: false);

    /// <summary>Whether it keeps each bucket's smallest and largest value (<see cref="WithoutExtremes"/>: not).</summary>
    public bool KeepsExtremes => lows is not null;

    /// <summary>Mantissa bits per octave.</summary>
    public int SubBits { get; }

    /// <summary>Half a bucket's width relative to its values, 2^−(SubBits+1): the largest error, relative to the value it
    /// stands for, of a value read at the middle of its bucket's [lo, hi] (a tail mean's) or, without extremes, at its
    /// bucket's midpoint (a fan's rank); a rank read inside [lo, hi] is within twice it.</summary>
    public double RelativeError => Math.ScaleB(1.0, -(SubBits + 1));

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value added, exactly (NaN before any).</summary>
    public double Min => min;

    /// <summary>The largest value added, exactly (NaN before any).</summary>
    public double Max => max;

    /// <summary>Adds one finite value (NaN and infinities are the caller's to count apart).</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A histogram counts finite values only.");
        }

        int bucket = BucketOf(value);
        if (lows is not null)
        {
            Widen(bucket, value, value, counts[bucket] == 0);
        }

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

        if (other.KeepsExtremes != KeepsExtremes)
        {
            throw new ArgumentException("A histogram with its buckets' extremes and one without cannot merge.", nameof(other));
        }

        if (other.Count == 0)
        {
            return;
        }

        for (int i = 0; i < counts.Length; i++)
        {
            if (other.counts[i] > 0)
            {
                if (other.lows is not null)
                {
                    Widen(i, other.lows[i], other.highs![i], counts[i] == 0);
                }

                counts[i] = checked(counts[i] + other.counts[i]);
            }
        }

        min = Count == 0 ? other.min : Math.Min(min, other.min);
        max = Count == 0 ? other.max : Math.Max(max, other.max);
        Count = checked(Count + other.Count);
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (1-based): the j-th of its bucket's c values, read inside
    /// the bucket's [lo, hi] with the values taken as spread evenly across it, at lo + (j − 1) / (c − 1) × (hi − lo): lo
    /// for j = 1 and hi for j = c, exactly (so every rank of a bucket holding one value, an atom, is that value), and
    /// between them within <see cref="ReadingErrorAtRank"/> of the value where the density is smooth across the bucket.
    /// Without extremes: rank 1 and n exactly, any other at its bucket's midpoint clamped into [Min, Max]. NaN when
    /// empty.</summary>
    public double ValueAtRank(long rank)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        rank = Math.Clamp(rank, 1, Count);
        (int i, long j) = Locate(rank);
        if (lows is null)
        {
            return rank == 1 ? min : rank == Count ? max : Representative(i);
        }

        int c = counts[i];
        return j == 1 ? lows[i] : j == c ? highs![i] : lows[i] + ((j - 1) / (double)(c - 1) * (highs![i] - lows[i]));
    }

    /// <summary>
    /// How far <see cref="ValueAtRank"/> may be off the value of rank <paramref name="rank"/> because it reads the
    /// bucket's values as spread evenly across its [lo, hi] (docs/language.md, "A quantile's ±"): 0 at the bucket's first
    /// and last value and at an atom (read exactly). Otherwise, where both neighbouring buckets hold values, the density
    /// is taken as linear across [lo, hi], its relative change over the span, γ = (hi − lo) f′ / f, bounded by its
    /// estimate from the neighbours' counts plus one Poisson standard deviation of that estimate (at most 2, a density
    /// that falls to 0 at one end), and the error is the larger of the two shifts ±γ give at the rank's place
    /// u = (j − 1) / (c − 1): (hi − lo) × |t − u| with t solving t + γ (t² − t) / 2 = u, at most (hi − lo) / 4. Where a
    /// neighbour is empty (the edge of the values, or a cluster: the density there is not told by its neighbours) or is
    /// not a bucket of the grid's regular width (the zero bucket, an outermost one), the value may lie anywhere in
    /// [lo, hi]: (hi − lo) × max(u, 1 − u). NaN when empty; <see cref="InvalidOperationException"/> without extremes.
    /// </summary>
    public double ReadingErrorAtRank(long rank)
    {
        RequireExtremes();
        if (Count == 0)
        {
            return double.NaN;
        }

        (int i, long j) = Locate(rank);
        int c = counts[i];
        double span = highs![i] - lows![i];
        if (span == 0 || j == 1 || j == c)
        {
            return 0;
        }

        double u = (j - 1) / (double)(c - 1);
        double gamma = SlopeBound(i, span);
        if (double.IsNaN(gamma))
        {
            return span * Math.Max(u, 1 - u);
        }

        return span * Math.Max(Math.Abs(LinearDensityPlace(gamma, u) - u), Math.Abs(LinearDensityPlace(-gamma, u) - u));
    }

    /// <summary>The place t in [0, 1] across a span whose density is linear with relative change <paramref name="gamma"/>
    /// (in [−2, 2]) over it, at which the fraction <paramref name="u"/> of its mass lies below: the root of
    /// t + γ (t² − t) / 2 = u, in the form 2u / (b + √(b² + 2γu)), b = 1 − γ/2, which holds at γ = 0 (t = u) too.</summary>
    internal static double LinearDensityPlace(double gamma, double u)
    {
        double b = 1 - (gamma / 2);
        double root = (b * b) + (2 * gamma * u);
        return u == 0 ? 0 : 2 * u / (b + Math.Sqrt(Math.Max(0.0, root)));
    }

    /// <summary>A bound on the relative change γ of the density across bucket <paramref name="index"/>'s values (a span of
    /// <paramref name="span"/>), from the densities (count over the grid's width) of the buckets either side: the slope
    /// between them, plus one Poisson standard deviation of it, times the span over the bucket's own density; at most 2.
    /// NaN (no estimate) where a neighbour is empty, or the bucket or a neighbour is the zero bucket or an outermost
    /// (clamped) one, whose widths are not the grid's.</summary>
    double SlopeBound(int index, double span)
    {
        const double Most = 2.0; // a density linear across the span and not negative changes by at most twice its mean
        if (index <= 1 || index >= counts.Length - 2 || Math.Abs(index - perSide) <= 1 || counts[index - 1] == 0 || counts[index + 1] == 0)
        {
            return double.NaN;
        }

        double width = Grid(index).Width;
        (double below, double belowWidth) = Grid(index - 1);
        (double above, double aboveWidth) = Grid(index + 1);
        double density = counts[index] / width;
        double slope = ((counts[index + 1] / aboveWidth) - (counts[index - 1] / belowWidth)) / (above - below);
        double slopeDeviation = Math.Sqrt((counts[index + 1] / (aboveWidth * aboveWidth)) + (counts[index - 1] / (belowWidth * belowWidth))) / (above - below);
        return Math.Min(Most, span * (Math.Abs(slope) + slopeDeviation) / density);
    }

    /// <summary>A bucket's midpoint and width on the grid (not the zero bucket; an outermost one's as though it were the last
    /// regular bucket of its octave, though it holds every larger magnitude).</summary>
    (double Center, double Width) Grid(int index)
    {
        bool negative = index < perSide;
        int bucket = negative ? perSide - 1 - index : index - perSide - 1;
        int exponent = MinExponent + (bucket >> SubBits);
        double mid = Math.ScaleB(1.0 + (((bucket & mask) + 0.5) / (1 << SubBits)), exponent);
        return (negative ? -mid : mid, Math.ScaleB(1.0, exponent - SubBits));
    }

    /// <summary>The bucket of rank <paramref name="rank"/> (1-based, clamped into 1 … n; n > 0) and the rank's place j
    /// (1 … c) among the bucket's c values.</summary>
    (int Bucket, long Place) Locate(long rank)
    {
        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        int i = 0;
        while (seen + counts[i] < rank)
        {
            seen += counts[i];
            i++;
        }

        return (i, rank - seen);
    }

    /// <summary>The lower empirical q-quantile: the value of rank ⌈q·n⌉ (at least 1), q given in millionths so the
    /// rank is computed in integers (0.95 is 950,000).</summary>
    public double Quantile(int millionths) => ValueAtRank(RankOf(millionths, Count));

    /// <summary>⌈q·n⌉ for q = <paramref name="millionths"/> / 10⁶, at least 1.</summary>
    public static long RankOf(int millionths, long n) => Math.Max(1, (long)(((Int128)millionths * n + 999_999) / 1_000_000));

    /// <summary>The mean and the variance (dividing by k) of the <paramref name="k"/> largest values, the largest exactly,
    /// the others bucket by bucket from the top: a bucket whose values (its largest value's bucket: its others) are all in
    /// the tail at the middle of its [lo, hi] (an atom's exactly; without extremes, its midpoint clamped); the bucket the
    /// tail starts in, of which it takes the top t, as <see cref="ValueAtRank"/> reads those ranks, its values spread
    /// evenly across [lo, hi] (<see cref="TakenFromTop"/>). Read at the middle there, a tail starting high in a bucket
    /// was read below the VaR it starts at: 10 losses of 1.507 beside 90 spread from 1.5001 up to it, in one bucket, gave
    /// ES 99% below VaR 99%.</summary>
    public (double Mean, double Variance) Tail(long k)
    {
        if (Count == 0 || k <= 0)
        {
            return (double.NaN, double.NaN);
        }

        k = Math.Min(k, Count);
        int top = BucketOf(max);

        // Two passes over the tail's buckets from the top: the mean, then the squared deviations from it.
        double sum = max;
        long taken = 1;
        int bottom = counts.Length;
        long takenAtBottom = 0;
        for (int i = counts.Length - 1; i >= 0 && taken < k; i--)
        {
            // The largest value is counted exactly above; its bucket's other values are read as the rest.
            long available = counts[i] - (i == top ? 1 : 0);
            long take = Math.Min(available, k - taken);
            if (take > 0)
            {
                sum += take * TakenFromTop(i, available, take).Mean;
                taken += take;
                bottom = i;
                takenAtBottom = take;
            }
        }

        double mean = sum / k;
        double squares = (max - mean) * (max - mean);
        for (int i = counts.Length - 1; i >= bottom; i--)
        {
            long available = counts[i] - (i == top ? 1 : 0);
            long take = i == bottom ? takenAtBottom : available;
            if (take > 0)
            {
                // t values read at v̄ + (places' offsets) δ: Σ(v − μ)² = t (v̄ − μ)² + δ² t (t² − 1) / 12 (0 read at one value).
                (double readMean, double step) = TakenFromTop(i, available, take);
                double d = readMean - mean;
                squares += (take * d * d) + (step * step * take * (((double)take * take) - 1) / 12);
            }
        }

        return (mean, squares / k);
    }

    /// <summary>How the tail reads the top <paramref name="take"/> of bucket <paramref name="index"/>'s
    /// <paramref name="available"/> values (its count, less the largest value for the largest's bucket): all of them at
    /// the middle of [lo, hi] (step 0); some of them, with extremes, as <see cref="ValueAtRank"/> reads their places
    /// a … b among the bucket's c values (b = available, a = b − take + 1), lo + (j − 1) (hi − lo) / (c − 1), whose
    /// mean is lo + ((a − 1 + b − 1) / 2) (hi − lo) / (c − 1) and step (hi − lo) / (c − 1).</summary>
    (double Mean, double Step) TakenFromTop(int index, long available, long take)
    {
        if (take >= available || lows is null)
        {
            return (Representative(index), 0);
        }

        int c = counts[index];
        double step = (highs![index] - lows[index]) / (c - 1); // c ≥ 2: some of at least two values are taken
        double firstOffset = available - take;                 // a − 1
        double lastOffset = available - 1;                     // b − 1
        return (lows[index] + ((firstOffset + lastOffset) / 2 * step), step);
    }

    /// <summary>
    /// How far <see cref="Tail"/>'s mean of the <paramref name="k"/> largest values may be off their true mean because it
    /// reads them inside their buckets' [lo, hi] (docs/language.md, "ES's ±"): the worst case, over the values the
    /// buckets may hold, of (Σ true − Σ read) / k. A bucket whose m values (its largest's bucket: its others) are all in
    /// the tail is read at its middle: each of them may be off by s / 2 (s its span), so it adds m s / 2, but for a bucket
    /// that does not hold the largest value (read exactly) its lo and hi are two of those values, off by −s / 2 and
    /// +s / 2, which cancel, so it adds (m − 2) s / 2. The bucket the tail starts in gives its top t, read at their places
    /// (<see cref="TakenFromTop"/>), each truly in [lo, hi] and the top one hi itself outside the largest's bucket: it adds
    /// the larger gap between their read sum R and t hi or hi + (t − 1) lo (t lo in the largest's bucket). An atom
    /// (s = 0) and the largest value add nothing. NaN when empty or k ≤ 0;
    /// <see cref="InvalidOperationException"/> without extremes.
    /// </summary>
    public double TailReadingError(long k)
    {
        RequireExtremes();
        if (Count == 0 || k <= 0)
        {
            return double.NaN;
        }

        k = Math.Min(k, Count);
        int top = BucketOf(max);
        double error = 0;
        long taken = 1;
        for (int i = counts.Length - 1; i >= 0 && taken < k; i--)
        {
            // The same buckets and counts as Tail takes, from the top.
            long available = counts[i] - (i == top ? 1 : 0);
            long take = Math.Min(available, k - taken);
            if (take > 0)
            {
                double span = highs![i] - lows![i];
                if (take < available)
                {
                    // Some of the bucket, read as ValueAtRank reads their places: each truly lies in [lo, hi], and the
                    // top one, outside the largest's bucket, is hi itself; the worst case either side of the read sum.
                    double read = take * TakenFromTop(i, available, take).Mean;
                    double least = i == top ? take * lows[i] : highs[i] + ((take - 1) * lows[i]);
                    double most = take * highs[i];
                    error += Math.Max(read - least, most - read);
                }
                else
                {
                    bool whole = i != top && take == counts[i];
                    error += (whole ? take - 2 : take) * span / 2;
                }

                taken += take;
            }
        }

        return error / k;
    }

    /// <summary>Where rank <paramref name="rank"/> (1-based, clamped into 1 … n) falls: its bucket and the fraction
    /// (r − seen) / c of that bucket's c values at or below it, seen the values in the buckets below. With a bucket's
    /// values taken as spread evenly across it, as <see cref="ValueAtRank"/> takes them, that fraction of
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

    /// <summary>Over the values in the buckets above <paramref name="bucket"/>, each at <see cref="Representative"/>,
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

    /// <summary>The non-empty buckets as (bucket, count, lo, hi), ascending (for a shard file); lo and hi NaN without
    /// extremes.</summary>
    internal IEnumerable<(int Bucket, int Count, double Low, double High)> NonEmpty()
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                yield return (i, counts[i], lows?[i] ?? double.NaN, highs?[i] ?? double.NaN);
            }
        }
    }

    /// <summary>Rebuilds a histogram without extremes from a shard file's parts; throws <see cref="FormatException"/> if
    /// they do not fit together (a bucket twice or off the grid, a count below 1, a smallest or largest value outside
    /// the buckets).</summary>
    internal static LogHistogram FromCounts(int subBits, double min, double max, IEnumerable<(int Bucket, int Count)> buckets)
    {
        LogHistogram h = WithoutExtremes(subBits);
        foreach (var (bucket, count) in buckets)
        {
            h.Place(bucket, count);
        }

        if (h.Count > 0 && (!double.IsFinite(min) || !double.IsFinite(max) || !(min <= max)
            || h.counts[h.BucketOf(min)] == 0 || h.counts[h.BucketOf(max)] == 0))
        {
            throw new FormatException("the histogram's smallest and largest values do not fall in its buckets");
        }

        h.min = h.Count == 0 ? double.NaN : min;
        h.max = h.Count == 0 ? double.NaN : max;
        return h;
    }

    /// <summary>Rebuilds a histogram from a shard file's buckets; throws <see cref="FormatException"/> if they do not
    /// fit together (a bucket twice or off the grid, a count below 1, extremes outside their bucket or apart in a bucket
    /// of one value).</summary>
    internal static LogHistogram FromParts(int subBits, IEnumerable<(int Bucket, int Count, double Low, double High)> buckets)
    {
        var h = new LogHistogram(subBits);
        foreach (var (bucket, count, low, high) in buckets)
        {
            h.Place(bucket, count);
            if (!double.IsFinite(low) || !double.IsFinite(high) || !(low <= high) || h.BucketOf(low) != bucket || h.BucketOf(high) != bucket
                || (count == 1 && BitConverter.DoubleToInt64Bits(low) != BitConverter.DoubleToInt64Bits(high)))
            {
                throw new FormatException($"bucket {bucket}'s smallest and largest values {low:R} and {high:R} do not fall in it");
            }

            h.lows![bucket] = low;
            h.highs![bucket] = high;
            h.min = h.Count == count ? low : Math.Min(h.min, low);
            h.max = h.Count == count ? high : Math.Max(h.max, high);
        }

        return h;
    }

    /// <summary>Sets a shard file's bucket's count (a bucket not yet set, on the grid, a count of 1 or more).</summary>
    void Place(int bucket, int count)
    {
        if (bucket < 0 || bucket >= counts.Length || count <= 0 || counts[bucket] != 0)
        {
            throw new FormatException($"bucket {bucket} with count {count} does not fit a histogram of {SubBits} bits");
        }

        counts[bucket] = count;
        Count += count;
    }

    /// <summary>Whether two histograms hold the same counts and extremes, bit for bit.</summary>
    public bool SameAs(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.SubBits != SubBits || other.KeepsExtremes != KeepsExtremes || other.Count != Count || !other.min.Equals(min)
            || !other.max.Equals(max) || !counts.AsSpan().SequenceEqual(other.counts))
        {
            return false;
        }

        if (lows is null)
        {
            return true;
        }

        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0 && (BitConverter.DoubleToInt64Bits(lows[i]) != BitConverter.DoubleToInt64Bits(other.lows![i])
                || BitConverter.DoubleToInt64Bits(highs![i]) != BitConverter.DoubleToInt64Bits(other.highs![i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bucket of a finite value.</summary>
    internal int BucketOf(double value) => BucketOf(value, SubBits);

    /// <summary>The bucket of a finite value on the grid of <paramref name="subBits"/> bits an octave (what a histogram
    /// of those bits counts it in; <see cref="LevelFan"/> counts a fan's levels so, without a histogram per period).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int BucketOf(double value, int subBits)
    {
        int perSide = (MaxExponent - MinExponent) << subBits;
        long bits = BitConverter.DoubleToInt64Bits(value) & long.MaxValue;
        int exponent = (int)(bits >> 52) - 1023; // subnormals and 0 fall far below MinExponent
        if (exponent < MinExponent)
        {
            return perSide;
        }

        int bucket = exponent >= MaxExponent
            ? perSide - 1
            : ((exponent - MinExponent) << subBits) | (int)((bits >> (52 - subBits)) & ((1 << subBits) - 1));
        return value < 0 ? perSide - 1 - bucket : perSide + 1 + bucket;
    }

    /// <summary>How many buckets a histogram of <paramref name="subBits"/> bits an octave has: each side's octaves cut in
    /// 2^subBits, and the bucket around 0.</summary>
    internal static int BucketsOf(int subBits) => (2 * ((MaxExponent - MinExponent) << subBits)) + 1;

    /// <summary>The buckets holding values, in ascending order of value: each as its reported value
    /// (<see cref="Representative"/>) and its count. What a chart of the distribution
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

    /// <summary>The middle of the values bucket <paramref name="index"/> (not empty) received, lo + (hi − lo) / 2: within
    /// (hi − lo) / 2 of each, lo itself when they are one value. lo and hi share a sign (or both lie in the zero bucket),
    /// so hi − lo cannot overflow. Without extremes, the bucket's midpoint clamped into [Min, Max] (the zero bucket: 0
    /// clamped).</summary>
    double Representative(int index)
    {
        if (lows is not null)
        {
            return lows[index] + ((highs![index] - lows[index]) / 2);
        }

        if (index == perSide)
        {
            return Math.Clamp(0.0, min, max);
        }

        return Math.Clamp(Grid(index).Center, min, max);
    }

    /// <summary>Refuses a reading of the buckets' extremes (a ±'s) on a histogram without them, empty or not.</summary>
    void RequireExtremes()
    {
        if (lows is null)
        {
            throw new InvalidOperationException("This histogram keeps no per-bucket extremes (a fan chart's): it has no reading error.");
        }
    }

    /// <summary>Takes [<paramref name="low"/>, <paramref name="high"/>] into bucket <paramref name="index"/>'s extremes
    /// (as they are when <paramref name="first"/>). Math.Min and Math.Max order −0 below +0, so the extremes do not
    /// depend on the order values arrive in.</summary>
    void Widen(int index, double low, double high, bool first)
    {
        lows![index] = first ? low : Math.Min(lows[index], low);
        highs![index] = first ? high : Math.Max(highs[index], high);
    }
}
