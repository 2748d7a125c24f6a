namespace DealLang.Runner.Solvers;

/// <summary>
/// The root search over one lever (docs/language.md §12, "Solvers"). First a bracket, by an expanding walk from the
/// lever's unstressed value <c>s</c> toward the end <c>e</c> of its legal range: the points
/// <c>s + (e − s) × (2^k − 1) / 256</c>, k = 1, 2, … (so the steps double, the first 1/256 of the range), the last
/// one <c>e</c> itself: at most 9 runs. Then:
/// <list type="bullet">
/// <item>a stop condition (a step in the lever: it holds or not) by bisection on the indicator between the last
/// point where it does not hold and the first where it does, until they are <see cref="Tolerance"/> apart; the
/// answer is the end at which it holds, so the run at the answer holds and the run a tolerance below (above, for a
/// lever whose stress is downward) does not. Past a bracket's first change the walk does not look further: if the
/// condition stops holding again at a worse stress, the answer is still the least stress at which it first holds;</item>
/// <item>a target (a figure less the number it should reach, continuous where the figure is) by MathNet's Brent
/// on the first bracket with a change of sign, walking the stress direction first, then the other side of
/// <c>s</c>.</item>
/// </list>
/// No bracket is a <see cref="NoSolutionException"/> naming the range searched and the objective at its ends.
/// </summary>
public static class LeverSearch
{
    /// <summary>How close the answer is to the true break-even, in the lever's own unit (a rate's fraction, 10⁻⁶ =
    /// 0.0001%; a factor's 10⁻⁶).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The expanding walk's first step, as a share of the range walked.</summary>
    public const int FirstStepDivisor = 256;

    public static SolveResult Solve(LeverRunner runner, SolveCondition condition, string kind)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(condition);
        Lever lever = runner.Lever;
        double start = lever.Start;
        double stressEnd = lever.StressUp ? lever.Highest : lever.Lowest;
        LeverRun atStart = runner.Run(start);
        double fStart = condition.Objective(atStart);
        if (condition.IsIndicator)
        {
            if (fStart > 0)
            {
                throw new NoSolutionException(
                    $"'{condition.Text}' already holds at {lever.Text} {lever.Format(start)}, the unstressed end of the search " +
                    $"({condition.Describe(atStart)}); there is no break-even to find");
            }

            (LeverRun below, LeverRun above) = Walk(runner, condition, atStart, stressEnd)
                ?? throw NoRoot(runner, condition, atStart, runner.Run(stressEnd), start, stressEnd);
            return Bisect(runner, condition, kind, below, above);
        }

        if (fStart == 0)
        {
            return Result(runner, condition, kind, atStart, "Brent", null);
        }

        double otherEnd = lever.StressUp ? lever.Lowest : lever.Highest;
        var bracket = Walk(runner, condition, atStart, stressEnd);
        if (bracket is null && otherEnd != start)
        {
            bracket = Walk(runner, condition, atStart, otherEnd);
        }

        if (bracket is not { } found)
        {
            LeverRun low = runner.Run(Math.Min(stressEnd, otherEnd));
            LeverRun high = runner.Run(Math.Max(stressEnd, otherEnd));
            throw NoRoot(runner, condition, low, high, low.Value, high.Value);
        }

