// The IRR solver of commit a9213fd (the log form: fourth-order steps on ln(what comes back / what went in) from the two
// groups' moments, two discount-chain passes after a scan at x = 0), kept as the oracle of the one that replaced it:
// IrrAgreementTests and BaselineIrrTests hold today's solver to it to 1e-14 relative, over random flows and every
// baseline deal's flows. Only the namespace, the class names and their visibility differ from a9213fd; FlowTimes'
// overload and Npv are left out and the argument check is inlined (the oracle is only asked to solve). Not product
// code: nothing under src/ uses it.
using System.Buffers;
using System.Runtime.CompilerServices;

namespace DealLang.Reference.Analytics;

/// <summary>
/// Annual internal rate of return over dated flows, with Excel XIRR's conventions: annual
/// compounding and times measured in years from the first flow, so
/// NPV(r) = Σ a_i / (1+r)^(t_i − t_0).
/// <para>
/// Solved in the continuous rate x = ln(1 + r) by Newton's method on the NPV, from a first guess that balances the
/// flows discounted to second order; Newton's steps are checked (they must stay in the range and shrink), and when
/// they fail a bracketed solver takes over: Newton safeguarded by a sign-changing bracket (a step that would leave
/// the bracket, or that does not halve the error as fast as bisection would, is a bisection instead: Numerical
/// Recipes' <c>rtsafe</c>), until a step is below 4 × 2⁻⁵² × max(1, |x|), the last bits of a double. Each NPV is
/// evaluated by a <see cref="LogDiscountChain"/>: a multiplication per flow and an exponential per distinct gap
/// between flows. Nothing is allocated: the scratch is on the stack up to <see cref="StackFlows"/> flows, and
/// rented from the shared pool beyond; FlowTimes prepared a deal's dates once for many solves.
/// docs/language.md ("IRR and BEY") states the method and its accuracy.
/// </para>
/// </summary>
internal static class LogIrr
{
    /// <summary>Rates at or below −100% make (1+r)^t meaningless; this is as close as we go.</summary>
    public const double LowestRate = -0.9999;

    /// <summary>A 1000% annual return is beyond any deal we model: a root past it is noise.</summary>
    public const double HighestRate = 10.0;

    /// <summary>Flows up to this many are solved with scratch on the stack (about 9 bytes each).</summary>
    public const int StackFlows = 1024;

    // Flows that change sign more than once may have several rates: they are scanned on a grid uniform in
    // ln(1+r), so it is as fine near 0% (where real deals live) as it is near −99.99%; 2000 steps put neighbouring
    // points about 0.6% apart around par. Two roots closer than one step cancel out in the scan and are not seen.
    const int GridSteps = 2000;

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

    // A step of the log form (OnlyRoot by moments) leaves an error of about K times its fourth power, K the fourth
    // cumulant of the flows' times over 24 times the gap between the groups' mean times: under 10³ for flows over a
    // century, so after a step below 10⁻⁶ the point reached is within 10⁻²¹ of the root, far below a double's last
    // bit; the next step, two evaluations from x = 0 for a deal's flows, is under it.
    const double ConvergedLog = 1e-6;

    static readonly double LowestX = Math.Log(1.0 + LowestRate);
    static readonly double HighestX = Math.Log(1.0 + HighestRate);

