using System.Buffers;
using System.Runtime.CompilerServices;

namespace DealLang.Runner.Analytics;

/// <summary>
/// Annual internal rate of return over dated flows, with Excel XIRR's conventions: annual
/// compounding and times measured in years from the first flow, so
/// NPV(r) = Σ a_i / (1+r)^(t_i − t_0).
/// <para>
/// Solved in the continuous rate x = ln(1 + r). Flows that change sign once (every tranche and equity) are solved in
/// the log form: steps to the root of ln(what comes back) − ln(what went in), both discounted, each from the two
/// groups' moments (one pass: <see cref="DiscountChain.Moments"/>, <see cref="FlowMoments"/>), the first from x = 0,
/// the last when what it leaves out is below the rate's last bit (<see cref="OnlyRoot(in DiscountChain, int, in GroupMoments, in GroupMoments)"/>,
/// <see cref="Step"/>). Where those
/// steps fail, and for flows on a shared date, Newton's method on the NPV; its steps are checked (they must stay in
/// the range and shrink), and when they fail a bracketed solver takes over: Newton safeguarded by a sign-changing bracket (a step that would leave
/// the bracket, or that does not halve the error as fast as bisection would, is a bisection instead: Numerical
/// Recipes' <c>rtsafe</c>), until a step is below 4 × 2⁻⁵² × max(1, |x|), the last bits of a double. All of this
/// searches −99.99% … 1000% (<see cref="UsualHighestRate"/>); flows with no rate there are searched on up to
/// <see cref="HighestRate"/>, 10⁴, by the same bracketed solver (one sign change) or the same scan (several). Each NPV is
/// evaluated by a <see cref="DiscountChain"/>: a multiplication per flow and an exponential per distinct gap
/// between flows. Nothing is allocated: the scratch is on the stack up to <see cref="StackFlows"/> flows, and
/// rented from the shared pool beyond; <see cref="FlowTimes"/> prepares a deal's dates once for many solves.
/// docs/language.md ("IRR and BEY") states the method and its accuracy.
/// </para>
/// </summary>
[SkipLocalsInit] // every stackalloc here is written before it is read: zeroing it would cost each solve its length
public static class Irr
{
    /// <summary>Rates at or below −100% make (1+r)^t meaningless; this is as close as we go.</summary>
    public const double LowestRate = -0.9999;

    /// <summary>
    /// The highest rate solved for, 10⁴ (1,000,000% a year: a dollar becoming 10,001 in a year); a root above it is
    /// n/a. A small cheque with a large upside (a sponsor's promote, an early equity) truly earns more than 1000% a
    /// year, and leaving such paths out of a Monte Carlo mean would bias it down exactly where the upside is; but
    /// above 10⁴ the rate measures how near nothing the cheque was rather than a return, and one such path would
    /// outweigh thousands in a mean. 10⁴ also keeps every figure well inside what the run sums exactly
    /// (<c>MeasureStatistics</c>: a path's IRR in units of 2⁻³², its square in a 128-bit sum; at 10⁴ a square is
    /// 2^90.6 units, room for about 9 × 10¹⁰ paths, where a rate of 3 × 10⁹ would overflow the sum on one path) and
    /// the NPV inside double: at x = ln 10001 ≈ 9.21 a discount factor underflows only 81 years out, where a flow
    /// weighs nothing beside one a year out.
    /// </summary>
    public const double HighestRate = 1e4;

    /// <summary>
    /// The top of the range searched first, 1000% (the ceiling until 2026-12-05), above every tranche's rate and nearly
    /// every equity's: the solve up to it is that of 2026-12-04, bit for bit and at its cost. Only flows with no rate
    /// up to it are searched on, up to <see cref="HighestRate"/> (<see cref="AboveUsual"/>, <see cref="ScanGrid"/>).
    /// </summary>
    public const double UsualHighestRate = 10.0;

    /// <summary>Flows up to this many are solved with scratch on the stack (about 9 bytes each).</summary>
    public const int StackFlows = 1024;

    // Flows that change sign more than once may have several rates: they are scanned on a grid uniform in
    // ln(1+r), so it is as fine near 0% (where real deals live) as it is near −99.99%; 2000 steps put neighbouring
    // points about 0.6% apart around par. Two roots closer than one step cancel out in the scan and are not seen.
    const int GridSteps = 2000;

    // Above 1000% the scan goes on at the same spacing in ln(1+r), 0.0058: ln(10001) − ln(11) = 6.8125 is 1,174 steps.
    const int HighGridSteps = 1174;

    // With several roots we return the one nearest to Excel's default guess, which is the one XIRR's Newton
    // iteration usually lands on.
    const double PreferredRate = 0.1;

