using System.Numerics;

namespace DealLang.Runner.Running;

/// <summary>
/// The exact sums behind one estimate's standard error under <c>antithetic</c> sampling (docs/language.md, "Monte Carlo
/// results"), where the independent units are the mirrored pairs (path 2k and 2k + 1), not the paths. Every estimate is a
/// ratio R = Σa / Σb over the m pairs: a_k the pair's values summed over the paths the estimate counts (a whole number of
/// the estimate's unit: 1/1,024 of the currency unit, 2⁻³², or 1 for a path's indicator) and b_k how many of its paths it
/// counts (0, 1 or 2; a mean over every path has b_k = 2, the last path of an odd run being a pair of one). These hold
/// Σa, Σa², Σab, Σb, Σb² and the pairs with b_k &gt; 0 in integers, so they add up to the same bits in any order (threads,
/// shards), and <see cref="StandardError"/> is the delta method's √(Σ(a_k − R b_k)² / (m (m − 1))) / b̄, b̄ = Σb / m.
/// </summary>
public struct PairSums
{
    Int128 sumA;
    Int128 sumAA;
    Int128 sumAB;
    long sumB;
    long sumBB;
    long pairsWith;

    /// <summary>Adds one closed pair: <paramref name="a"/> its values in units, <paramref name="b"/> its paths counted;
    /// throws <see cref="OverflowException"/> past Int128.</summary>
    public void Add(Int128 a, int b)
    {
        checked
        {
            sumA += a;
            sumAA += a * a;
            sumAB += a * b;
            sumB += b;
            sumBB += b * b;
            pairsWith += b > 0 ? 1 : 0;
        }
    }

    /// <summary>Adds another accumulator's pairs (a thread's, a shard's): exactly what adding them one by one does.</summary>
    public void Merge(in PairSums other)
    {
        checked
        {
            sumA += other.sumA;
            sumAA += other.sumAA;
            sumAB += other.sumAB;
            sumB += other.sumB;
            sumBB += other.sumBB;
            pairsWith += other.pairsWith;
        }
    }

    /// <summary>Σa, the sum of every counted value in units.</summary>
    public readonly Int128 Sum => sumA;

    /// <summary>Σb, the paths counted.</summary>
    public readonly long Count => sumB;

    /// <summary>
    /// The standard error of R = Σa / Σb over <paramref name="pairs"/> pairs, in 1/<paramref name="unit"/>: with
    /// A = Σa and B = Σb, Σ(a_k − R b_k)² = (B² Σa² − 2AB Σab + A² Σb²) / B², exact in a BigInteger until the one division;
    /// so SE² = Σ(a_k − R b_k)² / (m (m − 1)) / (B / m)² = (B² Σa² − 2AB Σab + A² Σb²) · m / ((m − 1) B⁴). NaN when fewer than
    /// two pairs count a path (nothing measures the spread; the independent formula's s needs two paths likewise), or
    /// fewer than two pairs in all.
    /// </summary>
    public readonly double StandardError(long pairs, double unit)
    {
        if (pairs < 2 || pairsWith < 2)
        {
            return double.NaN;
        }

        BigInteger a = sumA, b = sumB;
        BigInteger spread = (b * b * (BigInteger)sumAA) - (2 * a * b * (BigInteger)sumAB) + (a * a * sumBB);
        if (spread.Sign <= 0)
        {
            return 0; // every pair's mean the same (a damaged shard's below 0 too)
        }

        double b2 = (double)(b * b);
        return Math.Sqrt((double)spread * pairs / (pairs - 1)) / b2 / unit;
    }

    /// <summary>The exact parts, for a shard file.</summary>
    internal readonly (Int128 A, Int128 AA, Int128 AB, long B, long BB, long PairsWith) Parts => (sumA, sumAA, sumAB, sumB, sumBB, pairsWith);

    /// <summary>An accumulator from a shard file's parts, refused (<see cref="FormatException"/>) when no
    /// <paramref name="pairs"/> pairs of at most two paths each could give them: 0 ≤ pairs with ≤ m, pairs with ≤ Σb ≤ 2 ·
    /// pairs with, Σb ≤ Σb² ≤ 2Σb, Σa² ≥ 0 and (Σab)² ≤ Σa² Σb² (Cauchy–Schwarz).</summary>
    internal static PairSums FromParts(Int128 a, Int128 aa, Int128 ab, long b, long bb, long with, long pairs)
    {
        if (with < 0 || with > pairs || b < with || b > 2 * with || bb < b || bb > 2 * b || aa < 0
            || (BigInteger)ab * ab > (BigInteger)aa * bb || (b == 0 && (a != 0 || aa != 0 || ab != 0)))
        {
            throw new FormatException("pair sums whose counts and sums do not fit together");
        }

        return new PairSums { sumA = a, sumAA = aa, sumAB = ab, sumB = b, sumBB = bb, pairsWith = with };
    }

    /// <summary>Whether two accumulators hold the same sums, exactly.</summary>
    public readonly bool SameAs(in PairSums other) => Parts == other.Parts;
}
