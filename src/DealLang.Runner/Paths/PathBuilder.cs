using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Applies a deterministic scenario to a deal's terms (docs/language.md §10, "Scenarios"), filling the
/// slots the period loop reads. Allocation-free once the deal's precompute exists (<see cref="DealPaths.For"/>,
/// made on the first call for a description and kept with it), so a runner can refill one
/// <see cref="PathInputs"/> per path. A caller running many paths holds a <see cref="DealPaths"/> (or an
/// <see cref="IPathSource"/>) itself.
/// </summary>
public static class PathBuilder
{
    /// <summary>Fills <paramref name="into"/> from <paramref name="deal"/> under <paramref name="scenario"/>.
    /// Throws <see cref="ArgumentException"/> when the scenario does not fit the deal (<see cref="Shapes"/>) or
    /// the buffers were made for another deal.</summary>
    public static void Build(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(into);
        DealPaths.For(deal).Fill(scenario, into);
    }
}
