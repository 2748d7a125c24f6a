using System.Runtime.CompilerServices;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// The deterministic scenarios as a path source: path <c>i</c> is scenario <c>i</c> applied to the deal's
/// precompute (<see cref="DealPaths"/>). Every scenario is checked against the deal once, here (a scenario is
/// run-time data, no longer compiled with the deal); <see cref="Fill"/> then only applies it, reusing what earlier
/// paths into the same buffers computed from the same numbers (<see cref="PathMemo"/>: market-rent powers,
/// rescaled rents, stressed values, the rent a default cuts), so a path costs what its scenario changes.
/// Thread-safe for threads that fill their own buffers.
/// </summary>
public sealed class ScenarioPaths : IPathSource
{
    readonly DealPaths plan;
    readonly ScenarioSpec[] scenarios;

    // One memo per set of buffers filled (PathMemo): a thread with its own buffers has its own memo, and the
    // lookup by the buffers allocates nothing once the memo is made.
    readonly ConditionalWeakTable<PathInputs, PathMemo> memos = [];
    readonly ConditionalWeakTable<PathInputs, PathMemo>.CreateValueCallback newMemo;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first scenario that does not fit the deal.</summary>
    public ScenarioPaths(DealPaths plan, IEnumerable<ScenarioSpec> scenarios)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenarios);
        this.plan = plan;
        this.scenarios = [.. scenarios];
        // The buffers' shape is checked when their memo is made, once: a PathInputs keeps the layout it was made with
        // (a shared row must have the deal's periods), so a check on every path would only repeat it.
        newMemo = buffers =>
        {
            Shapes.Require(plan.Deal, buffers);
            return plan.NewMemo();
        };
        foreach (ScenarioSpec scenario in this.scenarios)
        {
            Shapes.Require(plan.Deal, scenario);
        }

        // A stochastic scenario among deterministic ones is its path 0 at its own seed, as 'deallang run' runs it.
        stochastic = [.. this.scenarios.Select(s => StochasticPaths.IsStochastic(s)
            ? new StochasticPaths(plan.Deal, s, StochasticPaths.DefaultSeed(s), 1)
            : null)];
    }

    readonly StochasticPaths?[] stochastic;

    public DealDescription Deal => plan.Deal;

    public int Count => scenarios.Length;

    public void Fill(int path, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(into);
        ScenarioSpec scenario = scenarios[path];
        if (stochastic[path] is { } drawn)
        {
            drawn.Fill(0, into); // checks the buffers as it first sees them
            return;
        }

        plan.FillChecked(scenario, into, memos.GetValue(into, newMemo));
    }
}
