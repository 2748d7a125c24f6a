using System.Runtime.Intrinsics;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// One path's random numbers, in the order the path draws them: the k-th uniform is the k-th 64-bit half of the
/// Philox4x32-10 blocks with counter (k / 2 as two words, the stream, 0) under the key (seed's low and high words),
/// so it depends on (seed, stream, k) only. Uniforms take the top 53 bits, u = (m + ½) / 2⁵³ (never 0 or 1); normals
/// are Φ⁻¹(u) (<see cref="NormalQuantile"/>). A mirrored stream (antithetic path 2k+1 of stream k) gives the same
/// draws reflected: each normal negated, each uniform (2⁵³ − 1 − m + ½) / 2⁵³ = 1 − u exactly.
/// </summary>
public struct PathStream
{
    const double Scale = 1.0 / 9007199254740992.0; // 2^-53
    const ulong MaxMantissa = (1UL << 53) - 1;

    readonly uint k0, k1, stream;
    readonly bool mirrored;
    ulong position;
    ulong cachedBlock;
    uint x0, x1, x2, x3;

    public PathStream(ulong seed, uint stream, bool mirrored)
    {
        k0 = (uint)seed;
        k1 = (uint)(seed >> 32);
        this.stream = stream;
        this.mirrored = mirrored;
        position = 0;
        cachedBlock = ulong.MaxValue;
        x0 = x1 = x2 = x3 = 0;
    }

    /// <summary>The next 53-bit draw m (0 ≤ m &lt; 2⁵³), before mirroring.</summary>
    ulong NextBits()
    {
        ulong block = position >> 1;
        if (block != cachedBlock)
        {
            (x0, x1, x2, x3) = Philox.Block((uint)block, (uint)(block >> 32), stream, 0, k0, k1);
            cachedBlock = block;
        }

        ulong word = (position & 1) == 0 ? ((ulong)x0 << 32) | x1 : ((ulong)x2 << 32) | x3;
        position++;
        return word >> 11;
    }

    /// <summary>
    /// The next <c>bits.Length</c> draws' 53 bits m (before mirroring), the stream moved past them: what as many
    /// <see cref="Uniform()"/>, <see cref="Normal"/> or <see cref="NormalLater()"/> calls take, in their order, four
    /// Philox blocks at a time (<see cref="Philox.Blocks"/>). <see cref="Uniform(ulong)"/> and
    /// <see cref="NormalLater(ulong)"/> make of each what those calls return.
    /// </summary>
    public void Take(Span<ulong> bits)
    {
        int i = 0;
        for (; i < bits.Length && (position & 1) != 0; i++)
        {
            bits[i] = NextBits(); // the rest of a block begun
        }

        // Without 256-bit vectors in hardware (they would run in software), block by block below: the same bits.
        for (; Vector256.IsHardwareAccelerated && i + 8 <= bits.Length; i += 8)
        {
            var (x0, x1, x2, x3) = Philox.Blocks(position >> 1, stream, k0, k1);
            Vector256<ulong> first = ((x0 << 32) | x1) >>> 11, second = ((x2 << 32) | x3) >>> 11;
            for (int lane = 0; lane < Vector256<ulong>.Count; lane++)
            {
                bits[i + (2 * lane)] = first.GetElement(lane);
                bits[i + (2 * lane) + 1] = second.GetElement(lane);
            }

            position += 8;
        }

        for (; i < bits.Length; i++)
        {
            bits[i] = NextBits();
        }
    }

    /// <summary>A uniform in (0, 1) (reflected on a mirrored stream).</summary>
    public double Uniform() => Uniform(NextBits());

    /// <summary>What <see cref="Uniform()"/> returns for the draw <paramref name="m"/> (from <see cref="Take"/>).</summary>
    public readonly double Uniform(ulong m) => ((mirrored ? MaxMantissa - m : m) + 0.5) * Scale;

    /// <summary>A standard normal (negated on a mirrored stream).</summary>
    public double Normal()
    {
        double z = NormalQuantile.Inverse((NextBits() + 0.5) * Scale);
        return mirrored ? -z : z;
    }

    /// <summary>The next normal, drawn now and finished later: the uniform u whose Φ⁻¹ it is (before mirroring).
    /// <see cref="ToNormals"/> turns a batch of them into the normals <see cref="Normal"/> would have drawn, bit for
    /// bit, with the stream at the same place.</summary>
    public double NormalLater() => NormalLater(NextBits());

    /// <summary>What <see cref="NormalLater()"/> returns for the draw <paramref name="m"/> (from <see cref="Take"/>).</summary>
    public static double NormalLater(ulong m) => (m + 0.5) * Scale;

    /// <summary>Turns uniforms drawn by <see cref="NormalLater"/> into their normals, in place: Φ⁻¹ of the batch
    /// (<see cref="NormalQuantile.Inverse(ReadOnlySpan{double}, Span{double})"/>), negated on a mirrored stream.</summary>
    public readonly void ToNormals(Span<double> drawn)
    {
        NormalQuantile.Inverse(drawn, drawn);
        if (mirrored)
        {
            foreach (ref double z in drawn)
            {
                z = -z;
            }
        }
    }
}
