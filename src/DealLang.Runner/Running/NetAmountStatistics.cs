using System.Numerics;

namespace DealLang.Runner.Running;

/// <summary>
/// A signed money figure over many paths — a guarantor's net cost, negative on a path where it got back more than it
/// paid (the coupon on its advance included) — summed exactly as <see cref="LossStatistics"/> sums losses: each value
/// a whole number of 1/<see cref="LossStatistics.Unit"/>ths of the currency unit in 128-bit integers, so the mean does
/// not depend on the order of the paths, the threads or the shards. A gain lowers the mean, as a fiscal cost counts it.
/// </summary>
public struct NetAmountStatistics
{
    Int128 sumUnits;
    Int128 sumSquareUnits;

    /// <summary>Paths added.</summary>
    public long Paths { get; private set; }

    /// <summary>The mean, each value rounded to 1/<see cref="LossStatistics.Unit"/> (NaN before any path).</summary>
    public readonly double Mean => Paths == 0 ? double.NaN : (double)sumUnits / Paths / LossStatistics.Unit;

    /// <summary>The sample standard deviation, from the exact sums (NaN below two paths).</summary>
    public readonly double StandardDeviation =>
        Paths < 2 ? double.NaN : ExactSums.SampleDeviation(sumUnits, sumSquareUnits, Paths, LossStatistics.Unit);

    /// <summary>Adds one path's value (finite, of either sign). One that is not finite is the path's amounts grown past a
    /// double's range, so it is beyond the sums as a huge one is (<see cref="LossStatistics.Add"/>).</summary>
    public void Add(double amount)
    {
        if (!double.IsFinite(amount))
        {
            throw new OverflowException($"A net amount of {amount} (amounts past a double's range) is beyond what the statistics can sum.");
        }

        double scaled = Math.Round(amount * LossStatistics.Unit);
        if (Math.Abs(scaled) >= 1e30)
        {
            throw new OverflowException($"A net amount of {amount} is beyond what the statistics can sum exactly.");
        }

        ExactSums.Add(ref sumUnits, ref sumSquareUnits, scaled);
        Paths++;
    }

    /// <summary>Adds another accumulator's paths (a shard's): exactly what adding them one by one does.</summary>
    public void Merge(in NetAmountStatistics other)
    {
        checked
        {
            sumUnits += other.sumUnits;
            sumSquareUnits += other.sumSquareUnits;
            Paths += other.Paths;
        }
    }

    /// <summary>The exact parts, for a shard file: the sums in units and the paths.</summary>
    internal readonly (Int128 Sum, Int128 SumSquares, long Paths) Parts => (sumUnits, sumSquareUnits, Paths);

    /// <summary>An accumulator from a shard file's parts; sums no paths could give (a sum of squares below 0, or
    /// (Σx)² above n·Σx², Cauchy–Schwarz) are refused.</summary>
    internal static NetAmountStatistics FromParts(Int128 sum, Int128 sumSquares, long paths)
    {
        if (paths < 0 || sumSquares < 0 || (paths == 0 && (sum != 0 || sumSquares != 0))
            || (BigInteger)sum * (BigInteger)sum > new BigInteger(paths) * (BigInteger)sumSquares)
        {
            throw new FormatException("net amount statistics whose count and sums do not fit together");
        }

        return new NetAmountStatistics { sumUnits = sum, sumSquareUnits = sumSquares, Paths = paths };
    }
}
