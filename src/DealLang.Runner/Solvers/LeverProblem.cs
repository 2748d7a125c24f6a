namespace DealLang.Runner.Solvers;

/// <summary>
/// What <see cref="LeverSearch"/> solves: an objective in one lever, evaluated by running the deal. Deterministic
/// (<see cref="DeterministicProblem"/>: one run per value) or Monte Carlo (<see cref="MonteCarloProblem"/>: the mean
/// over the same paths at every value).
/// </summary>
public interface ILeverProblem
{
    Lever Lever { get; }

    /// <summary>The scenario's name, for the answer and messages.</summary>
    string Scenario { get; }

    /// <summary>The condition or target as the user wrote it.</summary>
    string Condition { get; }

    /// <summary>Whether the objective is a step (1 where the condition holds, 0 where not) rather than a figure less
    /// its target.</summary>
    bool IsIndicator { get; }

    /// <summary>Evaluations so far (each a run of the deal, or of its N paths).</summary>
    int Evaluations { get; }

    /// <summary>The objective at lever value <paramref name="value"/>.</summary>
    LeverPoint At(double value);
}

/// <summary>One evaluation: the lever's value, the objective there (NaN: none), the figure as a user reads it, and
/// under Monte Carlo the estimate and its standard error.</summary>
public sealed record LeverPoint(double Value, double Objective, string Figure, double? Estimate = null, double? StandardError = null);

/// <summary>A deterministic objective: one run of the scenario with the lever at the value.</summary>
public sealed class DeterministicProblem(LeverRunner runner, SolveCondition condition) : ILeverProblem
{
    readonly LeverRunner runner = runner ?? throw new ArgumentNullException(nameof(runner));
    readonly SolveCondition condition = condition ?? throw new ArgumentNullException(nameof(condition));

    public Lever Lever => runner.Lever;

    public string Scenario => runner.Scenario.Name;

    public string Condition => condition.Text;

    public bool IsIndicator => condition.IsIndicator;

    public int Evaluations => runner.Evaluations;

    public LeverPoint At(double value)
    {
        LeverRun run = runner.Run(value);
        return new LeverPoint(value, condition.Objective(run), condition.Describe(run));
    }
}
