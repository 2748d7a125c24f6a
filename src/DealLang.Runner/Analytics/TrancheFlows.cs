using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DealLang.Runner.Analytics;

/// <summary>
/// A tranche's flows on a path after its price at closing (interest, principal and a convertible's shares paid, less
/// each draw bought at the issue price), written in one pass with the sums its other figures need: the draws, and the
/// WAL's principal-weighted years and principal (<see cref="Wal.Compute"/>'s, in its order), and the IRR's scan at
/// x = 0 (<see cref="Irr.Scan"/>'s sign test and its two groups' moments). A tranche paid for (its price, its draws)
/// and then paid back changes sign once, at its first flow back: for such flows <see cref="Irr.SolveScanned"/> takes
/// the scan from here and makes no pass of its own to find it.
/// <para>
/// The moments are <see cref="FlowMoments.Sum"/>'s, to the bit: the group after the change in four lanes, each adding
/// every fourth flow in order from the change, the lanes added in lane order, the last flows (fewer than four) one by
/// one after them; the group before by <see cref="FlowMoments"/> itself. The flows four at a time are each the scalar
/// sum's bits too: element-wise IEEE operations in the same order, no fused multiply-add.
/// </para>
/// </summary>
internal static class TrancheFlows
{
    /// <summary>
    /// Writes the flows after the price, <paramref name="amounts"/>[t + 1] = interest[t] + principal[t] + shares[t] −
    /// price × drawn[t] (<paramref name="amounts"/>[0], the price at closing, is the caller's), and returns whether the
    /// amounts are finite and change sign once, from below 0 (what was paid, the price and any draws) to above (what came
    /// back), each group's sum of its sign: then <paramref name="split"/>, <paramref name="before"/> and
    /// <paramref name="after"/> are <see cref="Irr.Scan"/>'s, bit for bit, with <paramref name="times"/>[0] the origin
    /// (otherwise they are to be ignored). <paramref name="draws"/> = Σ drawn, <paramref name="weighted"/> = Σ
    /// times[t + 1] × principal[t] and <paramref name="repaid"/> = Σ principal, each added in time order.
    /// </summary>
    public static bool Form(
        ReadOnlySpan<double> times, Span<double> amounts, ReadOnlySpan<double> interest, ReadOnlySpan<double> principal, ReadOnlySpan<double> shares,
        ReadOnlySpan<double> drawn, double price,
        out double draws, out double weighted, out double repaid, out int split, out GroupMoments before, out GroupMoments after)
    {
        int n = amounts.Length - 1;
        if (n < 0 || times.Length <= n || interest.Length < n || principal.Length < n || shares.Length < n || drawn.Length < n)
        {
            throw new ArgumentException("Expected the price and a flow per time, and an interest, a principal, a share and a draw amount per flow.", nameof(amounts));
        }

        // Refs, not span indexing, in the loops: the lengths were checked above, and bounds checks on six spans would
        // double the loops' instructions. y and f are the flows' times and amounts, from the first after the price.
        ref double y = ref Unsafe.Add(ref MemoryMarshal.GetReference(times), 1);
        ref double f = ref Unsafe.Add(ref MemoryMarshal.GetReference(amounts), 1);
        ref double c = ref MemoryMarshal.GetReference(interest);
        ref double p = ref MemoryMarshal.GetReference(principal);
        ref double s = ref MemoryMarshal.GetReference(shares);
        ref double d = ref MemoryMarshal.GetReference(drawn);
        double origin = times[0];
        double sumDrawn = 0, sumWeighted = 0, sumRepaid = 0;

        // Up to the first flow above 0, one by one: the price and the draws before it are the group before the change.
        bool paidIn = amounts[0] < 0.0;
        int t = 0;
        for (; t < n; t++)
        {
            double principalPaid = Unsafe.Add(ref p, t);
            double flow = Unsafe.Add(ref c, t) + principalPaid + Unsafe.Add(ref s, t) - (price * Unsafe.Add(ref d, t));
            Unsafe.Add(ref f, t) = flow;
            if (flow > 0.0)
            {
                break; // its sums with the group after
            }

            sumDrawn += Unsafe.Add(ref d, t);
            sumWeighted += Unsafe.Add(ref y, t) * principalPaid;
            sumRepaid += principalPaid;
            paidIn |= flow < 0.0;
        }

        // From it on, the group after the change (FlowMoments.Group's loop, undiscounted, its lanes from the split), and
        // whether any flow in it is below 0 (a second change).
        split = t + 1;
        int from = t;
        double w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;

        // Σ flow × 0: 0 while every flow is finite, NaN from the first that is not (FlowMoments' test).
        double nonFinite = 0;
        bool negative = false;
        if (t < n)
        {
            if (n - from >= Vector256<double>.Count)
            {
                Vector256<double> zero = Vector256<double>.Zero;
                Vector256<double> shift = Vector256.Create(origin);
                Vector256<double> cost = Vector256.Create(price);
                Vector256<double> s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, bad = zero, below = zero;
                for (; t <= n - Vector256<double>.Count; t += Vector256<double>.Count)
                {
                    Vector256<double> paid = Vector256.LoadUnsafe(ref p, (nuint)t);
                    Vector256<double> draw = Vector256.LoadUnsafe(ref d, (nuint)t);
                    Vector256<double> flow = Vector256.LoadUnsafe(ref c, (nuint)t) + paid + Vector256.LoadUnsafe(ref s, (nuint)t) - (cost * draw);
                    flow.StoreUnsafe(ref f, (nuint)t);
                    below |= Vector256.LessThan(flow, zero);
                    Vector256<double> tau = Vector256.LoadUnsafe(ref y, (nuint)t) - shift;
                    bad += flow * zero;
                    Vector256<double> moment = flow * tau;
                    s0 += flow;
                    s1 += moment;
                    moment *= tau;
                    s2 += moment;
                    moment *= tau;
                    s3 += moment;
                    s4 += moment * tau;

                    // The WAL's sums and the draws', flow after flow (each sum left to right, so in time order): three
                    // chains of additions side by side.
                    double p0 = Unsafe.Add(ref p, t), p1 = Unsafe.Add(ref p, t + 1), p2 = Unsafe.Add(ref p, t + 2), p3 = Unsafe.Add(ref p, t + 3);
                    sumDrawn = sumDrawn + Unsafe.Add(ref d, t) + Unsafe.Add(ref d, t + 1) + Unsafe.Add(ref d, t + 2) + Unsafe.Add(ref d, t + 3);
                    sumWeighted = sumWeighted + (Unsafe.Add(ref y, t) * p0) + (Unsafe.Add(ref y, t + 1) * p1) + (Unsafe.Add(ref y, t + 2) * p2)
                        + (Unsafe.Add(ref y, t + 3) * p3);
                    sumRepaid = sumRepaid + p0 + p1 + p2 + p3;
                }

                w0 = FlowMoments.Lanes(s0);
                w1 = FlowMoments.Lanes(s1);
                w2 = FlowMoments.Lanes(s2);
                w3 = FlowMoments.Lanes(s3);
                w4 = FlowMoments.Lanes(s4);
                nonFinite += FlowMoments.Lanes(bad);
                negative = below.ExtractMostSignificantBits() != 0;
            }

            for (; t < n; t++)
            {
                double principalPaid = Unsafe.Add(ref p, t);
                double flow = Unsafe.Add(ref c, t) + principalPaid + Unsafe.Add(ref s, t) - (price * Unsafe.Add(ref d, t));
                Unsafe.Add(ref f, t) = flow;
                negative |= flow < 0.0;
                sumDrawn += Unsafe.Add(ref d, t);
                sumWeighted += Unsafe.Add(ref y, t) * principalPaid;
                sumRepaid += principalPaid;

                double tau = Unsafe.Add(ref y, t) - origin;
                nonFinite += flow * 0.0;
                double moment = flow * tau;
                w0 += flow;
                w1 += moment;
                moment *= tau;
                w2 += moment;
                moment *= tau;
                w3 += moment;
                w4 += moment * tau;
            }
        }

        draws = sumDrawn;
        weighted = sumWeighted;
        repaid = sumRepaid;
        after = new GroupMoments(w0, w1, w2, w3, w4);

        // The group before: the price alone (a tranche bought at closing and paid back from the first period), or the
        // price and the draws, by FlowMoments' own sum.
        if (!paidIn || from == n)
        {
            before = default;
            return false;
        }

        if (split == 1)
        {
            before = FlowMoments.One(times[0], amounts[0], origin);
            nonFinite += amounts[0] * 0.0;
        }
        else
        {
            nonFinite += FlowMoments.Sum(times, amounts[..split], default, origin, split, out before, out _);
        }

        return nonFinite == 0 && !negative && before.W0 < 0 && after.W0 > 0;
    }
}
