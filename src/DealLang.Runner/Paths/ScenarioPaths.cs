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
    // lookup by the buffers allocates nothing once the memo is made. The memo is also kept on the buffers
    // (PathInputs.SourceMemo), tagged with this source's token, and found there on the next path: the table's lookup
    // cost about 10 ns a path (bench/HISTORY.md, session 2026-12-07h), the table now serves only buffers that another
    // source filled in between. The token rather than the source itself, so that buffers do not keep a source alive.
    readonly ConditionalWeakTable<PathInputs, PathMemo> memos = [];
    readonly object token = new();
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
            PathMemo memo = plan.NewMemo();
            memo.Source = token;
            return memo;
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

        plan.FillChecked(scenario, into, MemoOf(into));
    }

    PathMemo MemoOf(PathInputs into)
    {
        if (into.SourceMemo is PathMemo kept && ReferenceEquals(kept.Source, token))
        {
            return kept;
        }

        PathMemo memo = memos.GetValue(into, newMemo);
        into.SourceMemo = memo;
        return memo;
    }
}
