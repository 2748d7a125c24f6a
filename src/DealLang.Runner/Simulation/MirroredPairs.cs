namespace DealLang.Runner.Simulation;

/// <summary>
/// An antithetic sample's units for a ratio estimator's error (docs/language.md, "Monte Carlo results"): its full
/// pairs (the histogram of the pairs' larger values counts one per pair) and its single values (a last path without
/// its mirror), each unit weighing b = 2 or 1 paths. <see cref="CreditMetrics.PairedCountDeviation"/> and
/// <see cref="CreditMetrics.PairedShortfallError"/> read the same units, so they are counted and corrected in one place.
/// </summary>
readonly record struct MirroredPairs(double Full, double Singles)
{
    /// <summary>The units of <paramref name="n"/> paths of which <paramref name="high"/> counts the full pairs.</summary>
    public static MirroredPairs Of(long n, LogHistogram high) => new(high.Count, n - (2.0 * high.Count));

    /// <summary>m, the units: full pairs and single values.</summary>
    public double Count => Full + Singles;

    /// <summary>Σ b² over the units: 4 a full pair, 1 a single value.</summary>
    public double SquaredWeights => (4 * Full) + Singles;

    /// <summary>The deviation of a unit sum from its residual Σ(y − F b)², with the m / (m − 1) correction.</summary>
    public double Deviation(double residual) => Math.Sqrt(Math.Max(0.0, residual) * Count / (Count - 1));
}
