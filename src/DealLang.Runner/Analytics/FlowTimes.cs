namespace DealLang.Runner.Analytics;

/// <summary>
/// Times of flows prepared once for many IRR solves over the same dates (a deal's period ends, path after path):
/// the gaps between them matched once with their table (<see cref="DiscountChain.Prepare"/>), and the first two on one date found, so that
/// <see cref="Irr.Solve(FlowTimes, ReadOnlySpan{double})"/> only evaluates. Immutable; shareable across threads.
/// </summary>
public sealed class FlowTimes
{
    readonly double[] years;
    readonly byte[] slots;
    readonly double[] gaps;

    /// <param name="years">The times in years, finite and in ascending order.</param>
    public FlowTimes(ReadOnlySpan<double> years)
    {
        for (int i = 0; i < years.Length; i++)
        {
            if (!double.IsFinite(years[i]) || (i > 0 && years[i] < years[i - 1]))
            {
                throw new ArgumentException("Flow times must be finite and in ascending order.", nameof(years));
            }
        }

        this.years = years.ToArray();
        slots = new byte[years.Length];
        var table = new double[DiscountChain.MaxGaps];
        gaps = table[..DiscountChain.Prepare(years, slots, table)];
        OffGridFrom = DiscountChain.OffGridFrom(slots, gaps.Length);
        SharedFrom = years.Length;
        for (int i = 1; i < years.Length && SharedFrom == years.Length; i++)
        {
            SharedFrom = years[i] == years[i - 1] ? i : SharedFrom;
        }
    }

    /// <summary>How many times there are: a solve may use the first of them only.</summary>
    public int Count => years.Length;

    internal ReadOnlySpan<double> Years => years;

    internal ReadOnlySpan<byte> Slots => slots;

    internal ReadOnlySpan<double> Gaps => gaps;

    /// <summary>The first time equal to the one before it (the count when none is): the flows before it have no two
    /// on one date.</summary>
    internal int SharedFrom { get; }

    /// <summary>The first time whose gap to the one before it is off the table (<see cref="DiscountChain.OffGridFrom"/>):
    /// the chain over the flows before it needs no exponential per flow.</summary>
    internal int OffGridFrom { get; }
}