    /// <summary>
    /// The annual rate at which the NPV (XNPV) is zero, or <see cref="double.NaN"/> when there is
    /// none: all flows of one sign (NPV never crosses zero), no flows, or every root outside
    /// (<see cref="LowestRate"/>, <see cref="HighestRate"/>]. NaN rather than an exception because an
    /// IRR that does not exist is an ordinary outcome of a scenario (a tranche wiped out), not a bug.
    /// A NaN or infinite input also gives NaN, as it would through the NPV. Flows need not be in time
    /// order; flows on the same date are one term.
    /// </summary>
    public static double Solve(ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        if (years.Length != amounts.Length)
        {
            throw new ArgumentException("Expected one time per amount.", nameof(amounts));
        }

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
            Span<double> gaps = stackalloc double[LogDiscountChain.MaxGaps];
            if (ascending)
            {
                return SolveInOrder(years, amounts, slots, gaps[..LogDiscountChain.Prepare(years, slots, gaps)]);
            }

            // Out of time order: sorted copies (the sign count and the chain both walk the flows in time).
            Span<double> copies = n <= StackFlows / 2 ? stackalloc double[2 * n] : (rentedFlows = ArrayPool<double>.Shared.Rent(2 * n)).AsSpan(0, 2 * n);
            Span<double> times = copies[..n];
            Span<double> flows = copies[n..];
            years.CopyTo(times);
            amounts.CopyTo(flows);
            times.Sort(flows);
            return SolveInOrder(times, flows, slots, gaps[..LogDiscountChain.Prepare(times, slots, gaps)]);
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

    static double SolveInOrder(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<byte> slots, ReadOnlySpan<double> gaps)
    {
        int changes = Scan(times, amounts, out int split, out bool valid, out bool sharedDate, out LogGroupMoments positive, out LogGroupMoments negative);
        if (!valid)
        {
            return double.NaN;
        }

        // Zero flows at either end change no root, but the chain starts from an end (LogDiscountChain): from a zero
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
        Span<double> factors = stackalloc double[LogDiscountChain.MaxGaps];
        var chain = new LogDiscountChain(times, amounts, slots, gaps, factors);

        // By Descartes' rule of signs (which holds for real powers of 1/(1+r)), flows whose sign changes once over
        // time, paying in and then getting back, have exactly one rate: that is every tranche we price, and Monte
        // Carlo solves one per path, so such flows skip the scan.
        split -= first;
        if (sharedDate)
        {
            // Flows on one date are one term: netted, they may change sign fewer times than they seem to, and the
            // two groups of the log form below are no longer the flows before and after one index.
            return SignChangesOverTime(times, amounts, out double guess) == 1 ? OnlyRoot(chain, guess) : BestRoot(chain);
        }

        return changes == 1 ? OnlyRoot(chain, split, positive, negative) : BestRoot(chain);
    }

    /// <summary>
    /// The one rate of flows that change sign once (at <paramref name="split"/>, no two on one date), or NaN when it
    /// lies outside the range. The NPV is zero where what comes back equals what went in, both discounted, so the root
    /// is that of H(x) = ln|B(x)| − ln|A(x)|, A and B the discounted sums of the flows before and after the change:
    /// nearly a straight line in x (its slope is the gap between the two groups' discounted mean times, its
    /// curvature the difference of their variances), where the NPV itself is nearly an exponential. Each step
    /// expands H to third order at x from the groups' moments (<see cref="LogDiscountChain.Moments"/>, one pass) and
    /// takes the root of that expansion (<see cref="Step"/>): its error is about the step to the fourth power, so
    /// from the moments at x = 0 (found with the sign changes, <see cref="Scan"/>) two evaluations reach the last
    /// bits for the flows of a deal, where Newton on the NPV took three after a pass for its first guess. A step
    /// under <see cref="ConvergedLog"/> × max(1, |x|) is the last. A step that is not finite, leaves the range or
    /// does not shrink hands over to Newton on the NPV and its bracketed fallback, from the last point in range.
    /// </summary>
    static double OnlyRoot(in LogDiscountChain chain, int split, in LogGroupMoments positive, in LogGroupMoments negative)
    {
        double x = 0;
        double step = Step(positive, negative);
        double previousStep = double.PositiveInfinity;
        for (int i = 0; i < FastIterations; i++)
        {
            double next = x + step;
            if (!double.IsFinite(step) || Math.Abs(step) >= Math.Abs(previousStep) || next < LowestX || next > HighestX)
            {
                break;
            }

            x = next;
            if (Math.Abs(step) <= ConvergedLog * Math.Max(1.0, Math.Abs(x)))
            {
                return Math.Exp(x) - 1.0;
            }

            previousStep = step;
            chain.Moments(x, split, out LogGroupMoments before, out LogGroupMoments after);
            step = Step(before, after);
        }

        return OnlyRoot(chain, x);
    }

    /// <summary>
    /// The step δ to the root of H(x + δ) ≈ c0 − c1 δ + c2 δ² − c3 δ³, H's expansion at x from two groups' moments
    /// (<paramref name="a"/> and <paramref name="b"/>, of opposite signs): with m, v and k3 a group's discounted mean
    /// time, variance and third cumulant, c0 = ln|B / A|, c1 = m_B − m_A, c2 = (v_B − v_A) / 2, c3 = (k3_B − k3_A) / 6
    /// (ln Σ w e^(−δτ) = ln Σ w − δ m + δ² v / 2 − δ³ k3 / 6 + …). Its root by series reversion:
    /// δ = u (1 + p u + (2p² − q) u²), u = c0 / c1, p = c2 / c1, q = c3 / c1, exact to the fourth power of u. Far from
    /// the root (the correction over half of u) the expansion is not to be trusted, and the step is Newton's on H, u.
    /// Swapping the groups changes every c's sign and not δ.
    /// </summary>
    static double Step(in LogGroupMoments a, in LogGroupMoments b)
    {
        double inverseA = 1.0 / a.W0;
        double inverseB = 1.0 / b.W0;
        double meanA = a.W1 * inverseA;
        double meanB = b.W1 * inverseB;
        double varianceA = (a.W2 * inverseA) - (meanA * meanA);
        double varianceB = (b.W2 * inverseB) - (meanB * meanB);
        double skewA = (a.W3 * inverseA) - (meanA * ((3.0 * varianceA) + (meanA * meanA)));
        double skewB = (b.W3 * inverseB) - (meanB * ((3.0 * varianceB) + (meanB * meanB)));
        double c1 = meanB - meanA;
        double u = Math.Log(-b.W0 * inverseA) / c1;
        double p = 0.5 * (varianceB - varianceA) / c1;
        double q = (skewB - skewA) / (6.0 * c1);
        double correction = u * (p + (((2.0 * p * p) - q) * u));
        return Math.Abs(correction) <= 0.5 ? u + (u * correction) : u;
    }

    /// <summary>
    /// One pass over flows in ascending time: whether they are <paramref name="valid"/> (every amount finite, at least
    /// one of each sign), their sign changes (zeros skipped; 2 stands for "more than one"), the index of the first flow after the first change,
    /// whether two flows share a date, and the moments at x = 0 (Σ a, Σ a τ, Σ a τ², Σ a τ³, τ the years from the
    /// first time) of the positive and of the negative flows: with one sign change, the two groups of
    /// <see cref="OnlyRoot(in LogDiscountChain, int, in LogGroupMoments, in LogGroupMoments)"/>.
    /// </summary>
    static int Scan(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, out int split, out bool valid, out bool sharedDate, out LogGroupMoments positive, out LogGroupMoments negative)
    {
        double origin = times[0];
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        double nonFinite = 0; // a NaN or an infinity times 0 is NaN, and NaN stays
        bool shared = false;

        // The sums first, with no branch on a flow's sign (the accumulations then overlap); the signs after.
        for (int i = 0; i < amounts.Length; i++)
        {
            double a = amounts[i];
            double tau = times[i] - origin;
            nonFinite += a * 0.0;
            double up = double.MaxNative(a, 0.0);
            double down = a - up;
            double moment = up * tau;
            p0 += up;
            p1 += moment;
            moment *= tau;
            p2 += moment;
            p3 += moment * tau;
            moment = down * tau;
            n0 += down;
            n1 += moment;
            moment *= tau;
            n2 += moment;
            n3 += moment * tau;
            shared |= i > 0 && times[i] == times[i - 1];
        }

        valid = nonFinite == 0 && p0 > 0 && n0 < 0;
        sharedDate = shared;
        positive = new LogGroupMoments(p0, p1, p2, p3);
        negative = new LogGroupMoments(n0, n1, n2, n3);
        split = 0;
        if (!valid)
        {
            return 0;
        }

        // The first flow of the other sign than the first non-zero one; after it, any flow of the first sign is a
        // second change (zeros are no sign). The caller needs "one change" or "more", not how many more.
        int first = 0;
        while (amounts[first] == 0.0)
        {
            first++;
        }

        bool startsNegative = amounts[first] < 0;
        int at = first + 1;
        while (startsNegative ? amounts[at] <= 0 : amounts[at] >= 0)
        {
            at++;
        }

        split = at;
        for (int i = at + 1; i < amounts.Length; i++)
        {
            if (startsNegative ? amounts[i] < 0 : amounts[i] > 0)
            {
                return 2;
            }
        }

        return 1;
    }

    /// <summary>
    /// The one rate, or NaN when it lies outside the range. Plain Newton from <paramref name="guess"/> first: with
    /// one root in all of x, any point it converges to is that root. If a step leaves the range, or stops
    /// shrinking, or is not finite, the ends are evaluated (the NPV having one sign at both means the root is
    /// outside) and the bracketed solver takes over from where Newton was.
    /// </summary>
    static double OnlyRoot(in LogDiscountChain chain, double guess)
    {
        double x = guess;
        double previousStep = double.PositiveInfinity;
        for (int i = 0; i < FastIterations && x >= LowestX && x <= HighestX; i++)
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
            if (Math.Abs(step) <= Converged * Math.Max(1.0, Math.Abs(x)) && x >= LowestX && x <= HighestX)
            {
                return Math.Exp(x) - 1.0;
            }

            previousStep = step;
        }

        chain.Evaluate(LowestX, out double low, out _);
        chain.Evaluate(HighestX, out double high, out _);
        if (low == 0.0 || high == 0.0)
        {
            return low == 0.0 ? LowestRate : HighestRate;
        }

        if (Math.Sign(low) == Math.Sign(high))
        {
            return double.NaN;
        }

        return Math.Exp(Root(chain, LowestX, low, HighestX, x)) - 1.0;
    }

