using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// The deterministic scenarios as a path source: path <c>i</c> is scenario <c>i</c> applied to the deal's
/// precompute (<see cref="DealPaths"/>). Every scenario is checked against the deal once, here (a scenario is
/// run-time data, no longer compiled with the deal); <see cref="Fill"/> then only applies it.
/// </summary>
public sealed class ScenarioPaths : IPathSource
{
    readonly DealPaths plan;
    readonly ScenarioSpec[] scenarios;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first scenario that does not fit the deal.</summary>
    public ScenarioPaths(DealPaths plan, IEnumerable<ScenarioSpec> scenarios)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenarios);
        this.plan = plan;
        this.scenarios = [.. scenarios];
        foreach (ScenarioSpec scenario in this.scenarios)
        {
            Shapes.Require(plan.Deal, scenario);
        }
    }

    public DealDescription Deal => plan.Deal;

    public int Count => scenarios.Length;

    /// <summary>The scenario behind path <paramref name="path"/>.</summary>
    public ScenarioSpec this[int path] => scenarios[path];

    public void Fill(int path, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(into);
        ScenarioSpec scenario = scenarios[path];
        Shapes.Require(plan.Deal, into);
        plan.FillChecked(scenario, into);
    }
}
