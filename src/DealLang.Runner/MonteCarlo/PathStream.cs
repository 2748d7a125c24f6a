using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// <see cref="Uniform()"/>, <see cref="Normal"/> or <see cref="NormalLater()"/> calls take, in their order, eight
    /// or four Philox blocks at a time (<see cref="Philox.Blocks8"/>, <see cref="Philox.Blocks"/>; <see cref="Widest"/>).
    /// <see cref="Uniform(ulong)"/> and <see cref="NormalLater(ulong)"/> make of each what those calls return.
    /// </summary>
    public void Take(Span<ulong> bits) => Take(bits, Widest);

    /// <summary>
    /// The most draws <see cref="Take(Span{ulong})"/> takes at a time on this machine: 16, eight blocks, where the
    /// runtime takes 256-bit vectors as hardware's (in 512-bit lanes where it takes those too: it does not on CPUs that
    /// slow down under them; else in two groups of 256-bit lanes); else 1, block by block. The same bits whichever.
    /// </summary>
    public static int Widest { get; } = Vector256.IsHardwareAccelerated ? 16 : 1;

    // Eight blocks in 512-bit lanes, rather than in two groups of 256-bit ones.
    static readonly bool Wide512 = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary><see cref="Take(Span{ulong})"/>, at most <paramref name="widest"/> draws at a time (16: eight blocks, in
    /// 512-bit lanes with AVX-512 or else in two groups of 256-bit ones; 8: four blocks): the tests take each way.</summary>
    internal void Take(Span<ulong> bits, int widest)
    {
        int i = 0;
        for (; i < bits.Length && (position & 1) != 0; i++)
        {
            bits[i] = NextBits(); // the rest of a block begun
        }

        // Eight blocks at a time, interleaved in registers: on this project's AMD EPYC, CoreWeave's Stochastic draw and
        // fill 4.55 to 4.15 µs a path against four at a time (bench/HISTORY.md, 2026-12-04). Without 512-bit vectors, two
        // groups of four side by side: a block 0.66-0.72 of the time four at a time take (bench --philox, 2026-12-04d).
        for (; widest >= 16 && i + 16 <= bits.Length; i += 16)
        {
            if (Wide512)
            {
                var (x0, x1, x2, x3) = Philox.Blocks8(position >> 1, stream, k0, k1);
                Vector512<ulong> first = ((x0 << 32) | x1) >>> 11, second = ((x2 << 32) | x3) >>> 11;
                Avx512F.PermuteVar8x64x2(first, Vector512.Create(0UL, 8, 1, 9, 2, 10, 3, 11), second).CopyTo(bits.Slice(i, 8));
                Avx512F.PermuteVar8x64x2(first, Vector512.Create(4UL, 12, 5, 13, 6, 14, 7, 15), second).CopyTo(bits.Slice(i + 8, 8));
            }
            else
            {
                Philox.Blocks(position >> 1, stream, k0, k1, out Philox.Words low4, out Philox.Words high4);
                Store(low4, bits.Slice(i, 8));
                Store(high4, bits.Slice(i + 8, 8));
            }

            position += 16;
        }

        // Without 256-bit vectors in hardware (they would run in software), block by block below: the same bits.
        for (; widest >= 8 && i + 8 <= bits.Length; i += 8)
        {
            var (x0, x1, x2, x3) = Philox.Blocks(position >> 1, stream, k0, k1);
            Store(new Philox.Words(x0, x1, x2, x3), bits.Slice(i, 8));
            position += 8;
        }

        for (; i < bits.Length; i++)
        {
            bits[i] = NextBits();
        }
    }

    // Four blocks' eight draws in block order (each block's first word pair, then its second), 53 bits each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store(Philox.Words w, Span<ulong> bits)
    {
        Vector256<ulong> first = ((w.X0 << 32) | w.X1) >>> 11, second = ((w.X2 << 32) | w.X3) >>> 11;
        if (Avx2.IsSupported)
        {
            // Block j's two draws are first's and second's lane j: interleaved in registers and stored in two, rather
            // than taken out lane by lane.
            Vector256<ulong> even = Avx2.UnpackLow(first, second), odd = Avx2.UnpackHigh(first, second);
            Avx2.Permute2x128(even, odd, 0x20).CopyTo(bits[..4]);
            Avx2.Permute2x128(even, odd, 0x31).CopyTo(bits[4..]);
        }
        else
        {
            for (int lane = 0; lane < Vector256<ulong>.Count; lane++)
            {
                bits[2 * lane] = first.GetElement(lane);
                bits[(2 * lane) + 1] = second.GetElement(lane);
            }
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
