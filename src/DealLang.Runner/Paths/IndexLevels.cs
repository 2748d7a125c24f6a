using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// An index's levels per period (docs/language.md §5, "index"): a period reads the level at its start
/// (<see cref="Fill"/>), under the deal's terms and a scenario's overrides (<see cref="Terms"/>), by the runtime's
/// <see cref="IndexCurve"/>.
/// </summary>
static class IndexLevels
{
    /// <summary>The terms a path uses: the deal's, with the scenario's overrides applied. The scenario's added
    /// launches are kept apart from the deal's (no array is made per path): the deal's multiply first, in date order,
    /// then the scenario's, in the order written.</summary>
    public readonly record struct Terms(
        double Level, double DeflatePerYear, IndexPoints? Points, IndexLaunch[] Launches, IndexLaunch[] AddedLaunches, double Shift, bool NeverNegative)
    {
        /// <summary>The deal's terms under <paramref name="o"/> (null: the deal's own).</summary>
        public static Terms Of(IndexInfo index, IndexOverride? o) => new(
            o?.Level ?? index.Level,
            o?.DeflatePerYear ?? index.DeflatePerYear,
            o?.Points ?? index.Points,
            index.Launches,
            o?.AddedLaunches ?? [],
            o?.Shift ?? 0,
            o?.NeverNegative ?? false);
    }

    /// <summary>The level at the start of each period, <c>into[t]</c> at <c>Boundaries[t]</c>; <paramref name="anchor"/>
    /// is the closing the index is stated at (<see cref="IndexInfo.AnchorIn"/>: the declaring deal's).</summary>
    public static void Fill(Terms terms, Date anchor, Date[] boundaries, double[] into)
    {
        for (int t = 0; t < into.Length; t++)
        {
            into[t] = At(terms, anchor, boundaries[t]);
        }
    }

    /// <summary>The level at <paramref name="d"/> (the runtime's <see cref="IndexCurve"/>, which the compiler reads too);
    /// a price's index shifted below zero is read at zero (<see cref="IndexOverride.NeverNegative"/>).</summary>
    public static double At(Terms terms, Date anchor, Date d)
    {
        double level = IndexCurve.At(terms.Level, terms.DeflatePerYear, terms.Points, terms.Launches, terms.AddedLaunches, terms.Shift, anchor, d);
        return terms.NeverNegative ? Math.Max(0.0, level) : level;
    }
}
