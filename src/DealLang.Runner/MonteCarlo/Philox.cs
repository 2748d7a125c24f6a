using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011): a
/// counter-based generator, so the numbers of block c under key k depend on (k, c) only — what makes a path's draws
/// the same on any thread and in any order. Checked against Random123's published known-answer vectors (GeneratorTests).
/// </summary>
public static class Philox
{
    const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The block for counter (c0, c1, c2, c3) under key (k0, k1): ten rounds.</summary>
    public static (uint X0, uint X1, uint X2, uint X3) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }

            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
        }

        return (c0, c1, c2, c3);
    }

    /// <summary>
    /// The blocks for counters (b, c2, 0) and the next three, b + 1 … b + 3 (each as two words, low then high), under
    /// key (k0, k1): <see cref="Block"/>'s words, one block a lane (each word in the low half of its 64-bit lane). A
    /// block's ten rounds are a chain of dependent multiplications; four side by side cost about what one does.
    /// </summary>
    public static (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) Blocks(ulong b, uint c2, uint k0, uint k1)
    {
        Vector256<ulong> low = Vector256.Create(0xFFFF_FFFFUL);
        Vector256<ulong> counters = Vector256.Create(b, b + 1, b + 2, b + 3);
        Vector256<ulong> x0 = counters & low, x1 = counters >>> 32, x2 = Vector256.Create((ulong)c2), x3 = Vector256<ulong>.Zero;
        Vector256<ulong> m0 = Vector256.Create((ulong)M0), m1 = Vector256.Create((ulong)M1);
        for (int round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }

            Vector256<ulong> p0 = Product(m0, x0), p1 = Product(m1, x2);
            (x0, x1, x2, x3) = ((p1 >>> 32) ^ x1 ^ Vector256.Create((ulong)k0), p1 & low, (p0 >>> 32) ^ x3 ^ Vector256.Create((ulong)k1), p0 & low);
        }

        return (x0, x1, x2, x3);
    }

    /// <summary>
    /// <see cref="Blocks"/> for eight blocks, counters b … b + 3 into <paramref name="low4"/> and b + 4 … b + 7 into
    /// <paramref name="high4"/>, in two groups of 256-bit lanes whose rounds are interleaved (on a machine without
    /// 512-bit vectors): each group's rounds are a chain of dependent multiplications, and two chains side by side cost
    /// about what one does.
    /// </summary>
    public static void Blocks(ulong b, uint c2, uint k0, uint k1, out Words low4, out Words high4)
    {
        Vector256<ulong> low = Vector256.Create(0xFFFF_FFFFUL);
        Vector256<ulong> counters = Vector256.Create(b, b + 1, b + 2, b + 3), next = counters + Vector256.Create(4UL);
        Vector256<ulong> x0 = counters & low, x1 = counters >>> 32, x2 = Vector256.Create((ulong)c2), x3 = Vector256<ulong>.Zero;
        Vector256<ulong> y0 = next & low, y1 = next >>> 32, y2 = x2, y3 = x3;
        Vector256<ulong> m0 = Vector256.Create((ulong)M0), m1 = Vector256.Create((ulong)M1);

        // Two rounds an iteration, the second's words renamed back: a round's new words are its old ones rotated
        // (x1 takes p1's low half, x3 p0's), and two rounds bring them back to their registers without moves.
        for (int round = 0; round < 10; round += 2)
        {
            Vector256<ulong> key0 = Vector256.Create((ulong)(k0 + (uint)(round * W0))), key1 = Vector256.Create((ulong)(k1 + (uint)(round * W1)));
            Vector256<ulong> p0 = Product(m0, x0), p1 = Product(m1, x2), q0 = Product(m0, y0), q1 = Product(m1, y2);
            Vector256<ulong> a0 = (p1 >>> 32) ^ x1 ^ key0, a1 = p1 & low, a2 = (p0 >>> 32) ^ x3 ^ key1, a3 = p0 & low;
            Vector256<ulong> b0 = (q1 >>> 32) ^ y1 ^ key0, b1 = q1 & low, b2 = (q0 >>> 32) ^ y3 ^ key1, b3 = q0 & low;
            key0 = Vector256.Create((ulong)(k0 + (uint)((round + 1) * W0)));
            key1 = Vector256.Create((ulong)(k1 + (uint)((round + 1) * W1)));
            p0 = Product(m0, a0);
            p1 = Product(m1, a2);
            q0 = Product(m0, b0);
            q1 = Product(m1, b2);
            (x0, x1, x2, x3) = ((p1 >>> 32) ^ a1 ^ key0, p1 & low, (p0 >>> 32) ^ a3 ^ key1, p0 & low);
            (y0, y1, y2, y3) = ((q1 >>> 32) ^ b1 ^ key0, q1 & low, (q0 >>> 32) ^ b3 ^ key1, q0 & low);
        }

        low4 = new Words(x0, x1, x2, x3);
        high4 = new Words(y0, y1, y2, y3);
    }

    /// <summary>Four blocks' words, one block a lane, each word in the low half of its 64-bit lane (<see cref="Blocks(ulong, uint, uint, uint, out Words, out Words)"/>).</summary>
    public readonly record struct Words(Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3);

    /// <summary>
    /// <see cref="Blocks"/> for eight blocks, counters b … b + 7, in 512-bit lanes (on a machine with AVX-512): a block's
    /// words as <see cref="Block"/>'s, each in the low half of its lane.
    /// </summary>
    public static (Vector512<ulong> X0, Vector512<ulong> X1, Vector512<ulong> X2, Vector512<ulong> X3) Blocks8(ulong b, uint c2, uint k0, uint k1)
    {
        Vector512<ulong> low = Vector512.Create(0xFFFF_FFFFUL);
        Vector512<ulong> counters = Vector512.Create(b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7);
        Vector512<ulong> x0 = counters & low, x1 = counters >>> 32, x2 = Vector512.Create((ulong)c2), x3 = Vector512<ulong>.Zero;
        Vector512<ulong> m0 = Vector512.Create((ulong)M0), m1 = Vector512.Create((ulong)M1);
        for (int round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }

            Vector512<ulong> p0 = Product(m0, x0), p1 = Product(m1, x2);
            (x0, x1, x2, x3) = ((p1 >>> 32) ^ x1 ^ Vector512.Create((ulong)k0), p1 & low, (p0 >>> 32) ^ x3 ^ Vector512.Create((ulong)k1), p0 & low);
        }

        return (x0, x1, x2, x3);
    }

    // AVX-512's vpmuludq, or a 64-bit multiplication (exact, as neither factor passes 2³²).
    static Vector512<ulong> Product(Vector512<ulong> a, Vector512<ulong> b) =>
        Avx512F.IsSupported ? Avx512F.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;

    // The 64-bit product of two words each in the low half of its lane: AVX2's vpmuludq, or a 64-bit multiplication
    // (exact, as neither factor passes 2³²).
    static Vector256<ulong> Product(Vector256<ulong> a, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;
}
