using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// A tranche's fair spread, its discount margin (docs/language.md §12, "Solvers"): the spread <c>s</c> over a
/// discount curve at which the present value of what the lender receives, less what it funds, is what it paid at
/// closing:
/// <code>
///   Σ_t (I_t + P_t − p × D_t) × DF_t(s) = p × B_0,    DF_t(s) = Π_{k ≤ t} 1 / (1 + (r_k + s) × τ_k)
/// </code>
/// with I_t, P_t the interest and principal received at the end of period t, D_t the draws funded then, p the issue
/// price, B_0 the balance at closing, τ_k period k's ACT/365F years and r_k the curve's rate for period k: a flat
/// rate (<c>--curve 4.5%</c>) or a rate index of the deal, read at the period's start under the scenario. The
/// left side falls as s rises (for flows that are positive after the draws), so MathNet's Brent finds s on a
/// bracket found by walking a fixed list of spreads from 0% (up to 500%, down to −50%).
/// </summary>
public static class FairSpread
{
    public const double LowestSpread = -0.5;
    public const double HighestSpread = 5.0;

    /// <summary>The present value less the price at spread <paramref name="s"/>.</summary>
    public static double Excess(double s, ReadOnlySpan<double> tau, ReadOnlySpan<double> rate, ReadOnlySpan<double> flows, double price)
    {
        double df = 1;
        double pv = 0;
        for (int t = 0; t < flows.Length; t++)
        {
            df /= 1 + ((rate[t] + s) * tau[t]);
            pv += flows[t] * df;
        }

        return pv - price;
    }

    /// <summary>The spreads the bracket search tries, from 0% upward (the root lies above when the value at 0% is
    /// above the price) and downward: a fixed, finite list, so the search ends after at most 9 evaluations.</summary>
    static readonly double[] Upward = [0.0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, HighestSpread];

    static readonly double[] Downward = [0.0, -0.05, -0.1, -0.2, -0.4, LowestSpread];

    /// <summary>Solves for s; throws <see cref="NoSolutionException"/> when no s in the range prices the flows.</summary>
    public static (double Spread, int Evaluations) Solve(double[] tau, double[] rate, double[] flows, double price) =>
        Solve(s => Excess(s, tau, rate, flows, price), price);

    /// <summary>
    /// Solves <c>excess(s) = 0</c> for s in [−50%, 500%], <paramref name="excess"/> the value less the price
    /// <paramref name="price"/> (named in messages): the sign at 0% says which way the root lies; the walk then tries
    /// the fixed points of <see cref="Upward"/> or <see cref="Downward"/> in turn until the sign changes (at most 8 more
    /// evaluations: the list ends, so the walk does), and Brent (at most 200 iterations) closes the bracket. A value
    /// that is not a number (NaN, infinite) anywhere on the walk is a <see cref="NoSolutionException"/>.
    /// </summary>
    public static (double Spread, int Evaluations) Solve(Func<double, double> excess, double price)
    {
        ArgumentNullException.ThrowIfNull(excess);
        int evaluations = 0;
        double F(double s)
        {
            evaluations++;
            double f = excess(s);
            return double.IsFinite(f)
                ? f
                : throw new NoSolutionException($"the value less the price is not a number at a spread of {s * 100:0.####}%: the flows cannot be priced");
        }

        double f0 = F(0);
        if (f0 == 0)
        {
            return (0, evaluations);
        }

        // The value above the price means a higher spread, below it a lower one.
        double[] walk = f0 > 0 ? Upward : Downward;
        double lo = 0, flo = f0, hi = 0, fhi = f0;
        bool bracketed = false;
        for (int i = 1; i < walk.Length && !bracketed; i++)
        {
            double s = walk[i], f = F(s);
            if (f == 0)
            {
                return (s, evaluations);
            }

            (lo, flo, hi, fhi) = f0 > 0 ? (hi, fhi, s, f) : (s, f, lo, flo);
            bracketed = Math.Sign(flo) != Math.Sign(fhi);
        }

        if (!bracketed)
        {
            throw new NoSolutionException(
                $"no spread from {LowestSpread * 100:0}% to {HighestSpread * 100:0}% prices the tranche's flows at {price:#,##0.00}: " +
                $"the value less the price is {excess(LowestSpread):#,##0.00} at {LowestSpread * 100:0}% " +
                $"and {excess(HighestSpread):#,##0.00} at {HighestSpread * 100:0}%");
        }

        if (!MathNet.Numerics.RootFinding.Brent.TryFindRoot(F, lo, hi, 1e-12, 200, out double root))
        {
            throw new NoSolutionException($"the fair spread did not converge between {lo * 100:0.####}% and {hi * 100:0.####}%");
        }

        return (root, evaluations);
    }

    /// <summary>The fair spread of tranche <paramref name="tranche"/> in one run of the scenario, over the flat rate
    /// <paramref name="flatRate"/> or, when <paramref name="curveIndex"/> is given, that index's levels in the run.</summary>
    public static SolveResult Of(LeverRunner runner, int tranche, int? curveIndex, double flatRate, string curveText)
    {
        ArgumentNullException.ThrowIfNull(runner);
        DealDescription deal = runner.Deal;
        LeverRun run = runner.Run(runner.Lever.Start);
        double[] curve = curveIndex is { } index ? runner.IndexLevels(index) : [.. Enumerable.Repeat(flatRate, deal.Periods)];
        TrancheInfo info = deal.Tranches[tranche];
        TrancheFlows f = run.Flows[tranche];
        int n = run.PeriodsRun;
        double[] years = PeriodYears.FromClosing(deal, n);
        var tau = new double[n];
        var flows = new double[n];
        for (int t = 0; t < n; t++)
        {
            tau[t] = years[t] - (t == 0 ? 0 : years[t - 1]);
            flows[t] = f.Interest[t] + f.Principal[t] - (info.IssuePrice * f.Drawn[t]);
        }

        double price = info.IssuePrice * info.Balance;
        if (flows.All(x => x == 0) && price == 0)
        {
            throw new NoSolutionException($"tranche {info.Name} has no flows under scenario {runner.Scenario.Name}: nothing to price");
        }

        (double spread, int evaluations) = Solve(tau, curve.AsSpan(0, n).ToArray(), flows, price);
        return new SolveResult("fair spread", info.Name, runner.Scenario.Name, spread, SolveCondition.Rate(spread), "%",
            $"discounted flows = {info.IssuePrice * 100:0.####}% of the funded principal over {curveText}", Excess(spread, tau, curve, flows, price),
            $"IRR {SolveCondition.Rate(run.Tranches[tranche].Irr)}", null, null, evaluations, "Brent", 1e-12)
        {
            ObjectiveUnit = SolveResult.SpreadUnit(deal.Currency),
        };
    }
}
