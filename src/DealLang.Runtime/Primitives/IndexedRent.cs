using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// An indexed lease's factor on its rent (<c>rent 100m per year indexed CPI</c>, docs/language.md §5 "lease", "Indexed
/// rent"): the index's level read at a period's start over its level on the lease's start under the deal's own terms.
/// The base is a constant the compiler checked above zero (DL0492), so a path's draws never divide by zero; a path's
/// level at or below zero, or n/a, makes the factor 0 (no rent that period) rather than a negative rent. The period
/// loop, the guarantor's share of unpaid rent and a forward CFADS (which holds the factor at the test's period) read
/// the factor through <see cref="Ratio"/>.
/// The terms <c>yearly floor 1% cap 4% lag 3m</c> read the level a whole number of periods early (<see cref="Lagged"/>),
/// reset the factor only in the periods <see cref="Resets"/> marks (the first period start on or after each anniversary
/// of the lease's start) and hold each reset's change within the collar (<see cref="Change"/>).
/// </summary>
public static class IndexedRent
{
    /// <summary>max(0, <paramref name="level"/>) / <paramref name="baseLevel"/>, n/a as 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double level, double baseLevel) => Level(level) / baseLevel;

    /// <summary>A level as an indexed rent reads it: max(0, <paramref name="level"/>), n/a as 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Level(double level) => Math.Max(0.0, Flows.AmountOrZero(level));

    /// <summary>The level period <paramref name="t"/> reads with a lag of <c>history.Length</c> periods: the path's level
    /// that many periods earlier, or, before the first period, the index's <paramref name="history"/> under the deal's own
    /// terms (its level on the date the lag reaches back to, known when the deal is signed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lagged(double[] levels, double[] history, int t) =>
        t < history.Length ? history[t] : levels[t - history.Length];

    /// <summary>Per period, whether a yearly indexation resets at its start: the first period whose start is on or
    /// after an anniversary of <paramref name="start"/> not yet passed at the previous period's start (a period start
    /// after two anniversaries, which only a long first stub on an annual deal can have, resets once).</summary>
    public static bool[] Resets(Date start, Date[] boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        var resets = new bool[Math.Max(0, boundaries.Length - 1)];
        for (int t = 1; t < resets.Length; t++)
        {
            resets[t] = Anniversaries(start, boundaries[t]) > Anniversaries(start, boundaries[t - 1]);
        }

        return resets;
    }

    static int Anniversaries(Date start, Date d) => Math.Max(0, Flows.WholeYearsBetween(start, d));

    /// <summary>A collared reset's change: the level read now over the level read at the previous reset (both as
    /// <see cref="Level"/> gives them), held within [1 + <paramref name="floor"/>, 1 + <paramref name="cap"/>]; a change
    /// from a level at or below zero is no change (1, held within the collar): it has no ratio.</summary>
    public static double Change(double level, double previous, double floor, double cap)
    {
        double change = previous > 0 ? level / previous : 1.0;
        return Math.Clamp(change, 1 + floor, 1 + cap);
    }
}