    // Newton converges in about 5 steps from the first guess; bisection, if every step fell back to it, would
    // halve the 11.6-wide bracket of x to 10⁻¹⁶ in about 57.
    const int MaxIterations = 100;

    // A step this small (relative to x, or absolute below 1) is at the last bits of a double: 4 × 2⁻⁵².
    const double StepTolerance = 4 * 2.220446049250313e-16;

    // Newton's error after a step is about (g''/2g') times the step squared, and g''/g' is about the flows' span
    // in years: once a step is below 10⁻⁹, the point it reached is within about 10⁻¹⁶ of the root (a step below
    // this is the last one taken, and needs no further evaluation to confirm it).
    const double Converged = 1e-9;

    // Plain Newton steps tried before the bracketed solver takes over; from the first guess it takes 3 to 5.
    const int FastIterations = 30;

    // A step of the log form (OnlyRoot by moments) is the last when the terms of its series it leaves out are below
    // this share of the rate's magnitude (2⁻⁵⁷: a thirty-second of a double's last bit), and below this times
    // SmallRate under it (Step).
    internal const double LastStepTolerance = 1.0 / 144115188075855872.0; // 2^-57

    // A step over this (relative above a continuous rate of 1, absolute below) is not the last, whatever its series
    // says: the moments it was taken from weigh each flow at x, and flows that weigh nothing there (a tiny amount far
    // out) can bend H beyond what its first cumulants show; near the root they have their weight.
    const double LastStepSize = 1e-5;

    // Under a continuous rate of 2⁻¹⁰ (0.1%) the tolerance is absolute, this times LastStepTolerance: about 7 × 10⁻²¹.
    const double SmallRate = 1.0 / 1024.0;

    static readonly double LowestX = Math.Log(1.0 + LowestRate);
    static readonly double UsualHighestX = Math.Log(1.0 + UsualHighestRate);
    static readonly double CapX = Math.Log(1.0 + HighestRate);

