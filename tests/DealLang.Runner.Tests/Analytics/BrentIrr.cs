// The IRR solver of commit f7cdaf7 (MathNet Brent over -99.99%..1000% to 1e-13, Math.Pow per flow per step), kept
// as the oracle of the solver that replaced it: IrrOracleTests compares the two over random flows, and
// BaselineIrrTests over every baseline deal's flows; bench/DealLang.Benchmarks links this file to time "old IRR"
// beside "new IRR" in one process. Only the namespace, the class name and its visibility differ from f7cdaf7; Npv
// is left out and the argument check inlined (the oracle is only asked to solve). One addition since (2026-12-05),
// when today's solver came to look above 1000%, up to 10⁴: flows for which f7cdaf7 finds no rate are scanned on from
// 1000% to 10⁴ (AboveTheRange), so that the oracle reaches every rate today's solver can return; flows with a rate up
// to 1000% get f7cdaf7's, bit for bit. Not product code: nothing under src/ uses it.
using MathNet.Numerics.RootFinding;

namespace DealLang.Reference.Analytics;

/// <summary>
/// Annual internal rate of return over dated flows, with Excel XIRR's conventions: annual
/// compounding and times measured in years from the first flow, so
/// NPV(r) = Σ a_i / (1+r)^(t_i − t_0).
/// </summary>
internal static class BrentIrr
{
    /// <summary>Rates at or below −100% make (1+r)^t meaningless; this is as close as we go.</summary>
    public const double LowestRate = -0.9999;

    /// <summary>A 1000% annual return is beyond any deal we model: a root past it is noise.</summary>
    public const double HighestRate = 10.0;

    /// <summary>The ceiling of today's solver (Irr.HighestRate), to which flows without a rate up to
    /// <see cref="HighestRate"/> are searched on.</summary>
    public const double CeilingRate = 1e4;

    // Above 1000% the grid goes on at about its spacing in ln(1 + r), 0.0058: (ln 10001 − ln 11) / 1,174.
    const int HighGridSteps = 1174;

    // The grid is uniform in ln(1+r) so it is as fine near 0% (where real deals live) as it is
    // near −99.99%; 2000 steps put neighbouring points about 0.6% apart around par. Two roots
    // closer than one step cancel out in the scan and are not seen.
    const int GridSteps = 2000;
    const double Accuracy = 1e-13;
    const int MaxIterations = 200;

    // With several roots (flows that change sign more than once) we return the one nearest to
    // Excel's default guess, which is the one XIRR's Newton iteration usually lands on.
    const double PreferredRate = 0.1;

    /// <summary>
    /// The annual rate at which the NPV is zero, or <see cref="double.NaN"/> when there is
    /// none: all flows of one sign (NPV never crosses zero), no flows, or every root outside
    /// (<see cref="LowestRate"/>, <see cref="CeilingRate"/>]. NaN rather than an exception because an
    /// IRR that does not exist is an ordinary outcome of a scenario (a tranche wiped out), not a bug.
    /// A NaN or infinite input also gives NaN, as it would through the NPV.
    /// </summary>
    public static double Solve(ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        if (years.Length != amounts.Length)
        {
            throw new ArgumentException("Expected one time per amount.", nameof(amounts));
        }

        if (!AllFinite(years) || !AllFinite(amounts) || !HasBothSigns(amounts))
        {
            return double.NaN;
        }

        // Brent's delegate cannot capture spans, and the sign count needs the flows in time order.
        var origin = years[0];
        var times = years.ToArray();
        var flows = amounts.ToArray();
        var scale = 0.0;
        foreach (var a in flows)
        {
            scale += Math.Abs(a);
        }

        // Scaled so Brent's |f| < accuracy test means the same for a 100-unit bond as for a
        // billion-unit deal.
        double Objective(double rate) => DiscountedSum(rate, times, origin, flows) / scale;

        // By Descartes' rule of signs (which holds for real powers of 1/(1+r)), flows whose sign
        // changes once over time, paying in and then getting back, have at most one rate. That is
        // every tranche we price and Monte Carlo solves one per path, so such flows skip the scan.
        Array.Sort(times, flows);
        double rate = SignChangesOverTime(times, flows) == 1 && TrySolveWholeRange(Objective, out var only)
            ? only
            : BestRoot(Objective, LowestRate, HighestRate, GridSteps);
        return double.IsNaN(rate) ? AboveTheRange(Objective) : rate;
    }

