using DealLang.Runtime;

namespace DealLang.Runner.Analytics;

/// <summary>
/// The IRR of an investor's flows (what it paid in negative, what it got back positive), as every summary, Monte
/// Carlo figure and solver reads it: <see cref="Irr"/>'s rate, except that a total loss is −100%. An investor who
/// paid in and got nothing back has flows of one sign, which no rate makes worth zero, so <see cref="Irr"/> finds
/// none; but −100% is the return on a total loss (nothing back is what was paid in grown at −100%), and leaving such
/// a path out of a mean or a percentile would hide the worst paths of all. Two kinds of flows are a total loss here:
/// <list type="bullet">
/// <item>nothing back: positive flows that add up to less than half a cent (<see cref="Flows.ShortfallTolerance"/>,
/// the rounding a shortfall is cleared of) against negative flows of half a cent or more;</item>
/// <item>less back than paid in, all of it later than the last amount paid in, at a rate below
/// <see cref="Irr.LowestRate"/> (−99.99%, as far down as the solver looks): a few cents back on millions; −100% is
/// within 0.01% of the rate.</item>
/// </list>
/// Any other flows without a rate (nothing paid in, a rate over <see cref="Irr.HighestRate"/>, or flows that change
/// sign more than once and have none) stay without one (NaN).
/// </summary>
public static class InvestorIrr
{
    /// <summary>The rate of the flows at <paramref name="years"/> (<see cref="Irr.Solve(ReadOnlySpan{double}, ReadOnlySpan{double})"/>), or −100% for a total loss.</summary>
    public static double Solve(ReadOnlySpan<double> years, ReadOnlySpan<double> amounts) =>
        OrTotalLoss(Irr.Solve(years, amounts), years, amounts);

    /// <summary>The rate of the flows over prepared times (<see cref="Irr.Solve(FlowTimes, ReadOnlySpan{double})"/>), or −100% for a total loss.</summary>
    public static double Solve(FlowTimes times, ReadOnlySpan<double> amounts)
    {
        ArgumentNullException.ThrowIfNull(times);
        int n = amounts.Length;
        if (n == 0 || n > times.Count)
        {
            return OrTotalLoss(Irr.Solve(times, amounts), default, amounts); // no flows: NaN, no total loss; too many: Solve's message
        }

        // The solver's scan made here, so that its sums tell the nothing-back test what came back (ScannedRate).
        int changes = Irr.Scan(times.Years[..n], amounts, out bool valid, out int split, out GroupMoments before, out GroupMoments after);
        return ScannedRate(valid ? Irr.SolveScanned(times, amounts, changes, split, before, after) : double.NaN, times, amounts, changes, before, after);
    }

    /// <summary>
    /// <see cref="Solve(FlowTimes, ReadOnlySpan{double})"/> for flows the caller scanned (<see cref="Irr.SolveScanned"/>:
    /// finite, one sign change at <paramref name="split"/>, the groups' moments at x = 0 <paramref name="before"/> and
    /// <paramref name="after"/>, as <see cref="Irr.Scan"/> sums them): the same figure, bit for bit.
    /// </summary>
    internal static double SolveScanned(FlowTimes times, ReadOnlySpan<double> amounts, int split, in GroupMoments before, in GroupMoments after) =>
        ScannedRate(Irr.SolveScanned(times, amounts, 1, split, before, after), times, amounts, 1, before, after);

    // The total-loss tests only where there is no rate or a negative one: the paths that earn something (nearly all)
    // pay nothing for them. On a negative rate of flows that start below 0 and change sign once, the nothing-back test
    // needs no pass when what came back, the scan's Σ a of the flows from the change on (none below 0), is a cent or
    // more: the sum in time order the test adds (NothingBack) is within n × 2⁻⁵³ of it, relatively, so over half a cent
    // too, and the test is false.
    static double ScannedRate(double rate, FlowTimes times, ReadOnlySpan<double> amounts, int changes, in GroupMoments before, in GroupMoments after) =>
        rate >= 0 || (rate < 0 && changes == 1 && before.W0 < 0 && after.W0 >= 2 * Flows.ShortfallTolerance)
            ? rate
            : OrTotalLoss(rate, times.Years[..amounts.Length], amounts);

    /// <summary><paramref name="rate"/> as solved over the flows; where they are a total loss, −100%: flows without
    /// a rate of either kind in the type's summary, and flows with one that brought back less than half a cent (a few
    /// thousandths of a cent over decades have a rate in range, −73% for 0.004 on 10⁹ over twenty years, yet are
    /// nothing back). Only a negative rate can be the latter: with half a cent or more paid in and less back, the
    /// flows are worth less than nothing at 0%.</summary>
    public static double OrTotalLoss(double rate, ReadOnlySpan<double> years, ReadOnlySpan<double> amounts) =>
        double.IsNaN(rate) ? (IsTotalLoss(years, amounts) ? -1.0 : rate)
        : rate < 0 && NothingBack(amounts) ? -1.0 : rate;

    // Half a cent or more paid in and less than half a cent back (the first kind of total loss).
    static bool NothingBack(ReadOnlySpan<double> amounts)
    {
        double paidIn = 0, gotBack = 0;
        foreach (double a in amounts)
        {
            if (a < 0)
            {
                paidIn -= a;
            }
            else
            {
                gotBack += a;
            }
        }

        return NothingBack(paidIn, gotBack);
    }

    static bool NothingBack(double paidIn, double gotBack) =>
        paidIn >= Flows.ShortfallTolerance && gotBack < Flows.ShortfallTolerance;

    /// <summary>Whether flows without a rate are a total loss (the two kinds in the type's summary). Not with a
    /// non-finite amount or time, which is no figure at all.</summary>
    public static bool IsTotalLoss(ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        FlowArguments.RequireSameLength(years, amounts);
        double paidIn = 0, gotBack = 0;
        double lastPaidIn = double.NegativeInfinity, firstBack = double.PositiveInfinity;
        for (int i = 0; i < amounts.Length; i++)
        {
            double a = amounts[i];
            if (!double.IsFinite(a) || !double.IsFinite(years[i]))
            {
                return false;
            }

            if (a < 0)
            {
                paidIn -= a;
                lastPaidIn = Math.Max(lastPaidIn, years[i]);
            }
            else if (a > 0)
            {
                gotBack += a;
                firstBack = Math.Min(firstBack, years[i]);
            }
        }

        // Got back after paying in, and less: the value at 0% is negative, so a rate with no root above −99.99% has
        // its root below it.
        return NothingBack(paidIn, gotBack)
            || (paidIn >= Flows.ShortfallTolerance && gotBack < paidIn && lastPaidIn < firstBack);
    }
}