    /// <summary>
    /// The annual rate at which <see cref="Npv"/> is zero, or <see cref="double.NaN"/> when there is
    /// none: all flows of one sign (NPV never crosses zero), no flows, or every root outside
    /// [<see cref="LowestRate"/>, <see cref="HighestRate"/>]. NaN rather than an exception because an
    /// IRR that does not exist is an ordinary outcome of a scenario (a tranche wiped out), not a bug.
    /// A NaN or infinite input also gives NaN, as it would through <see cref="Npv"/>. Flows need not be in time
    /// order; flows on the same date are one term.
    /// </summary>
    public static double Solve(ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        FlowArguments.RequireSameLength(years, amounts);
        if (!FiniteWithBothSigns(amounts) || !Finite(years, out bool ascending))
        {
            return double.NaN;
        }

        int n = years.Length;
        byte[]? rentedSlots = null;
        double[]? rentedFlows = null;
        try
        {
            Span<byte> slots = n <= StackFlows ? stackalloc byte[n] : (rentedSlots = ArrayPool<byte>.Shared.Rent(n)).AsSpan(0, n);
            Span<double> gaps = stackalloc double[DiscountChain.MaxGaps];
            if (ascending)
            {
                int count = DiscountChain.Prepare(years, slots, gaps);
                int changes = Scan(years, amounts, out bool valid, out int split, out GroupMoments before, out GroupMoments after);
                return valid
                    ? SolveInOrder(years, amounts, slots, gaps[..count], SharesADate(years), DiscountChain.OffGridFrom(slots, count), changes, split, before, after)
                    : double.NaN;
            }

            // Out of time order: sorted copies (the sign count and the chain both walk the flows in time).
            Span<double> copies = n <= StackFlows / 2 ? stackalloc double[2 * n] : (rentedFlows = ArrayPool<double>.Shared.Rent(2 * n)).AsSpan(0, 2 * n);
            Span<double> times = copies[..n];
            Span<double> flows = copies[n..];
            years.CopyTo(times);
            amounts.CopyTo(flows);
            times.Sort(flows);
            int sorted = DiscountChain.Prepare(times, slots, gaps);
            int sortedChanges = Scan(times, flows, out bool sortedValid, out int sortedSplit, out GroupMoments sortedBefore, out GroupMoments sortedAfter);
            return sortedValid
                ? SolveInOrder(times, flows, slots, gaps[..sorted], SharesADate(times), DiscountChain.OffGridFrom(slots, sorted), sortedChanges, sortedSplit, sortedBefore, sortedAfter)
                : double.NaN;
        }
        finally
        {
            if (rentedSlots is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedSlots);
            }

            if (rentedFlows is not null)
            {
                ArrayPool<double>.Shared.Return(rentedFlows);
            }
        }
    }

    /// <summary>
    /// <see cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double})"/> over times prepared once: the flows are at
    /// the first <c>amounts.Length</c> of <paramref name="times"/> (a path that ended early uses fewer). The same
    /// rate, bit for bit, as solving over those times directly.
    /// </summary>
    public static double Solve(FlowTimes times, ReadOnlySpan<double> amounts)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (amounts.Length > times.Count)
        {
            throw new ArgumentException($"Expected at most {times.Count} amounts, one per time, got {amounts.Length}.", nameof(amounts));
        }

        // No separate check of the amounts here: the scan finds NaNs, infinities and flows of one sign too (one pass
        // fewer per solve, path after path); whether two flows share a date and where a gap is off the table were found
        // once, with the times.
        int n = amounts.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        ReadOnlySpan<double> years = times.Years[..n];
        int changes = Scan(years, amounts, out bool valid, out int split, out GroupMoments before, out GroupMoments after);
        return valid ? SolveInOrder(years, amounts, times.Slots[..n], times.Gaps, times.SharedFrom < n, times.OffGridFrom, changes, split, before, after) : double.NaN;
    }

    /// <summary>
    /// <see cref="Solve(FlowTimes, ReadOnlySpan{double})"/> for flows the caller scanned, as <see cref="Scan"/> does
    /// (<see cref="InvestorIrr"/>, which reads the scan's sums too) or in the pass that wrote them
    /// (<see cref="TrancheFlows.Form"/>): <paramref name="changes"/>, <paramref name="split"/>, <paramref name="before"/>
    /// and <paramref name="after"/> are <see cref="Scan"/>'s figures, bit for bit, for flows it finds valid (finite, both
    /// signs, and with one change each group's sum of its sign). The same rate, bit for bit, as
    /// <see cref="Solve(FlowTimes, ReadOnlySpan{double})"/>, without its scan (a Debug build checks the caller's against
    /// <see cref="Scan"/> on every call).
    /// </summary>
    internal static double SolveScanned(
        FlowTimes times, ReadOnlySpan<double> amounts, int changes, int split, in GroupMoments before, in GroupMoments after)
    {
        int n = amounts.Length;
        if (n > times.Count || (uint)(split - 1) >= (uint)(n - 1))
        {
            throw new ArgumentException($"Expected at most {times.Count} amounts, one per time, and a split among them, got {n} and {split}.", nameof(amounts));
        }

        ReadOnlySpan<double> years = times.Years[..n];
#if DEBUG
        int scannedChanges = Scan(years, amounts, out bool valid, out int scanned, out GroupMoments first, out GroupMoments then);
        if (scannedChanges != changes || !valid || scanned != split || !SameBits(first, before) || !SameBits(then, after))
        {
            throw new InvalidOperationException(
                $"The caller's scan ({changes} changes, {split}, {before}, {after}) is not Scan's ({scannedChanges} changes, valid {valid}, {scanned}, {first}, {then}).");
        }

#endif
        return SolveInOrder(years, amounts, times.Slots[..n], times.Gaps, times.SharedFrom < n, times.OffGridFrom, changes, split, before, after);
    }
#if DEBUG

    static bool SameBits(in GroupMoments a, in GroupMoments b) =>
        BitConverter.DoubleToInt64Bits(a.W0) == BitConverter.DoubleToInt64Bits(b.W0)
        && BitConverter.DoubleToInt64Bits(a.W1) == BitConverter.DoubleToInt64Bits(b.W1)
        && BitConverter.DoubleToInt64Bits(a.W2) == BitConverter.DoubleToInt64Bits(b.W2)
        && BitConverter.DoubleToInt64Bits(a.W3) == BitConverter.DoubleToInt64Bits(b.W3)
        && BitConverter.DoubleToInt64Bits(a.W4) == BitConverter.DoubleToInt64Bits(b.W4);