    /// <summary>
    /// The rate above 1000% and up to <see cref="CeilingRate"/> nearest 10% (the lowest), or NaN: the scan's grid
    /// continued over that range and Brent between its points, whatever the sign changes (one sign change has one
    /// rate, and the scan brackets it like any other).
    /// </summary>
    static double AboveTheRange(Func<double, double> f) => BestRoot(f, HighestRate, CeilingRate, HighGridSteps);

    /// <summary>False when the range's ends cannot be evaluated, leaving it to the scan.</summary>
    static bool TrySolveWholeRange(Func<double, double> f, out double root)
    {
        var low = f(LowestRate);
        var high = f(HighestRate);
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            root = double.NaN;
            return false;
        }

        if (low == 0.0 || high == 0.0)
        {
            root = low == 0.0 ? LowestRate : HighestRate;
            return true;
        }

        if (Math.Sign(low) == Math.Sign(high))
        {
            root = double.NaN;
            return true;
        }

        return Brent.TryFindRoot(f, LowestRate, HighestRate, Accuracy, MaxIterations, out root);
    }

    static double BestRoot(Func<double, double> f, double lowestRate, double highestRate, int gridSteps)
    {
        var lowLog = Math.Log(1.0 + lowestRate);
        var highLog = Math.Log(1.0 + highestRate);
        var best = double.NaN;

        var previousRate = lowestRate;
        var previousValue = f(previousRate);
        Consider(previousRate, previousValue);

        for (var step = 1; step <= gridSteps; step++)
        {
            var rate = step == gridSteps
                ? highestRate
                : Math.Exp(lowLog + ((highLog - lowLog) * step / gridSteps)) - 1.0;
            var value = f(rate);
            Consider(rate, value);

            // Near −100% long-dated flows overflow to ±∞ (or ∞ − ∞ = NaN); such a point cannot
            // end a bracket, and the sign change it hides shows up at the next finite point.
            if (double.IsFinite(value))
            {
                if (double.IsFinite(previousValue)
                    && previousValue != 0.0
                    && value != 0.0
                    && Math.Sign(previousValue) != Math.Sign(value)
                    && Brent.TryFindRoot(f, previousRate, rate, Accuracy, MaxIterations, out var root))
                {
                    Keep(root);
                }

                previousRate = rate;
                previousValue = value;
            }
        }

        return best;

        void Consider(double rate, double value)
        {
            if (value == 0.0)
            {
                Keep(rate);
            }
        }

        void Keep(double root)
        {
            if (double.IsNaN(best) || Math.Abs(root - PreferredRate) < Math.Abs(best - PreferredRate))
            {
                best = root;
            }
        }
    }

    static double DiscountedSum(
        double rate, ReadOnlySpan<double> years, double origin, ReadOnlySpan<double> amounts)
    {
        var growth = 1.0 + rate;
        var sum = 0.0;
        for (var i = 0; i < years.Length; i++)
        {
            sum += amounts[i] / Math.Pow(growth, years[i] - origin);
        }

        return sum;
    }

    // Flows on the same date are netted first: they are one term of the sum.
    static int SignChangesOverTime(double[] sortedTimes, double[] flows)
    {
        var changes = 0;
        var previousSign = 0;
        for (var i = 0; i < flows.Length;)
        {
            var net = 0.0;
            var time = sortedTimes[i];
            for (; i < flows.Length && sortedTimes[i] == time; i++)
            {
                net += flows[i];
            }

            var sign = Math.Sign(net);
            if (sign != 0)
            {
                changes += previousSign != 0 && sign != previousSign ? 1 : 0;
                previousSign = sign;
            }
        }

        return changes;
    }

    static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    static bool HasBothSigns(ReadOnlySpan<double> amounts)
    {
        bool positive = false, negative = false;
        foreach (var a in amounts)
        {
            positive |= a > 0.0;
            negative |= a < 0.0;
        }

        return positive && negative;
    }
}
