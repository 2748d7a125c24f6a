using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DealLang.Runner.Analytics;

/// <summary>
/// The moments of an IRR's flows by sign: Σ w τ^k for k = 0 … 3 over the positive flows and over the negative ones,
/// w a flow times its discount factor and τ its time from an origin, in one pass four flows at a time
/// (<see cref="Vector256{T}"/>). With one sign change the positive and the negative flows are the two groups before
/// and after the change, the log form's (<see cref="Irr"/>): at x = 0 (no discount factors) for its first step, and at
/// each rate it steps to from a <see cref="DiscountChain"/>'s factors.
/// <para>
/// Bit-stable: each lane adds every fourth flow in order, the four lanes are added in lane order, and the last flows
/// (fewer than four) after them, one by one; element-wise IEEE operations only, so a machine without 256-bit vectors
/// (which runs <see cref="Vector256{T}"/> in software) gives the same bits.
/// </para>
/// </summary>
internal static class FlowMoments
{
    /// <summary>
    /// The moments of the positive and of the negative <paramref name="amounts"/> (a zero is in neither), each times
    /// its <paramref name="discounts"/> entry (all 1 when empty), at <paramref name="times"/> less
    /// <paramref name="origin"/>. Returns Σ a × 0 over the amounts: 0 when every amount is finite, NaN otherwise.
    /// </summary>
    public static double Sum(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<double> discounts, double origin,
        out GroupMoments positive, out GroupMoments negative)
    {
        if (times.Length < amounts.Length || (!discounts.IsEmpty && discounts.Length < amounts.Length))
        {
            throw new ArgumentException("Expected a time (and a discount factor) per amount.", nameof(amounts));
        }

        return discounts.IsEmpty
            ? Sum(times, amounts, discounts, origin, out positive, out negative, discounted: false)
            : Sum(times, amounts, discounts, origin, out positive, out negative, discounted: true);
    }

    // Inlined twice: without discount factors (the scan at x = 0) the loop has no load and no multiplication for them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Sum(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<double> discounts, double origin,
        out GroupMoments positive, out GroupMoments negative, bool discounted)
    {
        int n = amounts.Length;

        // Refs, not span indexing, in the loops: the lengths were checked by the caller, and bounds checks on three spans
        // would double the loop's instructions.
        ref double t = ref MemoryMarshal.GetReference(times);
        ref double a = ref MemoryMarshal.GetReference(amounts);
        ref double d = ref MemoryMarshal.GetReference(discounts);
        Vector256<double> zero = Vector256<double>.Zero;
        Vector256<double> from = Vector256.Create(origin);
        Vector256<double> p0 = zero, p1 = zero, p2 = zero, p3 = zero, n0 = zero, n1 = zero, n2 = zero, n3 = zero, bad = zero;
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            Vector256<double> amount = Vector256.LoadUnsafe(ref a, (nuint)i);
            Vector256<double> tau = Vector256.LoadUnsafe(ref t, (nuint)i) - from;
            Vector256<double> w = discounted ? amount * Vector256.LoadUnsafe(ref d, (nuint)i) : amount;
            bad += amount * zero; // a NaN or an infinity times 0 is NaN, and NaN stays
            Vector256<double> up = Vector256.ConditionalSelect(Vector256.GreaterThan(amount, zero), w, zero);
            Vector256<double> down = w - up;
            Vector256<double> moment = up * tau;
            p0 += up;
            p1 += moment;
            moment *= tau;
            p2 += moment;
            moment *= tau;
            p3 += moment;

            moment = down * tau;
            n0 += down;
            n1 += moment;
            moment *= tau;
            n2 += moment;
            moment *= tau;
            n3 += moment;
        }

        double sp0 = Lanes(p0), sp1 = Lanes(p1), sp2 = Lanes(p2), sp3 = Lanes(p3);
        double sn0 = Lanes(n0), sn1 = Lanes(n1), sn2 = Lanes(n2), sn3 = Lanes(n3);
        double nonFinite = Lanes(bad);
        for (; i < n; i++)
        {
            double amount = Unsafe.Add(ref a, i);
            double tau = Unsafe.Add(ref t, i) - origin;
            double w = discounted ? amount * Unsafe.Add(ref d, i) : amount;
            nonFinite += amount * 0.0;
            double up = amount > 0.0 ? w : 0.0;
            double down = w - up;
            double moment = up * tau;
            sp0 += up;
            sp1 += moment;
            moment *= tau;
            sp2 += moment;
            moment *= tau;
            sp3 += moment;

            moment = down * tau;
            sn0 += down;
            sn1 += moment;
            moment *= tau;
            sn2 += moment;
            moment *= tau;
            sn3 += moment;
        }

        positive = new GroupMoments(sp0, sp1, sp2, sp3);
        negative = new GroupMoments(sn0, sn1, sn2, sn3);
        return nonFinite;
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
    static double Lanes(Vector256<double> v) => v.GetElement(0) + v.GetElement(1) + v.GetElement(2) + v.GetElement(3);
}
