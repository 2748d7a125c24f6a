using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DealLang.Runner.Analytics;

/// <summary>
/// The flows of one IRR solve, in time order, with their times prepared once so that each evaluation of the NPV
/// costs a few <see cref="Math.Exp"/> calls and one multiplication per flow, instead of a <see cref="Math.Pow"/>
/// per flow.
/// <para>
/// The NPV is evaluated in the continuous rate x = ln(1 + r): g(x) = Σ a_i e^(−x τ_i), τ_i the years from the first
/// flow. Each flow's discount factor is the previous one's times e^(−|x| Δ_i), Δ_i the gap to the previous flow, so
/// only the distinct gaps need an exponential. Gaps are matched on a grid of 1/<see cref="GridPerYear"/> of a year
/// (365 × 12: whole days of ACT/365F, months, quarters, half-years and years all fall on it), at most
/// <see cref="MaxGaps"/> of them (a deal's periods have a handful: 181 to 184 days for semiannual ones); a gap off
/// the grid, or past the table, gets its own exponential. Each gap on the grid is taken as its grid value, which
/// differs from the subtraction of the two times by their rounding only (under 10⁻¹⁵ of a year here).
/// </para>
/// <para>
/// The chain runs forward from the first flow for x ≥ 0 and backward from the last for x &lt; 0, so every factor is
/// at most 1 and nothing overflows near −100% however long the flows; the backward sum is g(x) e^(x τ_n), a positive
/// multiple of g, so it has the same sign and the same roots. Rounding: one relative error of about 10⁻¹⁶ per
/// multiplication, so a factor n flows down the chain is within n × 10⁻¹⁶ of e^(−x τ_i).
/// </para>
/// </summary>
internal readonly ref struct DiscountChain
{
#if DEBUG
    /// <summary>Passes over the flows (<see cref="Evaluate"/> and <see cref="Moments"/>) made on this thread: a Debug
    /// build's tests count a solve's (a Release build has no counter, and no cost for one).</summary>
    [ThreadStatic]
    internal static int Passes;

#endif
    /// <summary>Gaps are matched in units of a year / (365 × 12).</summary>
    public const double GridPerYear = 365.0 * 12.0;

    /// <summary>Distinct gaps given a table entry; a deal's flows have far fewer.</summary>
    public const int MaxGaps = 16;

    /// <summary>A gap off the grid or past the table: its own exponential.</summary>
    const byte NoSlot = byte.MaxValue;

    // Off the grid by more than this many grid units, a gap is not on it (a time rounded to double is off by
    // about 10⁻¹¹ units).
    const double OnGrid = 1e-6;

    readonly ReadOnlySpan<double> times;
    readonly ReadOnlySpan<double> amounts;
    readonly ReadOnlySpan<byte> slots;
    readonly ReadOnlySpan<double> gaps;
    readonly Span<double> factors;
    readonly Span<double> discounts;

    // Whether every gap between the flows has its entry in the table: Moments' loops then need no exponential.
    readonly bool onGrid;

    /// <param name="times">The flows' times in years, in ascending order.</param>
    /// <param name="amounts">The flows.</param>
    /// <param name="slots">Each flow's gap's entry in <paramref name="gaps"/>, from <see cref="Prepare"/>.</param>
    /// <param name="gaps">The distinct gaps, from <see cref="Prepare"/>.</param>
    /// <param name="factorScratch"><see cref="MaxGaps"/> doubles, the caller's: each gap's factor at the rate evaluated.</param>
    /// <param name="discountScratch">A double per flow, the caller's: each flow's discount factor (<see cref="Moments"/>).</param>
    /// <param name="onGrid">Whether every gap between the flows has its entry in <paramref name="gaps"/>
    /// (<see cref="OffGridFrom"/>); false is always correct, only slower.</param>
    public DiscountChain(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<byte> slots, ReadOnlySpan<double> gaps,
        Span<double> factorScratch, Span<double> discountScratch, bool onGrid)
    {
        this.times = times;
        this.amounts = amounts;
        this.slots = slots;
        this.gaps = gaps;
        factors = factorScratch;
        discounts = discountScratch[..amounts.Length];
        this.onGrid = onGrid;
    }

    /// <summary>
    /// The first flow from index 1 on whose gap to the previous one has no entry in a table of
    /// <paramref name="gapCount"/> gaps (<see cref="Prepare"/>'s slots), or the number of flows when every one has.
    /// </summary>
    public static int OffGridFrom(ReadOnlySpan<byte> slots, int gapCount)
    {
        if (slots.Length < 2)
        {
            return slots.Length;
        }

        int at = gapCount == 0 ? 0 : slots[1..].IndexOfAnyExceptInRange((byte)0, (byte)(gapCount - 1));
        return at < 0 ? slots.Length : at + 1;
    }

    /// <summary>
    /// Matches each gap between consecutive <paramref name="times"/> (ascending) with the table of distinct gaps:
    /// writes each flow's entry into <paramref name="slots"/> (one byte per flow; the first flow's is unused) and
    /// the table into <paramref name="gaps"/> (<see cref="MaxGaps"/> doubles); returns the table's length.
    /// </summary>
    public static int Prepare(ReadOnlySpan<double> times, Span<byte> slots, Span<double> gaps)
    {
        int count = 0;
        Span<long> keys = stackalloc long[MaxGaps];
        int last = -1;
        for (int i = 1; i < times.Length; i++)
        {
            // Gaps are ≥ 0 (the times ascend), so adding a half and truncating rounds to the nearest unit.
            double units = (times[i] - times[i - 1]) * GridPerYear;
            long key = (long)(units + 0.5);
            slots[i] = NoSlot;
            if (Math.Abs(units - key) > OnGrid)
            {
                continue;
            }

            // Period gaps repeat: try the previous flow's entry before the table.
            int slot = last >= 0 && keys[last] == key ? last : keys[..count].IndexOf(key);
            if (slot < 0 && count < MaxGaps)
            {
                slot = count;
                keys[count] = key;
                gaps[count++] = key / GridPerYear;
            }

            if (slot >= 0)
            {
                slots[i] = (byte)slot;
                last = slot;
            }
        }

        return count;
    }

    /// <summary>
    /// A positive multiple of the NPV at the continuous rate <paramref name="x"/> (its sign and roots are the
    /// NPV's) and that multiple's derivative in <paramref name="x"/>.
    /// </summary>
    public void Evaluate(double x, out double value, out double slope)
    {
#if DEBUG
        Passes++;
#endif
        // Locals, not fields, in the loops: the JIT keeps them in registers.
        ReadOnlySpan<double> t = times;
        ReadOnlySpan<double> a = amounts;
        ReadOnlySpan<byte> slot = slots;
        Span<double> factor = factors[..gaps.Length];
        double decay = Math.Abs(x);
        for (int k = 0; k < factor.Length; k++)
        {
            factor[k] = Math.Exp(-decay * gaps[k]);
        }

        int n = a.Length;
        double sum;
        double moment = 0;
        double discount = 1;
        if (x >= 0)
        {
            // Forward from the first flow: Σ a_i e^(−x τ_i), slope −Σ τ_i a_i e^(−x τ_i). The first loop runs while
            // the gaps are in the table; a gap off it hands over to the second, which has the exponential: a call
            // in the first would cost its registers on every flow.
            double origin = t[0];
            sum = a[0];
            int i = 1;
            for (; i < n; i++)
            {
                int k = slot[i];
                if ((uint)k >= (uint)factor.Length)
                {
                    break;
                }

                discount *= factor[k];
                double term = a[i] * discount;
                sum += term;
                moment += (t[i] - origin) * term;
            }

            for (; i < n; i++)
            {
                int k = slot[i];
                discount *= (uint)k < (uint)factor.Length ? factor[k] : Math.Exp(-decay * (t[i] - t[i - 1]));
                double term = a[i] * discount;
                sum += term;
                moment += (t[i] - origin) * term;
            }
        }
        else
        {
            // Backward from the last flow: Σ a_i e^(−x (τ_i − τ_n)), every exponent ≤ 0 since x < 0.
            double end = t[n - 1];
            sum = a[n - 1];
            int i = n - 2;
            for (; i >= 0; i--)
            {
                int k = slot[i + 1];
                if ((uint)k >= (uint)factor.Length)
                {
                    break;
                }

                discount *= factor[k];
                double term = a[i] * discount;
                sum += term;
                moment += (t[i] - end) * term;
            }

            for (; i >= 0; i--)
            {
                int k = slot[i + 1];
                discount *= (uint)k < (uint)factor.Length ? factor[k] : Math.Exp(-decay * (t[i + 1] - t[i]));
                double term = a[i] * discount;
                sum += term;
                moment += (t[i] - end) * term;
            }
        }

        value = sum;
        slope = -moment;
    }

    /// <summary>Rates <see cref="Values"/> evaluates at once.</summary>
    public const int Lanes = 8;

    /// <summary>
    /// <see cref="Evaluate"/>'s value at eight continuous rates at once, each bit for bit what <see cref="Evaluate"/>
    /// gives at it: per rate the same exponentials, multiplications and additions in the same order, the eight chains
    /// side by side in two vectors of four. One chain is bound by a multiplication's latency, flow after flow; eight
    /// independent ones cost about what one does, and a scan of the range (<c>Irr.ScanGrid</c>, 2,000 points for flows
    /// that change sign more than once) is nearly all evaluations. At once only where every gap is in the table and the
    /// eight rates are on one side of 0 (their chains then run the same way); otherwise each is evaluated alone. No
    /// slope: a scan reads signs.
    /// </summary>
    /// <param name="x">The <see cref="Lanes"/> rates.</param>
    /// <param name="values">Their values, <see cref="Lanes"/> of them.</param>
    [SkipLocalsInit] // the factors are written before they are read
    public void Values(ReadOnlySpan<double> x, Span<double> values)
    {
        if (x.Length != Lanes || values.Length != Lanes)
        {
            throw new ArgumentException($"Expected {Lanes} rates and room for {Lanes} values.", nameof(values));
        }

        bool forward = x[0] >= 0;
        bool oneSide = true;
        for (int j = 1; j < Lanes; j++)
        {
            oneSide &= x[j] >= 0 == forward;
        }

        if (!onGrid || !oneSide)
        {
            for (int j = 0; j < Lanes; j++)
            {
                Evaluate(x[j], out values[j], out _);
            }

            return;
        }

#if DEBUG
        Passes += Lanes;
#endif
        ReadOnlySpan<double> a = amounts;
        ReadOnlySpan<byte> slot = slots;
        ReadOnlySpan<double> gap = gaps;

        // The rates' factors side by side, two vectors of four per gap: a flow's slot reads its gap's eight at once, and
        // each multiplication and addition below is four of Evaluate's, lane by lane (IEEE arithmetic per lane, no
        // fused multiply-add: the same bits).
        Span<Vector256<double>> factor = stackalloc Vector256<double>[2 * MaxGaps];
        for (int k = 0; k < gap.Length; k++)
        {
            double g = gap[k];
            factor[2 * k] = Vector256.Create(
                Math.Exp(-Math.Abs(x[0]) * g), Math.Exp(-Math.Abs(x[1]) * g), Math.Exp(-Math.Abs(x[2]) * g), Math.Exp(-Math.Abs(x[3]) * g));
            factor[(2 * k) + 1] = Vector256.Create(
                Math.Exp(-Math.Abs(x[4]) * g), Math.Exp(-Math.Abs(x[5]) * g), Math.Exp(-Math.Abs(x[6]) * g), Math.Exp(-Math.Abs(x[7]) * g));
        }

        // Evaluate's loops for a chain whose gaps are all in the table: forward from the first flow, backward from the
        // last (below 0), sum += a_i × discount in the same order.
        int n = a.Length;
        Vector256<double> low = Vector256<double>.One, high = Vector256<double>.One;
        Vector256<double> sumLow, sumHigh;
        if (forward)
        {
            sumLow = sumHigh = Vector256.Create(a[0]);
            for (int i = 1; i < n; i++)
            {
                int k = 2 * slot[i];
                low *= factor[k];
                high *= factor[k + 1];
                Vector256<double> amount = Vector256.Create(a[i]);
                sumLow += amount * low;
                sumHigh += amount * high;
            }
        }
        else
        {
            sumLow = sumHigh = Vector256.Create(a[n - 1]);
            for (int i = n - 2; i >= 0; i--)
            {
                int k = 2 * slot[i + 1];
                low *= factor[k];
                high *= factor[k + 1];
                Vector256<double> amount = Vector256.Create(a[i]);
                sumLow += amount * low;
                sumHigh += amount * high;
            }
        }

        sumLow.CopyTo(values);
        sumHigh.CopyTo(values[4..]);
    }

    /// <summary>
    /// The moments at the continuous rate <paramref name="x"/> of the flows before <paramref name="split"/> and of
    /// those from it on: Σ a_i d_i τ_i^k for k = 0 … 4, d_i the flow's discount factor and τ_i its time from the first flow (x ≥ 0) or the last
    /// (x &lt; 0), times the same positive multiple for both groups, which leaves their ratio, means and cumulants as
    /// they are (Irr's log form). Two passes: the chain of factors, one multiplication per flow into the caller's
    /// scratch (its latency, a multiplication's, is all the pass costs), then <see cref="FlowMoments"/> four flows at
    /// a time.
    /// </summary>
    public void Moments(double x, int split, out GroupMoments before, out GroupMoments after)
    {
#if DEBUG
        Passes++;
#endif
        ReadOnlySpan<double> t = times;
        ReadOnlySpan<double> a = amounts;
        ReadOnlySpan<byte> slot = slots;
        Span<double> factor = factors[..gaps.Length];
        Span<double> d = discounts;
        double decay = Math.Abs(x);
        for (int k = 0; k < factor.Length; k++)
        {
            factor[k] = Math.Exp(-decay * gaps[k]);
        }

        // Each chain is inlined twice, for flows whose gaps are all in the table (no exponential, and no call to keep
        // registers across, in the loop) and for the others.
        int n = a.Length;
        double origin;
        if (x >= 0)
        {
            origin = t[0];
            if (onGrid)
            {
                Forward(t, slot, factor, decay, d, onGrid: true);
            }
            else
            {
                Forward(t, slot, factor, decay, d, onGrid: false);
            }
        }
        else
        {
            origin = t[n - 1];
            if (onGrid)
            {
                Backward(t, slot, factor, decay, d, onGrid: true);
            }
            else
            {
                Backward(t, slot, factor, decay, d, onGrid: false);
            }
        }

        FlowMoments.Sum(t, a, d, origin, split, out before, out after);
    }

    // d[0] = 1 and each next factor the previous one's times its gap's. Two chains, the even flows' and the odd ones',
    // each a step of two gaps (the product of two factors, made off the chain): a multiplication's latency bounds a
    // chain, and two halve it. d_i = d_(i−2) × (f_(i−1) × f_i) rounds differently from d_(i−1) × f_i, by about 10⁻¹⁶
    // of d_i per step either way.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Forward(ReadOnlySpan<double> t, ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, double decay, Span<double> d, bool onGrid)
    {
        if (onGrid)
        {
            ForwardInTable(slot, factor, d);
            return;
        }

        int n = d.Length;
        double even = 1;
        d[0] = even;
        if (n < 2)
        {
            return;
        }

        double last = Factor(t, slot, factor, decay, 1, onGrid);
        double odd = last;
        d[1] = odd;
        int i = 2;
        for (; i + 1 < n; i += 2)
        {
            double f = Factor(t, slot, factor, decay, i, onGrid);
            double g = Factor(t, slot, factor, decay, i + 1, onGrid);
            even *= last * f;
            odd *= f * g;
            d[i] = even;
            d[i + 1] = odd;
            last = g;
        }

        if (i < n)
        {
            d[i] = even * (last * Factor(t, slot, factor, decay, i, onGrid));
        }
    }

    // d[n − 1] = 1 and each earlier factor the next one's times the gap between them, in two chains as Forward's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Backward(ReadOnlySpan<double> t, ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, double decay, Span<double> d, bool onGrid)
    {
        if (onGrid)
        {
            BackwardInTable(slot, factor, d);
            return;
        }

        int n = d.Length;
        double even = 1;
        d[n - 1] = even;
        if (n < 2)
        {
            return;
        }

        // The factor between flows j and j + 1 is flow j + 1's gap's.
        double last = Factor(t, slot, factor, decay, n - 1, onGrid);
        double odd = last;
        d[n - 2] = odd;
        int j = n - 3;
        for (; j >= 1; j -= 2)
        {
            double f = Factor(t, slot, factor, decay, j + 1, onGrid);
            double g = Factor(t, slot, factor, decay, j, onGrid);
            even *= last * f;
            odd *= f * g;
            d[j] = even;
            d[j - 1] = odd;
            last = g;
        }

        if (j == 0)
        {
            d[0] = even * (last * Factor(t, slot, factor, decay, 1, onGrid));
        }
    }

    // Forward's recurrence where every gap is in the table (the constructor's onGrid: each slot from 1 on indexes the
    // factors), in four chains rather than two, each a step of four gaps: d_i = d_(i−4) × (P_(i−2) × P_i), P_i =
    // f_(i−1) × f_i, a third multiplication per flow that is off the chains, whose latency is then a quarter of a
    // multiplication's per flow. By refs, as a bounds check on each of the three spans would double the loop's
    // instructions.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void ForwardInTable(ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, Span<double> d)
    {
        int n = d.Length;
        if (slot.Length < n)
        {
            throw new ArgumentException("Expected a slot per flow.", nameof(slot));
        }

        ref byte s = ref MemoryMarshal.GetReference(slot);
        ref double f = ref MemoryMarshal.GetReference(factor);
        ref double r = ref MemoryMarshal.GetReference(d);
        d[0] = 1;
        if (n < 5)
        {
            for (int j = 1; j < n; j++)
            {
                d[j] = d[j - 1] * factor[slot[j]];
            }

            return;
        }

        // d_0 … d_3 as Forward's two chains make them, then the four chains from d_4.
        double f1 = factor[slot[1]], f2 = factor[slot[2]], f3 = factor[slot[3]];
        double c0 = 1, c1 = f1, pBefore = f1 * f2, pLast = f2 * f3;
        double c2 = c0 * pBefore, c3 = c1 * pLast;
        d[1] = c1;
        d[2] = c2;
        d[3] = c3;
        double last = f3;
        int i = 4;
        for (; i + 3 < n; i += 4)
        {
            double g0 = Unsafe.Add(ref f, Unsafe.Add(ref s, i));
            double g1 = Unsafe.Add(ref f, Unsafe.Add(ref s, i + 1));
            double g2 = Unsafe.Add(ref f, Unsafe.Add(ref s, i + 2));
            double g3 = Unsafe.Add(ref f, Unsafe.Add(ref s, i + 3));
            double p0 = last * g0, p1 = g0 * g1, p2 = g1 * g2, p3 = g2 * g3;
            c0 *= pBefore * p0;
            c1 *= pLast * p1;
            c2 *= p0 * p2;
            c3 *= p1 * p3;
            Unsafe.Add(ref r, i) = c0;
            Unsafe.Add(ref r, i + 1) = c1;
            Unsafe.Add(ref r, i + 2) = c2;
            Unsafe.Add(ref r, i + 3) = c3;
            pBefore = p2;
            pLast = p3;
            last = g3;
        }

        for (; i < n; i++)
        {
            d[i] = d[i - 1] * factor[slot[i]];
        }
    }

    // Backward's recurrence where every gap is in the table, in four chains as ForwardInTable's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void BackwardInTable(ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, Span<double> d)
    {
        int n = d.Length;
        if (slot.Length < n)
        {
            throw new ArgumentException("Expected a slot per flow.", nameof(slot));
        }

        ref byte s = ref MemoryMarshal.GetReference(slot);
        ref double f = ref MemoryMarshal.GetReference(factor);
        ref double r = ref MemoryMarshal.GetReference(d);
        d[n - 1] = 1;
        if (n < 5)
        {
            for (int k = n - 2; k >= 0; k--)
            {
                d[k] = d[k + 1] * factor[slot[k + 1]];
            }

            return;
        }

        // The factor between flows j and j + 1 is flow j + 1's gap's: f1 here is the last gap's, f2 the one before.
        double f1 = factor[slot[n - 1]], f2 = factor[slot[n - 2]], f3 = factor[slot[n - 3]];
        double c0 = 1, c1 = f1, pBefore = f1 * f2, pLast = f2 * f3;
        double c2 = c0 * pBefore, c3 = c1 * pLast;
        d[n - 2] = c1;
        d[n - 3] = c2;
        d[n - 4] = c3;
        double last = f3;
        int j = n - 5;
        for (; j >= 3; j -= 4)
        {
            double g0 = Unsafe.Add(ref f, Unsafe.Add(ref s, j + 1));
            double g1 = Unsafe.Add(ref f, Unsafe.Add(ref s, j));
            double g2 = Unsafe.Add(ref f, Unsafe.Add(ref s, j - 1));
            double g3 = Unsafe.Add(ref f, Unsafe.Add(ref s, j - 2));
            double p0 = last * g0, p1 = g0 * g1, p2 = g1 * g2, p3 = g2 * g3;
            c0 *= pBefore * p0;
            c1 *= pLast * p1;
            c2 *= p0 * p2;
            c3 *= p1 * p3;
            Unsafe.Add(ref r, j) = c0;
            Unsafe.Add(ref r, j - 1) = c1;
            Unsafe.Add(ref r, j - 2) = c2;
            Unsafe.Add(ref r, j - 3) = c3;
            pBefore = p2;
            pLast = p3;
            last = g3;
        }

        for (; j >= 0; j--)
        {
            d[j] = d[j + 1] * factor[slot[j + 1]];
        }
    }

    // The factor from flow i − 1 to flow i: its gap's entry in the table, or its own exponential off it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Factor(ReadOnlySpan<double> t, ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, double decay, int i, bool onGrid)
    {
        int k = slot[i];
        return onGrid || (uint)k < (uint)factor.Length ? factor[k] : Math.Exp(-decay * (t[i] - t[i - 1]));
    }
}

/// <summary>Σ w, Σ w τ, Σ w τ², Σ w τ³, Σ w τ⁴ over a group of flows (w a flow times its discount factor).</summary>
internal readonly record struct GroupMoments(double W0, double W1, double W2, double W3, double W4);