#endif

    /// <summary>
    /// Σ a_i / (1+rate)^(t_i − t_0): the value of the flows at the date of the first one, as XNPV.
    /// Zero for no flows.
    /// </summary>
    public static double Npv(double rate, ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        FlowArguments.RequireSameLength(years, amounts);
        if (years.IsEmpty)
        {
            return 0.0;
        }

        var growth = 1.0 + rate;
        var sum = 0.0;
        for (var i = 0; i < years.Length; i++)
        {
            sum += amounts[i] / Math.Pow(growth, years[i] - years[0]);
        }

        return sum;
    }

    // Flows the scan found valid (Scan: changes, split and the groups' moments at x = 0 its figures); sharedDate:
    // whether two of the flows share a date; offGridFrom: the first flow whose gap to the previous one is off the
    // table (DiscountChain.OffGridFrom).
    static double SolveInOrder(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<byte> slots, ReadOnlySpan<double> gaps, bool sharedDate, int offGridFrom,
        int changes, int split, in GroupMoments before, in GroupMoments after)
    {
        // Zero flows at either end change no root, but the chain starts from an end (DiscountChain): from a zero
        // flow 100 years out, every other flow's factor near −100% underflows and the NPV would read exactly 0.
        int first = 0;
        int last = amounts.Length - 1;
        while (amounts[first] == 0.0)
        {
            first++;
        }

        while (amounts[last] == 0.0)
        {
            last--;
        }

        times = times[first..(last + 1)];
        amounts = amounts[first..(last + 1)];
        slots = slots[first..(last + 1)];
        int n = amounts.Length;
        double[]? rented = null;
        try
        {
            Span<double> factors = stackalloc double[DiscountChain.MaxGaps];
            Span<double> discounts = n <= StackFlows ? stackalloc double[n] : (rented = ArrayPool<double>.Shared.Rent(n)).AsSpan(0, n);
            var chain = new DiscountChain(times, amounts, slots, gaps, factors, discounts, onGrid: offGridFrom > last);

            // By Descartes' rule of signs (which holds for real powers of 1/(1+r)), flows whose sign changes once over
            // time, paying in and then getting back, have exactly one rate: that is every tranche we price, and Monte
            // Carlo solves one per path, so such flows skip the scan.
            if (sharedDate)
            {
                // Flows on one date are one term: netted, they may change sign fewer times than they seem to, and the
                // positive and negative flows are no longer the two groups of the log form below.
                return SignChangesOverTime(times, amounts, out double guess) == 1 ? OnlyRoot(chain, guess) : BestRoot(chain);
            }

            return changes == 1 ? OnlyRoot(chain, split - first, before, after) : BestRoot(chain);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The one rate of flows that change sign once (no two on one date), or NaN when it
    /// lies outside the range. The NPV is zero where what comes back equals what went in, both discounted, so the root
    /// is that of H(x) = ln|B(x)| − ln|A(x)|, A and B the discounted sums of the flows before and after the change
    /// (split at <paramref name="split"/>):
    /// nearly a straight line in x (its slope is the gap between the two groups' discounted mean times, its
    /// curvature the difference of their variances), where the NPV itself is nearly an exponential. Each step
    /// expands H to fourth order at x from the groups' moments (<see cref="DiscountChain.Moments"/>, one pass) and
    /// takes the root of that expansion (<see cref="Step"/>): from the moments at x = 0 (found with the sign changes,
    /// <see cref="Scan"/>), one or two evaluations reach the last bits for the flows of a deal. A step whose left-out
    /// terms are under <see cref="LastStepTolerance"/> of the rate is the last (<see cref="Step"/> says which). A step
    /// that is not finite, leaves the range or does not shrink hands over to Newton on the NPV and its bracketed
    /// fallback, from the last point in range.
    /// </summary>
    static double OnlyRoot(in DiscountChain chain, int split, in GroupMoments before, in GroupMoments after)
    {
        double x = 0;
        double step = Step(before, after, x, out bool last, fromZero: true);
        double previousStep = double.PositiveInfinity;
        for (int i = 0; i < FastIterations; i++)
        {
            double next = x + step;
            if (!double.IsFinite(step) || Math.Abs(step) >= Math.Abs(previousStep) || next < LowestX || next > UsualHighestX)
            {
                break;
            }

            x = next;
            if (last)
            {
                return Math.Exp(x) - 1.0;
            }

            previousStep = step;
            chain.Moments(x, split, out GroupMoments first, out GroupMoments then);
            step = Step(first, then, x, out last);
        }

        return OnlyRoot(chain, x);
    }

    /// <summary>
    /// The step δ from <paramref name="x"/> to the root of H(x + δ) ≈ c0 − c1 δ + c2 δ² − c3 δ³ + c4 δ⁴, H's expansion
    /// at x from two groups' moments (<paramref name="a"/> and <paramref name="b"/>, of opposite signs): with m, v, k3
    /// and k4 a group's discounted mean time, variance, third and fourth cumulants, c0 = ln|B / A|, c1 = m_B − m_A,
    /// c2 = (v_B − v_A) / 2, c3 = (k3_B − k3_A) / 6, c4 = (k4_B − k4_A) / 24 (ln Σ w e^(−δτ) = ln Σ w − δ m + δ² v / 2
    /// − δ³ k3 / 6 + δ⁴ k4 / 24 − …). Its root by series reversion: with u = c0 / c1, p = c2 / c1, q = c3 / c1 and
    /// r = c4 / c1, δ = u (1 + p u + (2p² − q) u² + (5p³ − 5pq + r) u³), exact to the fifth power of u but for H's
    /// own fifth-order term. Far from the root (the correction over half of u) the expansion is not to be trusted,
    /// and the step is Newton's on H, u. <paramref name="fromZero"/>: the first step, from the scan's moments at
    /// x = 0, takes the next term too, + (14p⁴ − 21p² q + 6pr + 3q²) u⁴ inside the bracket (kept when finite and within
    /// half the shorter step of it): it is the rate itself, a few percent, where later steps are corrections.
    /// <paramref name="last"/>: whether the terms the step leaves out are below <see cref="LastStepTolerance"/> ×
    /// max(|x + δ|, 2⁻¹⁰), taken to be at most 64 |u| (S |u|)⁴ with S = max(|p|, √|q|, ∛|r|), the scale on which
    /// the coefficients of the series grow, and S |u| at most 1/4: no step after it would move the rate by as
    /// much as a thirty-second of its last bit. Swapping the groups changes every c's sign and not δ.
    /// </summary>
    internal static double Step(in GroupMoments a, in GroupMoments b, double x, out bool last, bool fromZero = false)
    {
        double inverseA = 1.0 / a.W0;
        double inverseB = 1.0 / b.W0;
        double meanA = a.W1 * inverseA;
        double meanB = b.W1 * inverseB;
        double secondA = a.W2 * inverseA;
        double secondB = b.W2 * inverseB;
        double thirdA = a.W3 * inverseA;
        double thirdB = b.W3 * inverseB;
        double varianceA = secondA - (meanA * meanA);
        double varianceB = secondB - (meanB * meanB);
        double skewA = thirdA - (meanA * ((3.0 * varianceA) + (meanA * meanA)));
        double skewB = thirdB - (meanB * ((3.0 * varianceB) + (meanB * meanB)));

        // The fourth central moment, E τ⁴ − m (4 E τ³ − m (6 E τ² − 3 m²)), less 3 v².
        double kurtosisA = (a.W4 * inverseA) - (meanA * ((4.0 * thirdA) - (meanA * ((6.0 * secondA) - (3.0 * meanA * meanA))))) - (3.0 * varianceA * varianceA);
        double kurtosisB = (b.W4 * inverseB) - (meanB * ((4.0 * thirdB) - (meanB * ((6.0 * secondB) - (3.0 * meanB * meanB))))) - (3.0 * varianceB * varianceB);
        double inverseC1 = 1.0 / (meanB - meanA); // one division for the four: they are on the step's path
        double u = Math.Log(-b.W0 * inverseA) * inverseC1;
        double p = 0.5 * (varianceB - varianceA) * inverseC1;
        double q = (skewB - skewA) * inverseC1 * (1.0 / 6.0);
        double r = (kurtosisB - kurtosisA) * inverseC1 * (1.0 / 24.0);
        double pp = p * p;
        double correction = u * (p + (((2.0 * pp) - q) * u));
        if (!(Math.Abs(correction) <= 0.5))
        {
            last = false;
            return u;
        }

        double uu = u * u;
        double fourth = (5.0 * p * (pp - q)) + r;
        double step = u + (u * (correction + (fourth * uu * u)));
        if (fromZero)
        {
            // From x = 0 the step is the rate itself, a few percent, and one more term lands it nearer (Hyperion's
            // notes: within 2 × 10⁻⁶ in Base, 1.1 × 10⁻⁷ in Refuted), so that the evaluation after it is often the last.
            double fifth = (14.0 * pp * pp) - (21.0 * pp * q) + (6.0 * p * r) + (3.0 * q * q);
            double longer = step + (u * fifth * uu * uu);

            // Never the last (it is the rate itself, not a correction): no test of what it leaves out, whose division
            // would be on every solve's path for nothing.
            last = false;
            return double.IsFinite(longer) && Math.Abs(longer - step) <= 0.5 * Math.Abs(step) ? longer : step;
        }

        // 64 |u| (S |u|)⁴ ≤ tolerance, term by term without roots: (|p| |u|)⁴, (|q| u²)² and (|r| |u|³)^(4/3) each at
        // most reach = tolerance / (64 |u|), capped at 4⁻⁴ (S |u| ≤ 1/4).
        double size = Math.Abs(u);
        double reach = Math.Min(LastStepTolerance * Math.Max(Math.Abs(x + step), SmallRate) / (64.0 * size), 1.0 / 256.0);
        double t1 = Math.Abs(p) * size;
        double t2 = Math.Abs(q) * uu;
        double t3 = Math.Abs(r) * uu * size;
        last = size <= LastStepSize * Math.Max(1.0, Math.Abs(x))
            && (t1 * t1) * (t1 * t1) <= reach && t2 * t2 <= reach && (t3 * t3) * (t3 * t3) <= reach * reach * reach;
        return step;
    }

    /// <summary>
    /// The sign changes of flows in ascending time (zeros skipped; 2 stands for "more than one"), found four flows at a
    /// time (<see cref="FlowMoments.IndexOfSign"/>), with the first flow after the first change
    /// (<paramref name="split"/>); whether they are <paramref name="valid"/> (every amount finite, at least one of each
    /// sign); and with one change, in one pass, the moments at x = 0 (Σ a, Σ a τ, Σ a τ², Σ a τ³, τ the years from
    /// the first time) of the flows before the change and of those after: the two groups of
    /// <see cref="OnlyRoot(in DiscountChain, int, in GroupMoments, in GroupMoments)"/>.
    /// </summary>
    internal static int Scan(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, out bool valid, out int split, out GroupMoments before, out GroupMoments after)
    {
        before = default;
        after = default;
        split = 0;
        int firstNegative = FlowMoments.IndexOfSign(amounts, negative: true);
        int firstPositive = FlowMoments.IndexOfSign(amounts, negative: false);
        if (firstNegative < 0 || firstPositive < 0)
        {
            valid = false;
            return 0;
        }

        // The first flow of the other sign than the first non-zero one; after it, any flow of the first sign is a
        // second change (zeros are no sign). The caller needs "one change" or "more", not how many more.
        bool startsNegative = firstNegative < firstPositive;
        split = Math.Max(firstNegative, firstPositive);
        if (FlowMoments.IndexOfSign(amounts[(split + 1)..], negative: startsNegative) >= 0)
        {
            valid = FlowMoments.Sum(times, amounts, default, times[0], amounts.Length, out _, out _) == 0;
            return 2;
        }

        // Before the split: flows of the first sign and zeros; from it on, of the other sign and zeros.
        valid = FlowMoments.Sum(times, amounts, default, times[0], split, out before, out after) == 0
            && (startsNegative ? before.W0 < 0 && after.W0 > 0 : before.W0 > 0 && after.W0 < 0);
        return 1;
    }

    /// <summary>
    /// The one rate, or NaN when it lies outside the range. Plain Newton from <paramref name="guess"/> first: with
    /// one root in all of x, any point it converges to is that root. If a step leaves the range, or stops
    /// shrinking, or is not finite, the ends are evaluated (the NPV having one sign at both means the root is
    /// outside: then it is looked for above 1000%, <see cref="AboveUsual"/>) and the bracketed solver takes over from
    /// where Newton was.
    /// </summary>
    static double OnlyRoot(in DiscountChain chain, double guess)
    {
        double x = guess;
        double previousStep = double.PositiveInfinity;
        for (int i = 0; i < FastIterations && x >= LowestX && x <= UsualHighestX; i++)
        {
            chain.Evaluate(x, out double value, out double slope);
            if (value == 0.0)
            {
                return Math.Exp(x) - 1.0;
            }

            double step = value / slope;
            if (!double.IsFinite(step) || Math.Abs(step) >= Math.Abs(previousStep))
            {
                break;
            }

            x -= step;
            if (Math.Abs(step) <= Converged * Math.Max(1.0, Math.Abs(x)) && x >= LowestX && x <= UsualHighestX)
            {
                return Math.Exp(x) - 1.0;
            }

            previousStep = step;
        }

        chain.Evaluate(LowestX, out double low, out _);
        chain.Evaluate(UsualHighestX, out double high, out _);
        if (low == 0.0 || high == 0.0)
        {
            return low == 0.0 ? LowestRate : UsualHighestRate;
        }

        if (Math.Sign(low) == Math.Sign(high))
        {
            // One sign at both ends: the one root is below −99.99% or above 1000%; only the latter is looked for.
            return AboveUsual(chain, UsualHighestX, high, x);
        }

        return Math.Exp(Root(chain, LowestX, low, UsualHighestX, x)) - 1.0;
    }

    /// <summary>
    /// The one root above 1000% of flows with one sign change and none up to it (<paramref name="valueAtTop"/> is the
    /// NPV at <paramref name="top"/>, the top of the range searched first), or NaN when it is above
    /// <see cref="HighestRate"/> too (the NPV has one sign at both ends) or below −99.99%: the bracketed solver of the
    /// range below (<see cref="Root"/>, its stopping rule relative to x) on (ln 11, ln 10001], from
    /// <paramref name="guess"/> (where Newton left off) when it is inside. Reached only by flows the solver up to 1000%
    /// found no rate for, so it costs the flows with a rate nothing.
    /// </summary>
    static double AboveUsual(in DiscountChain chain, double top, double valueAtTop, double guess)
    {
        chain.Evaluate(CapX, out double cap, out _);
        if (cap == 0.0)
        {
            return HighestRate;
        }

        // An NPV that overflowed (amounts near double's range) brackets nothing.
        if (!double.IsFinite(cap) || !double.IsFinite(valueAtTop) || Math.Sign(cap) == Math.Sign(valueAtTop))
        {
            return double.NaN;
        }

        return Math.Exp(Root(chain, top, valueAtTop, CapX, guess)) - 1.0;
    }

    static double BestRoot(in DiscountChain chain)
    {
        var best = double.NaN;
        double previousX = LowestX;
        chain.Evaluate(previousX, out double previousValue, out _);
        if (previousValue == 0.0)
        {
            Keep(ref best, LowestRate);
        }

        // The grid of the solver before this one, point for point, so both scan the same intervals.
        ScanGrid(chain, LowestX, UsualHighestX, GridSteps, UsualHighestRate, ref previousX, ref previousValue, ref best);

        // Every rate above 1000% is further from 10% than every one below it: the grid goes on above only when it
        // found none, so flows with a rate up to 1000% get the same one, at the same cost.
        if (double.IsNaN(best))
        {
            ScanGrid(chain, UsualHighestX, CapX, HighGridSteps, HighestRate, ref previousX, ref previousValue, ref best);
        }

        return best;
    }

    // The grid's points from one past `from` to `to` (whose rate is `toRate`, exactly), keeping each root it brackets;
    // previousX and previousValue: the last point with a finite NPV, carried from one stretch of the grid to the next.
    // The points are evaluated four at a time (DiscountChain.Values: each value bit for bit Evaluate's, the four chains
    // side by side) and then read one by one, in order, as they were when each was evaluated alone.
    [SkipLocalsInit]
    static void ScanGrid(
        in DiscountChain chain, double from, double to, int steps, double toRate, ref double previousX, ref double previousValue, ref double best)
    {
        Span<double> points = stackalloc double[DiscountChain.Lanes];
        Span<double> values = stackalloc double[DiscountChain.Lanes];
        for (var first = 1; first <= steps; first += DiscountChain.Lanes)
        {
            int count = Math.Min(DiscountChain.Lanes, steps - first + 1);
            for (int j = 0; j < count; j++)
            {
                points[j] = from + ((to - from) * (first + j) / steps);
            }

            if (count == DiscountChain.Lanes)
            {
                chain.Values(points, values);
            }
            else
            {
                for (int j = 0; j < count; j++)
                {
                    chain.Evaluate(points[j], out values[j], out _);
                }
            }

            for (int j = 0; j < count; j++)
            {
                ScanPoint(chain, points[j], values[j], first + j == steps ? toRate : double.NaN, ref previousX, ref previousValue, ref best);
            }
        }
    }

    // One point of the grid, x with its NPV: a root at it, or one bracketed between it and the point before. The
    // rate of x (ln(1 + r) = x, or `exactRate` at the grid's end) is worked out only where the NPV is 0 there.
    static void ScanPoint(in DiscountChain chain, double x, double value, double exactRate, ref double previousX, ref double previousValue, ref double best)
    {
        if (value == 0.0)
        {
            Keep(ref best, double.IsNaN(exactRate) ? Math.Exp(x) - 1.0 : exactRate);
        }

        // A point whose value overflowed (amounts near double's range) cannot end a bracket; the sign change
        // it hides shows up at the next finite point.
        if (double.IsFinite(value))
        {
            if (double.IsFinite(previousValue)
                && previousValue != 0.0
                && value != 0.0
                && Math.Sign(previousValue) != Math.Sign(value))
            {
                Keep(ref best, Math.Exp(Root(chain, previousX, previousValue, x, 0.5 * (previousX + x))) - 1.0);
            }

            previousX = x;
            previousValue = value;
        }
    }

    static void Keep(ref double best, double root)
    {
        if (double.IsNaN(best) || Math.Abs(root - PreferredRate) < Math.Abs(best - PreferredRate))
        {
            best = root;
        }
    }

    /// <summary>
    /// The root of the chain's NPV in x between <paramref name="a"/> and <paramref name="b"/>, where it has opposite
    /// signs (<paramref name="valueAtA"/> is its value at <paramref name="a"/>): Newton from
    /// <paramref name="guess"/>, falling back to bisection whenever a Newton step would leave the bracket or converge
    /// more slowly than bisection.
    /// </summary>
    static double Root(in DiscountChain chain, double a, double valueAtA, double b, double guess)
    {
        // Keep the bracket as (where the NPV is negative, where it is positive).
        double negative = valueAtA < 0 ? a : b;
        double positive = valueAtA < 0 ? b : a;
        double x = guess > Math.Min(a, b) && guess < Math.Max(a, b) ? guess : 0.5 * (a + b);
        double step = Math.Abs(b - a);
        double previousStep = step;
        chain.Evaluate(x, out double value, out double slope);
        for (int i = 0; i < MaxIterations && value != 0.0; i++)
        {
            if (value < 0)
            {
                negative = x;
            }
            else
            {
                positive = x;
            }

            bool leavesBracket = (((x - positive) * slope) - value) * (((x - negative) * slope) - value) >= 0.0;
            bool tooSlow = Math.Abs(2.0 * value) > Math.Abs(previousStep * slope);
            previousStep = step;
            if (leavesBracket || tooSlow || !double.IsFinite(value / slope))
            {
                step = 0.5 * (positive - negative);
                x = negative + step;
            }
            else
            {
                step = value / slope;
                x -= step;
            }

            if (Math.Abs(step) <= StepTolerance * Math.Max(1.0, Math.Abs(x)))
            {
                break;
            }

            chain.Evaluate(x, out value, out slope);
        }

        return x;
    }

    /// <summary>
    /// The sign changes of the flows over time, flows on the same date netted first (they are one term of the
    /// sum); and, in the same pass, where Newton starts: the rate at which what went in equals what comes back, both
    /// discounted to second order in the rate (the middle of the range when the flows say nothing of the kind).
    /// </summary>
    static int SignChangesOverTime(ReadOnlySpan<double> sortedTimes, ReadOnlySpan<double> flows, out double guess)
    {
        int changes = 0;
        int previousSign = 0;
        double paid = 0, received = 0, paidAt = 0, receivedAt = 0, paidAtSquared = 0, receivedAtSquared = 0;
        for (int i = 0; i < flows.Length; i++)
        {
            double time = sortedTimes[i];
            double net = flows[i];
            while (i + 1 < flows.Length && sortedTimes[i + 1] == time)
            {
                net += flows[++i];
            }

            int sign;
            if (net < 0)
            {
                paid -= net;
                paidAt -= net * time;
                paidAtSquared -= net * time * time;
                sign = -1;
            }
            else if (net > 0)
            {
                received += net;
                receivedAt += net * time;
                receivedAtSquared += net * time * time;
                sign = 1;
            }
            else
            {
                continue;
            }

            changes += previousSign != 0 && sign != previousSign ? 1 : 0;
            previousSign = sign;
        }

        // ln(what comes back, discounted at x) − ln(what goes in, discounted at x), to second order in x: the log of
        // a sum of e^(−x t) is −x times the mean time plus x² / 2 times its variance (the weights are the flows),
        // so the root is that of ln(received / paid) − x ΔE + x² ΔV / 2, the one that tends to ln(received / paid) / ΔE
        // as ΔV → 0 (written so it does not cancel). For a bond it is about ten times nearer the rate than the first
        // order alone, which saves Newton a step.
        double log = Math.Log(received / paid);
        double meanReceived = receivedAt / received;
        double meanPaid = paidAt / paid;
        double spread = meanReceived - meanPaid;
        double variance = (receivedAtSquared / received) - (meanReceived * meanReceived) - ((paidAtSquared / paid) - (meanPaid * meanPaid));
        double discriminant = (spread * spread) - (2 * variance * log);
        double x = discriminant >= 0 ? 2 * log / (spread + (spread < 0 ? -Math.Sqrt(discriminant) : Math.Sqrt(discriminant))) : log / spread;
        guess = double.IsFinite(x) ? x : 0.5 * (LowestX + UsualHighestX);
        return changes;
    }

    /// <summary>Whether two consecutive times (in ascending order) are the same.</summary>
    static bool SharesADate(ReadOnlySpan<double> sortedTimes)
    {
        for (int i = 1; i < sortedTimes.Length; i++)
        {
            if (sortedTimes[i] == sortedTimes[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every time is finite, and whether they are in ascending order.</summary>
    static bool Finite(ReadOnlySpan<double> years, out bool ascending)
    {
        ascending = true;
        double previous = double.NegativeInfinity;
        foreach (double t in years)
        {
            if (!double.IsFinite(t))
            {
                return false;
            }

            ascending &= t >= previous;
            previous = t;
        }

        return true;
    }

    /// <summary>Whether every amount is finite and there are both a positive and a negative one.</summary>
    static bool FiniteWithBothSigns(ReadOnlySpan<double> amounts)
    {
        bool finite = true, positive = false, negative = false;
        foreach (double a in amounts)
        {
            finite &= double.IsFinite(a);
            positive |= a > 0.0;
            negative |= a < 0.0;
        }

        return finite && positive && negative;
    }
}