    static double BestRoot(in LogDiscountChain chain)
    {
        var best = double.NaN;
        double previousX = LowestX;
        chain.Evaluate(previousX, out double previousValue, out _);
        if (previousValue == 0.0)
        {
            Keep(ref best, LowestRate);
        }

        for (var step = 1; step <= GridSteps; step++)
        {
            // The grid of the solver before this one, point for point, so both scan the same intervals.
            double x = LowestX + ((HighestX - LowestX) * step / GridSteps);
            double rate = step == GridSteps ? HighestRate : Math.Exp(x) - 1.0;
            chain.Evaluate(x, out double value, out _);
            if (value == 0.0)
            {
                Keep(ref best, rate);
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

        return best;
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
    static double Root(in LogDiscountChain chain, double a, double valueAtA, double b, double guess)
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
        guess = double.IsFinite(x) ? x : 0.5 * (LowestX + HighestX);
        return changes;
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
internal readonly ref struct LogDiscountChain
{
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

    // Whether every gap between the flows has its entry in the table: Moments' loops then need no exponential.
    readonly bool onGrid;

    /// <param name="times">The flows' times in years, in ascending order.</param>
    /// <param name="amounts">The flows.</param>
    /// <param name="slots">Each flow's gap's entry in <paramref name="gaps"/>, from <see cref="Prepare"/>.</param>
    /// <param name="gaps">The distinct gaps, from <see cref="Prepare"/>.</param>
    /// <param name="factorScratch"><see cref="MaxGaps"/> doubles, the caller's: each gap's factor at the rate evaluated.</param>
    public LogDiscountChain(
        ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, ReadOnlySpan<byte> slots, ReadOnlySpan<double> gaps, Span<double> factorScratch)
    {
        this.times = times;
        this.amounts = amounts;
        this.slots = slots;
        this.gaps = gaps;
        factors = factorScratch;
        onGrid = slots.Length < 2 || (gaps.Length > 0 && slots[1..].IndexOfAnyExceptInRange((byte)0, (byte)(gaps.Length - 1)) < 0);
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

    /// <summary>
    /// The moments at the continuous rate <paramref name="x"/> of the flows before <paramref name="split"/> and of
    /// those from it on, in one pass down the chain: Σ a_i d_i τ_i^k for k = 0 … 3, d_i the flow's discount factor and
    /// τ_i its time from the first flow (x ≥ 0) or the last (x &lt; 0), times the same positive multiple for both
    /// groups, which leaves their ratio, means and cumulants as they are (Irr's log form).
    /// </summary>
    public void Moments(double x, int split, out LogGroupMoments before, out LogGroupMoments after)
    {
        ReadOnlySpan<double> t = times;
        ReadOnlySpan<double> a = amounts;
        ReadOnlySpan<byte> slot = slots;
        Span<double> factor = factors[..gaps.Length];
        double decay = Math.Abs(x);
        for (int k = 0; k < factor.Length; k++)
        {
            factor[k] = Math.Exp(-decay * gaps[k]);
        }

        // Each loop is inlined twice, for flows whose gaps are all in the table (no exponential, and no call to keep
        // registers across, in the loop) and for the others.
        double discount = 1;
        int n = a.Length;
        if (x >= 0)
        {
            double origin = t[0];
            before = onGrid
                ? Forward(t, a, slot, factor, decay, origin, 1, split, new LogGroupMoments(a[0], 0, 0, 0), ref discount, onGrid: true)
                : Forward(t, a, slot, factor, decay, origin, 1, split, new LogGroupMoments(a[0], 0, 0, 0), ref discount, onGrid: false);
            after = onGrid
                ? Forward(t, a, slot, factor, decay, origin, split, n, default, ref discount, onGrid: true)
                : Forward(t, a, slot, factor, decay, origin, split, n, default, ref discount, onGrid: false);
        }
        else
        {
            double end = t[n - 1];
            after = onGrid
                ? Backward(t, a, slot, factor, decay, end, n - 2, split, new LogGroupMoments(a[n - 1], 0, 0, 0), ref discount, onGrid: true)
                : Backward(t, a, slot, factor, decay, end, n - 2, split, new LogGroupMoments(a[n - 1], 0, 0, 0), ref discount, onGrid: false);
            before = onGrid
                ? Backward(t, a, slot, factor, decay, end, split - 1, 0, default, ref discount, onGrid: true)
                : Backward(t, a, slot, factor, decay, end, split - 1, 0, default, ref discount, onGrid: false);
        }
    }

    // Flows from..to−1, each factor the previous one's times its gap's: the moments added to start's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static LogGroupMoments Forward(
        ReadOnlySpan<double> t, ReadOnlySpan<double> a, ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, double decay,
        double origin, int from, int to, LogGroupMoments start, ref double discount, bool onGrid)
    {
        double d = discount, w0 = start.W0, w1 = start.W1, w2 = start.W2, w3 = start.W3;
        for (int i = from; i < to; i++)
        {
            d *= Factor(t, slot, factor, decay, i, onGrid);
            double term = a[i] * d;
            double tau = t[i] - origin;
            double moment = term * tau;
            w0 += term;
            w1 += moment;
            moment *= tau;
            w2 += moment;
            w3 += moment * tau;
        }

        discount = d;
        return new LogGroupMoments(w0, w1, w2, w3);
    }

    // Flows from down to to (both included), each factor the next one's times the gap between them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static LogGroupMoments Backward(
        ReadOnlySpan<double> t, ReadOnlySpan<double> a, ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, double decay,
        double origin, int from, int to, LogGroupMoments start, ref double discount, bool onGrid)
    {
        double d = discount, w0 = start.W0, w1 = start.W1, w2 = start.W2, w3 = start.W3;
        for (int i = from; i >= to; i--)
        {
            d *= Factor(t, slot, factor, decay, i + 1, onGrid);
            double term = a[i] * d;
            double tau = t[i] - origin;
            double moment = term * tau;
            w0 += term;
            w1 += moment;
            moment *= tau;
            w2 += moment;
            w3 += moment * tau;
        }

        discount = d;
        return new LogGroupMoments(w0, w1, w2, w3);
    }

    // The factor from flow i − 1 to flow i: its gap's entry in the table, or its own exponential off it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Factor(ReadOnlySpan<double> t, ReadOnlySpan<byte> slot, ReadOnlySpan<double> factor, double decay, int i, bool onGrid)
    {
        int k = slot[i];
        return onGrid || (uint)k < (uint)factor.Length ? factor[k] : Math.Exp(-decay * (t[i] - t[i - 1]));
    }
}

/// <summary>Σ w, Σ w τ, Σ w τ², Σ w τ³ over a group of flows (w a flow times its discount factor).</summary>
internal readonly record struct LogGroupMoments(double W0, double W1, double W2, double W3);
