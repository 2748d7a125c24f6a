using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DealLang.Runner.Analytics;

/// <summary>
/// The moments of an IRR's two groups of flows, those before a split and those from it on: Σ w τ^k for k = 0 … 4, w a
/// flow times its discount factor and τ its time from an origin, four flows at a time (<see cref="Vector256{T}"/>).
/// With one sign change, split at the change, they are the log form's two groups (<see cref="Irr"/>): at x = 0 (no
/// discount factors) for its first step, and at each rate it steps to from a <see cref="DiscountChain"/>'s factors.
/// <para>
/// Bit-stable: in each group, each of four lanes adds every fourth flow in order, the lanes are added in lane order,
/// and the last flows (fewer than four) after them, one by one; element-wise IEEE operations only, so a machine
/// without 256-bit vectors (which runs <see cref="Vector256{T}"/> in software) gives the same bits.
/// </para>
/// </summary>
internal static class FlowMoments
{
    /// <summary>
    /// The moments of the <paramref name="amounts"/> before <paramref name="split"/> and of those from it on, each
    /// times its <paramref name="discounts"/> entry (all 1 when empty), at <paramref name="times"/> less
    /// <paramref name="origin"/>. Returns Σ a × 0 over the amounts: 0 when every amount is finite, NaN otherwise.
    /// </summary>
    public static double Sum(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<double> discounts, double origin, int split,
        out GroupMoments before, out GroupMoments after)
    {
        int n = amounts.Length;
        if (times.Length < n || (!discounts.IsEmpty && discounts.Length < n) || (uint)split > (uint)n)
        {
            throw new ArgumentException("Expected a time (and a discount factor) per amount, and a split among them.", nameof(amounts));
        }

        // Refs, not span indexing, in the loops: the lengths were checked above, and bounds checks on three spans
        // would double the loops' instructions.
        ref double t = ref MemoryMarshal.GetReference(times);
        ref double a = ref MemoryMarshal.GetReference(amounts);
        ref double d = ref MemoryMarshal.GetReference(discounts);
        double nonFinite = 0;
        if (discounts.IsEmpty)
        {
            before = Group(ref t, ref a, ref d, origin, 0, split, ref nonFinite, discounted: false);
            after = Group(ref t, ref a, ref d, origin, split, n, ref nonFinite, discounted: false);
        }
        else
        {
            before = Group(ref t, ref a, ref d, origin, 0, split, ref nonFinite, discounted: true);
            after = Group(ref t, ref a, ref d, origin, split, n, ref nonFinite, discounted: true);
        }

        return nonFinite;
    }

    /// <summary>The moments at x = 0 of one flow, <paramref name="amount"/> at <paramref name="time"/> less
    /// <paramref name="origin"/>: bit for bit the group <see cref="Sum"/> makes of that flow alone (a tranche's price at
    /// closing, the group before its flows back, <see cref="TrancheFlows"/>).</summary>
    public static GroupMoments One(double time, double amount, double origin)
    {
        // Group's loop for its one flow, undiscounted, written out: each sum 0 plus its one term.
        double tau = time - origin;
        double moment = amount * tau;
        double w1 = 0.0 + moment;
        moment *= tau;
        double w2 = 0.0 + moment;
        moment *= tau;
        double w3 = 0.0 + moment;
        return new GroupMoments(0.0 + amount, w1, w2, w3, 0.0 + (moment * tau));
    }

    // Flows from..to−1; adds Σ a × 0 over them to nonFinite. Inlined four times: without discount factors (the scan
    // at x = 0) the loop has no load and no multiplication for them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static GroupMoments Group(ref double t, ref double a, ref double d, double origin, int from, int to, ref double nonFinite, bool discounted)
    {
        double w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
        int i = from;
        if (to - from >= Vector256<double>.Count)
        {
            Vector256<double> zero = Vector256<double>.Zero;
            Vector256<double> shift = Vector256.Create(origin);
            Vector256<double> s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, bad = zero;
            for (; i <= to - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> amount = Vector256.LoadUnsafe(ref a, (nuint)i);
                Vector256<double> tau = Vector256.LoadUnsafe(ref t, (nuint)i) - shift;
                Vector256<double> w = discounted ? amount * Vector256.LoadUnsafe(ref d, (nuint)i) : amount;
                bad += amount * zero; // a NaN or an infinity times 0 is NaN, and NaN stays
                Vector256<double> moment = w * tau;
                s0 += w;
                s1 += moment;
                moment *= tau;
                s2 += moment;
                moment *= tau;
                s3 += moment;
                s4 += moment * tau;
            }

            w0 = Lanes(s0);
            w1 = Lanes(s1);
            w2 = Lanes(s2);
            w3 = Lanes(s3);
            w4 = Lanes(s4);
            nonFinite += Lanes(bad);
        }

        for (; i < to; i++)
        {
            double amount = Unsafe.Add(ref a, i);
            double tau = Unsafe.Add(ref t, i) - origin;
            double w = discounted ? amount * Unsafe.Add(ref d, i) : amount;
            nonFinite += amount * 0.0;
            double moment = w * tau;
            w0 += w;
            w1 += moment;
            moment *= tau;
            w2 += moment;
            moment *= tau;
            w3 += moment;
            w4 += moment * tau;
        }

        return new GroupMoments(w0, w1, w2, w3, w4);
    }

    /// <summary>The index of the first negative amount (or the first positive one), −1 when there is none; four at a
    /// time.</summary>
    public static int IndexOfSign(ReadOnlySpan<double> amounts, bool negative)
    {
        ref double a = ref MemoryMarshal.GetReference(amounts);
        int n = amounts.Length;
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            Vector256<double> amount = Vector256.LoadUnsafe(ref a, (nuint)i);
            uint found = (negative ? Vector256.LessThan(amount, Vector256<double>.Zero) : Vector256.GreaterThan(amount, Vector256<double>.Zero)).ExtractMostSignificantBits();
            if (found != 0)
            {
                return i + System.Numerics.BitOperations.TrailingZeroCount(found);
            }
        }

        for (; i < n; i++)
        {
            if (negative ? Unsafe.Add(ref a, i) < 0.0 : Unsafe.Add(ref a, i) > 0.0)
            {
                return i;
            }
        }

        return -1;
    }

    // The lanes in their order, whatever the hardware (Vector256.Sum leaves the order to it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Lanes(Vector256<double> v) => v.GetElement(0) + v.GetElement(1) + v.GetElement(2) + v.GetElement(3);
}
