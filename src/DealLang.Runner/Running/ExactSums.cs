using System.Numerics;
using System.Runtime.CompilerServices;

namespace DealLang.Runner.Running;

/// <summary>
/// The exact sums behind <see cref="LossStatistics"/> and <see cref="MeasureStatistics"/>: a whole number of units
/// added to a sum and its square to a sum of squares, in 128-bit integers, so totals do not depend on the order the
/// paths were added in. Below 2^63 in magnitude the hardware's conversion to a long and its 64 × 64-bit product give
/// the same integers as Int128's, which are software and were a visible part of a path's cost.
/// </summary>
internal static class ExactSums
{
    // Below 2^63 in magnitude a whole number of units converts to a long exactly.
    internal const double LongRange = 9223372036854775808.0;

    /// <summary>The sample standard deviation of <paramref name="n"/> (at least 2) values in <paramref name="unit"/>ths whose
    /// exact sums are given: n·Σx² − (Σx)² is exact, in a BigInteger because n·Σx² outgrows Int128 where Σx² alone
    /// does not (a million paths of 10^11 each); only the final division rounds. A spread below 0, which true sums never
    /// give (a damaged shard's), is read as 0.</summary>
    public static double SampleDeviation(Int128 sum, Int128 sumSquares, long n, double unit)
    {
        BigInteger spread = (new BigInteger(n) * (BigInteger)sumSquares) - ((BigInteger)sum * (BigInteger)sum);
        return spread.Sign <= 0 ? 0 : Math.Sqrt((double)spread / ((double)n * (n - 1))) / unit;
    }

    /// <summary>Whether sums read from a file (a shard's) could come from <paramref name="n"/> whole numbers of at most
    /// <paramref name="largest"/> in magnitude: |Σx| ≤ n·largest, Σx² ≤ n·largest², and (Σx)² ≤ n·Σx² (Cauchy–Schwarz).
    /// A damaged sum fails one of them, where it would have overflowed the report's arithmetic or printed nonsense.</summary>
    public static bool Possible(Int128 sum, Int128 sumSquares, long n, double largest)
    {
        if (!double.IsFinite(largest) || largest < 0)
        {
            return false;
        }

        var count = new BigInteger(n);
        var bound = new BigInteger(largest);
        var total = (BigInteger)sum;
        var squares = (BigInteger)sumSquares;
        return BigInteger.Abs(total) <= count * bound && squares <= count * bound * bound && total * total <= count * squares;
    }

    /// <summary>Adds <paramref name="units"/>, a whole number, to <paramref name="sum"/> and its square to
    /// <paramref name="sumSquares"/>; throws <see cref="OverflowException"/> past Int128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // per path, in every worker's totals
    public static void Add(ref Int128 sum, ref Int128 sumSquares, double units)
    {
        checked
        {
            if (Math.Abs(units) < LongRange)
            {
                long small = (long)units;
                sum += small;
                sumSquares += Math.BigMul(small, small);
            }
            else
            {
                var wide = (Int128)units;
                sum += wide;
                sumSquares += wide * wide;
            }
        }
    }
}