        return Brent(runner, condition, kind, found.Below, found.Above);
    }

    /// <summary>The first pair of consecutive walk points over which the objective changes sign (for an indicator:
    /// from not holding to holding), or null when none does up to <paramref name="end"/>.</summary>
    static (LeverRun Below, LeverRun Above)? Walk(LeverRunner runner, SolveCondition condition, LeverRun from, double end)
    {
        double start = from.Value;
        double sign = Math.Sign(condition.Objective(from));
        LeverRun previous = from;
        for (int k = 1; ; k++)
        {
            double step = (end - start) * (Math.Pow(2, k) - 1) / FirstStepDivisor;
            bool last = Math.Abs(step) >= Math.Abs(end - start);
            LeverRun run = runner.Run(last ? end : start + step);
            double f = condition.Objective(run);
            if (condition.IsIndicator ? f > 0 : Math.Sign(f) != sign)
            {
                return (previous, run);
            }

            if (last)
            {
                return null;
            }

            previous = run;
        }
    }

    static SolveResult Bisect(LeverRunner runner, SolveCondition condition, string kind, LeverRun notHolding, LeverRun holding)
    {
        int iterations = 0;
        while (Math.Abs(holding.Value - notHolding.Value) > Tolerance)
        {
            iterations++;
            LeverRun mid = runner.Run(0.5 * (holding.Value + notHolding.Value));
            if (condition.Objective(mid) > 0)
            {
                holding = mid;
            }
            else
            {
                notHolding = mid;
            }
        }

        return Result(runner, condition, kind, holding, $"bisection on the indicator ({iterations} halvings)", notHolding);
    }

    static SolveResult Brent(LeverRunner runner, SolveCondition condition, string kind, LeverRun a, LeverRun b)
    {
        double Objective(double x) => condition.Objective(runner.Run(x));
        double lo = Math.Min(a.Value, b.Value);
        double hi = Math.Max(a.Value, b.Value);
        if (!MathNet.Numerics.RootFinding.Brent.TryFindRoot(Objective, lo, hi, Tolerance * 1e-3, 200, out double root))
        {
            // Brent keeps a bracket, so failing means a jump it could not close in 200 steps: the nearer end of the
            // bracket is then the best there is, and the objective printed shows the jump.
            root = Math.Abs(condition.Objective(a)) <= Math.Abs(condition.Objective(b)) ? a.Value : b.Value;
        }

        return Result(runner, condition, kind, runner.Run(root), "Brent", null);
    }

    static SolveResult Result(LeverRunner runner, SolveCondition condition, string kind, LeverRun at, string method, LeverRun? notHolding) =>
        new(kind, runner.Lever.Text, runner.Scenario.Name, at.Value, runner.Lever.Format(at.Value), runner.Lever.Unit, condition.Text,
            condition.Objective(at), condition.Describe(at), notHolding is null ? null : runner.Lever.Format(notHolding.Value),
            notHolding is null ? null : condition.Describe(notHolding), runner.Evaluations, method, Tolerance);

    static NoSolutionException NoRoot(LeverRunner runner, SolveCondition condition, LeverRun a, LeverRun b, double lo, double hi)
    {
        Lever lever = runner.Lever;
        string what = condition.IsIndicator ? "never holds" : "is not reached";
        return new NoSolutionException(
            $"'{condition.Text}' {what} for {lever.Text} from {lever.Format(lo)} to {lever.Format(hi)} (scenario {runner.Scenario.Name}): " +
            $"at {lever.Format(a.Value)} {condition.Describe(a)}, at {lever.Format(b.Value)} {condition.Describe(b)}");
    }
}

/// <summary>A solver's answer (docs/cli.md, "solve").</summary>
/// <param name="Kind"><c>break-even</c>, <c>hurdle</c> or <c>fair spread</c>.</param>
/// <param name="Value">The lever's value at the root, as a fraction or factor.</param>
/// <param name="ValueText">The same with its unit (<c>8.1234% per year</c>, <c>0.8731x</c>).</param>
/// <param name="Objective">The objective at the root: 1 for a condition that holds, else the figure less the target.</param>
/// <param name="Figure">The figure at the root as a user reads it (<c>principal loss 1,234.00</c>, <c>IRR 10%</c>).</param>
/// <param name="Below">For a break-even, the lever a tolerance short of the root (the condition does not hold there).</param>
/// <param name="BelowFigure">The figure there.</param>
/// <param name="Evaluations">Runs of the deal, the bracket's walk included.</param>
public sealed record SolveResult(
    string Kind,
    string Lever,
    string Scenario,
    double Value,
    string ValueText,
    string Unit,
    string Condition,
    double Objective,
    string Figure,
    string? Below,
    string? BelowFigure,
    int Evaluations,
    string Method,
    double Tolerance);
