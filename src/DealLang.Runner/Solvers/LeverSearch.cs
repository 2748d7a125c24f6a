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
/// condition stops holding again at a worse stress, the answer is still the least stress at which it first holds.
/// On a growth lever (<see cref="Lever.SearchesUnstressedSide"/>) a condition that holds at the start is walked the
/// other way, to the first point where it stops holding, and bisected alike: the answer is the least stressed value at
/// which it still holds;</item>
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

    /// <summary>The walk's most points: 2^9 − 1 = 511 ≥ 256 steps reach the end, so k = 9 is the end itself.</summary>
    public const int MostWalkPoints = 9;

    /// <summary>The most halvings of the indicator's bisection: a lever's range is at most 10 wide, and 10 / 2^24 is
    /// already below <see cref="Tolerance"/>; the cap only guards against a bracket whose ends stop moving.</summary>
    public const int MostHalvings = 64;

    /// <summary>The most iterations of Brent's method.</summary>
    public const int MostBrentIterations = 200;

    /// <summary>
    /// Solves <paramref name="problem"/>: every step is bounded (at most 2 × <see cref="MostWalkPoints"/> walk points,
    /// <see cref="MostHalvings"/> halvings or <see cref="MostBrentIterations"/> Brent iterations, and a run at the
    /// root), so the search always ends; an objective that is not a number is a <see cref="NoSolutionException"/>.
    /// </summary>
    public static SolveResult Solve(ILeverProblem problem, string kind)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Lever lever = problem.Lever;
        double start = lever.Start;
        double stressEnd = lever.StressUp ? lever.Highest : lever.Lowest;
        LeverPoint atStart = At(problem, start);
        if (problem.IsIndicator)
        {
            if (atStart.Objective > 0 && lever.SearchesUnstressedSide)
            {
                // A growth lever's condition already holding at 0% growth: its threshold is a growth, found walking
                // the other way to the first point where it no longer holds (the answer is still where it holds).
                double unstressedEnd = lever.StressUp ? lever.Lowest : lever.Highest;
                (LeverPoint held, LeverPoint cleared) = Walk(problem, atStart, unstressedEnd, untilCleared: true)
                    ?? throw HoldsThroughout(problem, atStart, At(problem, unstressedEnd));
                return Bisect(problem, kind, cleared, held);
            }

            if (atStart.Objective > 0)
            {
                throw new NoSolutionException(
                    $"'{problem.Condition}' already holds at {lever.Text} {lever.Format(start)}, the unstressed end of the search " +
                    $"({atStart.Figure}); there is no break-even to find");
            }

            (LeverPoint below, LeverPoint above) = Walk(problem, atStart, stressEnd)
                ?? throw NoRoot(problem, atStart, At(problem, stressEnd), start, stressEnd);
            return Bisect(problem, kind, below, above);
        }

        if (atStart.Objective == 0)
        {
            return Result(problem, kind, atStart, "Brent", null);
        }

        double otherEnd = lever.StressUp ? lever.Lowest : lever.Highest;
        var bracket = Walk(problem, atStart, stressEnd);
        if (bracket is null && otherEnd != start)
        {
            bracket = Walk(problem, atStart, otherEnd);
        }

        if (bracket is not { } found)
        {
            LeverPoint low = At(problem, Math.Min(stressEnd, otherEnd));
            LeverPoint high = At(problem, Math.Max(stressEnd, otherEnd));
            throw NoRoot(problem, low, high, low.Value, high.Value);
        }

        return Brent(problem, kind, found.Below, found.Above);
    }

    /// <summary>The objective at <paramref name="value"/>; not a number is no solution (Math.Sign would throw, and
    /// no bracket can hold a NaN).</summary>
    static LeverPoint At(ILeverProblem problem, double value)
    {
        LeverPoint point = problem.At(value);
        return double.IsNaN(point.Objective)
            ? throw new NoSolutionException(
                $"'{problem.Condition}' has no value at {problem.Lever.Text} {problem.Lever.Format(value)} ({point.Figure}): the search cannot go on")
            : point;
    }

    /// <summary>The first pair of consecutive walk points over which the objective changes sign (for an indicator:
    /// from not holding to holding, or with <paramref name="untilCleared"/> from holding to not holding), or null when none does up to <paramref name="end"/>. At most
    /// <see cref="MostWalkPoints"/> points: the k-th is <c>start + (end − start)(2^k − 1)/256</c>, the 9th past the end,
    /// so clamped to it, and the loop stops there.</summary>
    static (LeverPoint Below, LeverPoint Above)? Walk(ILeverProblem problem, LeverPoint from, double end, bool untilCleared = false)
    {
        double start = from.Value;
        double sign = Math.Sign(from.Objective);
        LeverPoint previous = from;
        for (int k = 1; k <= MostWalkPoints; k++)
        {
            double step = (end - start) * (Math.Pow(2, k) - 1) / FirstStepDivisor;
            bool last = k == MostWalkPoints || Math.Abs(step) >= Math.Abs(end - start);
            LeverPoint point = At(problem, last ? end : start + step);
            if (untilCleared ? point.Objective <= 0 : problem.IsIndicator ? point.Objective > 0 : Math.Sign(point.Objective) != sign)
            {
                return (previous, point);
            }

            if (last)
            {
                return null;
            }

            previous = point;
        }

        return null;
    }

    /// <summary>Halves the bracket until its ends are <see cref="Tolerance"/> apart: at most
    /// <see cref="MostHalvings"/> halvings, and it stops early if the midpoint is one of the ends (no double lies
    /// between them).</summary>
    static SolveResult Bisect(ILeverProblem problem, string kind, LeverPoint notHolding, LeverPoint holding)
    {
        int iterations = 0;
        while (Math.Abs(holding.Value - notHolding.Value) > Tolerance && iterations < MostHalvings)
        {
            double middle = 0.5 * (holding.Value + notHolding.Value);
            if (middle == holding.Value || middle == notHolding.Value)
            {
                break;
            }

            iterations++;
            LeverPoint mid = At(problem, middle);
            if (mid.Objective > 0)
            {
                holding = mid;
            }
            else
            {
                notHolding = mid;
            }
        }

        return Result(problem, kind, holding, $"bisection on the indicator ({iterations} halvings)", notHolding);
    }

    static SolveResult Brent(ILeverProblem problem, string kind, LeverPoint a, LeverPoint b)
    {
        double Objective(double x) => At(problem, x).Objective;
        double lo = Math.Min(a.Value, b.Value);
        double hi = Math.Max(a.Value, b.Value);
        if (!MathNet.Numerics.RootFinding.Brent.TryFindRoot(Objective, lo, hi, Tolerance * 1e-3, MostBrentIterations, out double root))
        {
            // Brent keeps a bracket, so failing means a jump it could not close in 200 steps: the nearer end of the
            // bracket is then the best there is, and the objective printed shows the jump.
            root = Math.Abs(a.Objective) <= Math.Abs(b.Objective) ? a.Value : b.Value;
        }

        return Result(problem, kind, At(problem, root), "Brent", null);
    }

    static SolveResult Result(ILeverProblem problem, string kind, LeverPoint at, string method, LeverPoint? notHolding) =>
        new(kind, problem.Lever.Text, problem.Scenario, at.Value, problem.Lever.Format(at.Value), problem.Lever.Unit, problem.Condition,
            at.Objective, at.Figure, notHolding is null ? null : problem.Lever.Format(notHolding.Value),
            notHolding?.Figure, problem.Evaluations, method, Tolerance)
        {
            Estimate = at.Estimate,
            StandardError = at.StandardError,
            ObjectiveUnit = problem.IsIndicator ? SolveResult.IndicatorUnit : SolveResult.TargetUnit,
        };

    static NoSolutionException NoRoot(ILeverProblem problem, LeverPoint a, LeverPoint b, double lo, double hi)
    {
        Lever lever = problem.Lever;
        string what = problem.IsIndicator ? "never holds" : "is not reached";
        return new NoSolutionException(
            $"'{problem.Condition}' {what} for {lever.Text} from {lever.Format(lo)} to {lever.Format(hi)} (scenario {problem.Scenario}): " +
            $"at {lever.Format(a.Value)} {a.Figure}, at {lever.Format(b.Value)} {b.Figure}" + Note(lever) + Unmoved(problem, a, b));
    }

    /// <summary>Where a target's figure is the same at both ends, bit for bit (the runs share their paths), the lever
    /// moved nothing the target reads, which a user searching it needs told: the two equal figures otherwise read as a
    /// range too narrow (tests/corpus/valid/026's Tenant, whose lease has no termination fee or RVG to recover). Not
    /// for a stop condition, whose no loss at both ends is the deal standing the stress.</summary>
    static string Unmoved(ILeverProblem problem, LeverPoint a, LeverPoint b) =>
        !problem.IsIndicator && a.Objective.Equals(b.Objective) && a.Figure == b.Figure
            ? $"; the figure is the same at both ends: {problem.Lever.Text} moves nothing it reads" + (problem.Lever.Reach is { } reach ? $" ({reach})" : "")
            : "";

    /// <summary>A growth lever's condition that holds from 0% to the range's unstressed end: no growth in the range
    /// clears it.</summary>
    static NoSolutionException HoldsThroughout(ILeverProblem problem, LeverPoint start, LeverPoint end)
    {
        Lever lever = problem.Lever;
        return new NoSolutionException(
            $"'{problem.Condition}' holds for {lever.Text} from {lever.Format(start.Value)} to {lever.Format(end.Value)} (scenario {problem.Scenario}), " +
            $"so no value in the range is a break-even: at {lever.Format(start.Value)} {start.Figure}, at {lever.Format(end.Value)} {end.Figure}");
    }

    static string Note(Lever lever) => lever.SignNote is { } note ? $" ({note})" : "";
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
    double Tolerance)
{
    /// <summary>Under Monte Carlo: the estimate the objective is about at the root (the mean loss share, the
    /// probability of a loss, the mean IRR, the mean discounted value less the price); null for a deterministic answer.</summary>
    public double? Estimate { get; init; }

    /// <summary>What the objective is counted in, as the report's row names it: a condition's 1 or 0, a target's figure
    /// less its target as a fraction (a loss share, an IRR: 0.01 is 1%), a fair spread's value less the price in money.</summary>
    public string ObjectiveUnit { get; init; } = TargetUnit;

    /// <summary>A stop condition's objective: 1 where it holds, 0 where not.</summary>
    public const string IndicatorUnit = "1 where the condition holds, 0 where not";

    /// <summary>A target's objective: the figure less the target, both fractions.</summary>
    public const string TargetUnit = "the figure less its target, as a fraction: 0.01 is 1%";

    /// <summary>A fair spread's objective: the discounted value less the price, in units of the deal's currency.</summary>
    public static string SpreadUnit(string currency) =>
        "the discounted value less the price, in " + (currency.Length > 0 ? currency : "units of the currency");

    /// <summary>Under Monte Carlo: the estimate's standard error, s / √N over the N paths.</summary>
    public double? StandardError { get; init; }

    /// <summary>Under Monte Carlo, for a fair spread: the spread's own standard error, the delta method's
    /// SE(value) / |d mean value / ds| at the root (docs/language.md, "Monte Carlo objectives"); null otherwise.</summary>
    public double? ValueStandardError { get; init; }

    /// <summary>Under Monte Carlo: the paths every evaluation ran (the same ones: common random numbers).</summary>
    public int? Paths { get; init; }

    /// <summary>Under Monte Carlo: the seed of the paths' streams.</summary>
    public ulong? Seed { get; init; }
}
