using System.Globalization;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// A Monte Carlo objective (docs/language.md §12, "Solvers"): at each lever value the same N paths are run
/// (<see cref="MonteCarloLeverRunner"/>, common random numbers) and the condition read as an estimate over them:
/// <list type="bullet">
/// <item><c>T loss = X%</c>: the expected loss, the mean over paths of the tranche's principal loss over the principal
/// funded (0 where nothing was funded), less X;</item>
/// <item><c>T irr = R</c> / <c>E irr = R</c>: the mean over paths of the IRR (a path without one counts as −100%), less R;</item>
/// <item><c>T loses principal</c> / <c>T misses interest</c> with a probability p: the share of paths on which it
/// happens (a loss, or some period's interest shortfall, above <see cref="SolveCondition.MoneyTolerance"/>); the
/// condition holds where that share reaches p.</item>
/// </list>
/// Each estimate comes with its standard error s / √N (s the paths' sample standard deviation, over N − 1). The
/// per-path values are kept by path index and summed in path order, so the answer is the same on any number of threads.
/// </summary>
public sealed class MonteCarloProblem : ILeverProblem
{
    readonly MonteCarloLeverRunner runner;
    readonly SolveCondition condition;
    readonly double probability;
    readonly double[] values;

    /// <param name="probability">For a stop condition: the probability at which it counts as holding; ignored for a target.</param>
    public MonteCarloProblem(MonteCarloLeverRunner runner, SolveCondition condition, double probability)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(condition);
        this.runner = runner;
        this.condition = condition;
        this.probability = probability;
        values = new double[runner.Paths];
    }

    public Lever Lever => runner.Lever;

    public string Scenario => runner.Scenario.Name;

    public string Condition => condition.IsIndicator
        ? $"P({condition.Text}) >= {SolveCondition.Rate(probability)}"
        : condition.Text switch { var t when condition is LossTarget => $"expected {t}", var t => $"mean {t}" };

    public bool IsIndicator => condition.IsIndicator;

    public int Evaluations => runner.Evaluations;

    public LeverPoint At(double value)
    {
        runner.Run(value, Read);
        (double mean, double se) = MeanAndError(values);
        string estimate = $"{Rate(mean)} ± {Rate(se)} (s.e., {runner.Paths:#,##0} paths)";
        return condition switch
        {
            LosesPrincipal => new(value, mean >= probability ? 1 : 0, $"P(principal loss) {estimate}", mean, se),
            MissesInterest => new(value, mean >= probability ? 1 : 0, $"P(interest shortfall) {estimate}", mean, se),
            LossTarget t => new(value, mean - t.Target, $"expected loss {estimate}", mean, se),
            IrrTarget t => new(value, mean - t.Target, $"mean IRR {estimate}", mean, se),
            _ => throw new InvalidOperationException($"No Monte Carlo reading of '{condition.Text}'."),
        };
    }

    /// <summary>One path's value of the condition's figure, stored at its index.</summary>
    void Read(int path, RunResult result, PathInputs inputs, PathFigures figures)
    {
        values[path] = condition switch
        {
            LosesPrincipal c => figures.Loss[c.Tranche] > SolveCondition.MoneyTolerance ? 1 : 0,
            MissesInterest c => LargestShortfall(result, c.Tranche) > SolveCondition.MoneyTolerance ? 1 : 0,
            LossTarget c => double.IsNaN(figures.LossShare[c.Tranche]) ? 0 : figures.LossShare[c.Tranche],
            IrrTarget c => SolveCondition.IrrOrFloor(c.Equity ? figures.EquityIrr[c.Index] : figures.Irr[c.Index]),
            _ => double.NaN,
        };
    }

    static double LargestShortfall(RunResult result, int tranche)
    {
        double largest = 0;
        double[] shortfall = result.InterestShortfall[tranche];
        for (int t = 0; t < Math.Min(result.PeriodsRun, shortfall.Length); t++)
        {
            largest = Math.Max(largest, shortfall[t]);
        }

        return largest;
    }

    /// <summary>The mean of <paramref name="x"/> and its standard error s / √n (s over n − 1; NaN for one value),
    /// summed in index order (two passes, so the variance does not cancel).</summary>
    public static (double Mean, double StdError) MeanAndError(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v;
        }

        double mean = sum / x.Length;
        double squares = 0;
        foreach (double v in x)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, x.Length > 1 ? Math.Sqrt(squares / (x.Length - 1) / x.Length) : double.NaN);
    }

    static string Rate(double r) => double.IsNaN(r) ? "n/a" : (r * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
