using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// A Monte Carlo objective (docs/language.md §12, "Solvers"): at each lever value the same N paths are run
/// (<see cref="MonteCarloLeverRunner"/>, common random numbers) and the condition read as an estimate over them:
/// <list type="bullet">
/// <item><c>T loss = X%</c>: the expected loss, the mean over the paths where principal was funded of the tranche's
/// principal loss over the principal funded, less X;</item>
/// <item><c>G holders loss = X%</c> / <c>G holders irr = R</c>: the same over a guaranteed tranche's holders' figures
/// (<see cref="PathFigures.HoldersLossShare"/>, <see cref="PathFigures.HoldersIrr"/>), the Monte Carlo report's holders'
/// expected loss and IRR mean;</item>
/// <item><c>T irr = R</c> / <c>E irr = R</c>: the mean over the paths with an IRR (a total loss is −100%:
/// <see cref="Analytics.InvestorIrr"/>) of the IRR, less R;</item>
/// <item><c>T loses principal</c> / <c>T misses interest</c> with a probability p: the share of paths on which it
/// happens (a loss, or some period's interest shortfall, of <see cref="SolveCondition.MoneyTolerance"/> or more); the
/// condition holds where that share reaches p. <c>G holders lose principal</c> / <c>G holders miss interest</c>: the
/// same over a guaranteed tranche's holders' principal loss and per-period interest shortfall
/// (<see cref="PathFigures.HoldersLoss"/>, <see cref="HeldTranche.LargestInterestShortfall"/>).</item>
/// </list>
/// The first three are the Monte Carlo report's expected loss (% of principal), IRR mean and P(principal loss), over
/// the same paths; <c>T misses interest</c> (a shortfall in some period, even if paid later) is not its P(interest
/// shortfall), which counts interest still unpaid at the end.
/// Each estimate comes with its standard error s / √N (s the paths' sample standard deviation, over N − 1); under
/// <c>antithetic</c>, over the mirrored pairs as the Monte Carlo report's (docs/language.md, "Under antithetic"). The
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
        : condition.Text switch { var t when condition is LossTarget or HoldersLossTarget => $"expected {t}", var t => $"mean {t}" };

    public bool IsIndicator => condition.IsIndicator;

    public int Evaluations => runner.Evaluations;

    public LeverPoint At(double value)
    {
        runner.Run(value, Read);
        (double mean, double se, int over) = MeanAndError(values, runner.MirroredPairs);
        string estimate = over == runner.Paths
            ? $"{SolveCondition.Rate(mean)} ± {SolveCondition.Rate(se)} (s.e., {runner.Paths:#,##0} {(runner.Paths == 1 ? "path" : "paths")})"
            : $"{SolveCondition.Rate(mean)} ± {SolveCondition.Rate(se)} (s.e., over the {over:#,##0} of {runner.Paths:#,##0} paths {Defined})";
        return condition switch
        {
            LosesPrincipal => new(value, mean >= probability ? 1 : 0, $"P(principal loss) {estimate}", mean, se),
            MissesInterest => new(value, mean >= probability ? 1 : 0, $"P(missed interest) {estimate}", mean, se),
            HoldersLosePrincipal => new(value, mean >= probability ? 1 : 0, $"P(holders' principal loss) {estimate}", mean, se),
            HoldersMissInterest => new(value, mean >= probability ? 1 : 0, $"P(holders' missed interest) {estimate}", mean, se),
            LossTarget t => new(value, mean - t.Target, $"expected loss {estimate}", mean, se),
            IrrTarget t => new(value, mean - t.Target, $"mean IRR {estimate}", mean, se),
            HoldersLossTarget t => new(value, mean - t.Target, $"holders' expected loss {estimate}", mean, se),
            HoldersIrrTarget t => new(value, mean - t.Target, $"holders' mean IRR {estimate}", mean, se),
            _ => throw new InvalidOperationException($"No Monte Carlo reading of '{condition.Text}'."),
        };
    }

    /// <summary>One path's value of the condition's figure, stored at its index.</summary>
    void Read(int path, RunResult result, PathInputs inputs, PathFigures figures)
    {
        values[path] = condition switch
        {
            LosesPrincipal c => figures.Loss[c.Tranche] >= SolveCondition.MoneyTolerance ? 1 : 0,
            MissesInterest c => LargestShortfall(result, c.Tranche) >= SolveCondition.MoneyTolerance ? 1 : 0,
            HoldersLosePrincipal c => figures.HoldersLoss[c.Held] >= SolveCondition.MoneyTolerance ? 1 : 0,
            HoldersMissInterest c => figures.Held[c.Held].LargestInterestShortfall(result, Math.Clamp(result.PeriodsRun, 0, figures.Deal.Periods)) >= SolveCondition.MoneyTolerance ? 1 : 0,
            LossTarget c => figures.LossShare[c.Tranche], // NaN where nothing was funded: not in the mean
            IrrTarget c => c.Equity ? figures.EquityIrr[c.Index] : figures.Irr[c.Index], // NaN without an IRR: not in the mean
            HoldersLossTarget c => figures.HoldersLossShare[c.Held], // as LossTarget's, the holders' loss
            HoldersIrrTarget c => figures.HoldersIrr[c.Held],
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

    /// <summary>Which paths a mean over fewer than all of them is over, as the Monte Carlo report counts them.</summary>
    string Defined => condition is LossTarget or HoldersLossTarget ? "where principal was funded" : "with an IRR";

    /// <summary>The mean of the values of <paramref name="x"/> that are numbers, its standard error s / √n (s over
    /// n − 1; NaN for one value) and n, the values it is over: a path whose figure is not defined (NaN: no IRR,
    /// nothing funded) is left out, as the Monte Carlo report leaves it out of its means. Summed in index order (two
    /// passes, so the variance does not cancel); the mean is NaN when no value is a number.</summary>
    public static (double Mean, double StdError, int Count) MeanAndError(ReadOnlySpan<double> x)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        double mean = sum / n;
        double squares = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        return (mean, n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.NaN, n);
    }

    /// <summary>
    /// <see cref="MeanAndError(ReadOnlySpan{double})"/>'s mean, with, when <paramref name="mirroredPairs"/>, the standard
    /// error over the m = ⌈N/2⌉ mirrored pairs (paths 2k and 2k + 1; an odd run's last path a pair of one), which are
    /// independent where the paths are not: the mean is a ratio R = Σa / Σb, a_k the pair's defined values summed and
    /// b_k how many it has, and its error the delta method's √(Σ(a_k − R b_k)² / (m (m − 1))) / b̄, b̄ = Σb / m (for a
    /// mean over every path, s_y / (2√m), s_y the pair sums' deviation): the Monte Carlo report's rule
    /// (docs/language.md, "Under antithetic"). NaN when fewer than two pairs have a defined value.
    /// </summary>
    public static (double Mean, double StdError, int Count) MeanAndError(ReadOnlySpan<double> x, bool mirroredPairs)
    {
        (double mean, double se, int n) = MeanAndError(x);
        if (!mirroredPairs || n == 0)
        {
            return (mean, se, n);
        }

        int pairs = (x.Length + 1) / 2;
        int pairsWith = 0;
        double spread = 0;
        for (int k = 0; k < pairs; k++)
        {
            double a = 0;
            int b = 0;
            for (int i = 2 * k; i < Math.Min(2 * k + 2, x.Length); i++)
            {
                if (!double.IsNaN(x[i]))
                {
                    a += x[i];
                    b++;
                }
            }

            pairsWith += b > 0 ? 1 : 0;
            double d = a - (mean * b);
            spread += d * d;
        }

        double perPair = n / (double)pairs;
        return (mean, pairs > 1 && pairsWith > 1 ? Math.Sqrt(spread / ((double)pairs * (pairs - 1))) / perPair : double.NaN, n);
    }
}
