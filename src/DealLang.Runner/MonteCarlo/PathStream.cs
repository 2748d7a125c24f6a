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

    /// <summary>A uniform in (0, 1) (reflected on a mirrored stream).</summary>
    public double Uniform()
    {
        ulong m = NextBits();
        return ((mirrored ? MaxMantissa - m : m) + 0.5) * Scale;
    }

    /// <summary>A standard normal (negated on a mirrored stream).</summary>
    public double Normal()
    {
        double z = NormalQuantile.Inverse((NextBits() + 0.5) * Scale);
        return mirrored ? -z : z;
    }
}
