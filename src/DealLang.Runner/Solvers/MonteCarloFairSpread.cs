using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// A tranche's fair spread under a stochastic scenario (docs/language.md §12, "Solvers"): the spread <c>s</c> at which
/// the mean over the N paths of the discounted flows equals the price,
/// <code>
///   (1/N) Σ_paths Σ_t (I_t + P_t − p × D_t) × DF_t(s) = p × B_0,    DF_t(s) = Π_{k ≤ t} 1 / (1 + (r_k + s) × τ_k)
/// </code>
/// each path with its own flows and, over an index curve, its own (drawn) rates. The spread does not change the flows,
/// so the paths run once (the flows kept per path) and <see cref="FairSpread.Solve(Func{double, double}, double)"/>
/// finds s on the mean; the objective at the root carries the standard error of the paths' values there.
/// </summary>
public static class MonteCarloFairSpread
{
    public static SolveResult Of(MonteCarloLeverRunner runner, int tranche, int? curveIndex, double flatRate, string curveText)
    {
        ArgumentNullException.ThrowIfNull(runner);
        DealDescription deal = runner.Deal;
        int n = deal.Periods;
        TrancheInfo info = deal.Tranches[tranche];
        double[] years = PeriodYears.FromClosing(deal, n);
        var tau = new double[n];
        for (int t = 0; t < n; t++)
        {
            tau[t] = years[t] - (t == 0 ? 0 : years[t - 1]);
        }

        // Per path: its flows and its curve's rates, period by period (zero flows after a path stops early).
        var flows = new double[runner.Paths][];
        var rates = new double[runner.Paths][];
        runner.Run(runner.Lever.Start, (path, result, inputs, _) =>
        {
            var f = new double[n];
            for (int t = 0; t < Math.Clamp(result.PeriodsRun, 0, n); t++)
            {
                f[t] = result.InterestPaid[tranche][t] + result.PrincipalPaid[tranche][t] - (info.IssuePrice * result.TrancheDrawn[tranche][t]);
            }

            flows[path] = f;
            rates[path] = curveIndex is { } index ? inputs.IndexLevel[index][..n] : [];
        });

        double price = info.IssuePrice * info.Balance;
        if (price == 0 && flows.All(f => f.All(x => x == 0)))
        {
            throw new NoSolutionException($"tranche {info.Name} has no flows on any path of scenario {runner.Scenario.Name}: nothing to price");
        }

        double[] flat = [.. Enumerable.Repeat(flatRate, n)];
        var value = new double[runner.Paths];
        double Values(double s)
        {
            for (int p = 0; p < value.Length; p++)
            {
                value[p] = FairSpread.Excess(s, tau, curveIndex is null ? flat : rates[p], flows[p], 0);
            }

            return MonteCarloProblem.MeanAndError(value).Mean;
        }

        (double spread, int evaluations) = FairSpread.Solve(s => Values(s) - price, price);

        // The spread's own standard error, which a user quoting it needs beside the value's (in money): the root s of
        // V̄(s) = price moves with the mean value's error by the delta method, SE(s) = SE(V̄(s)) / |V̄′(s)|, the slope by a
        // central difference a tenth of a basis point either side (V̄ is smooth in s: a sum of discount factors).
        const double Step = 1e-5;
        double slope = (Values(spread + Step) - Values(spread - Step)) / (2 * Step);
        double mean = Values(spread);
        (_, double se, _) = MonteCarloProblem.MeanAndError(value, runner.MirroredPairs);
        double spreadError = se / Math.Abs(slope);
        return new SolveResult("fair spread", info.Name, runner.Scenario.Name, spread, SolveCondition.Rate(spread), "%",
            $"mean discounted flows = {info.IssuePrice * 100:0.####}% of the funded principal over {curveText}", mean - price,
            // One path (or, under antithetic, one mirrored pair) has no standard error: n/a, as the other objectives
            // print it (MonteCarloProblem), where the money format printed 'USD NaN'.
            $"mean value less the price {SolveCondition.Money(deal.Currency, mean - price)} ± {(double.IsNaN(se) ? "n/a" : SolveCondition.Money(deal.Currency, se))} (s.e., {runner.Paths:#,##0} {(runner.Paths == 1 ? "path" : "paths")})",
            null, null, evaluations, "Brent on the paths' mean", 1e-12)
        {
            ObjectiveUnit = SolveResult.SpreadUnit(deal.Currency),
            Estimate = mean - price,
            StandardError = se,
            ValueStandardError = double.IsFinite(spreadError) ? spreadError : double.NaN,
            Paths = runner.Paths,
            Seed = runner.Seed,
        };
    }
}
