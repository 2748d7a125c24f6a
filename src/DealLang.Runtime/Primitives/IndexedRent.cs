using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// An indexed lease's factor on its rent (<c>rent 100m per year indexed CPI</c>, docs/language.md §5 "lease", "Indexed
/// rent"): the index's level read at a period's start over its level on the lease's start under the deal's own terms.
/// The base is a constant the compiler checked above zero (DL0492), so a path's draws never divide by zero; a path's
/// level at or below zero, or n/a, makes the factor 0 (no rent that period) rather than a negative rent. The period
/// loop, the guarantor's share of unpaid rent and a forward CFADS (which holds the factor at the test's period) read
/// the factor through <see cref="Ratio"/>.
/// </summary>
public static class IndexedRent
{
    /// <summary>max(0, <paramref name="level"/>) / <paramref name="baseLevel"/>, n/a as 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double level, double baseLevel) => Math.Max(0.0, Flows.AmountOrZero(level)) / baseLevel;
}
