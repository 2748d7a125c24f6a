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
/// bracket widened from [0%, 5%] by doubling, within [−50%, 500%].
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

    /// <summary>Solves for s; throws <see cref="NoSolutionException"/> when no s in the range prices the flows.</summary>
    public static (double Spread, int Evaluations) Solve(double[] tau, double[] rate, double[] flows, double price)
    {
        int evaluations = 0;
        double F(double s)
        {
            evaluations++;
            return Excess(s, tau, rate, flows, price);
        }

        double lo = 0, hi = 0.05;
        double flo = F(lo), fhi = F(hi);
        while (Math.Sign(flo) == Math.Sign(fhi) && flo != 0 && (lo > LowestSpread || hi < HighestSpread))
        {
            // Widen on the side the root lies: the value above the price means a higher spread.
            if (fhi > 0)
            {
                lo = hi;
                flo = fhi;
                hi = Math.Min(HighestSpread, hi * 2);
                fhi = F(hi);
            }
            else
            {
                hi = lo;
                fhi = flo;
                lo = Math.Max(LowestSpread, lo == 0 ? -0.05 : lo * 2);
                flo = F(lo);
            }
        }

        if (flo == 0)
        {
            return (lo, evaluations);
        }

        if (Math.Sign(flo) == Math.Sign(fhi))
        {
            throw new NoSolutionException(
                $"no spread from {LowestSpread * 100:0}% to {HighestSpread * 100:0}% prices the tranche's flows at {price:#,##0.00}: " +
                $"the value less the price is {Excess(LowestSpread, tau, rate, flows, price):#,##0.00} at {LowestSpread * 100:0}% " +
                $"and {Excess(HighestSpread, tau, rate, flows, price):#,##0.00} at {HighestSpread * 100:0}%");
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
            $"IRR {SolveCondition.Rate(run.Tranches[tranche].Irr)}", null, null, evaluations, "Brent", 1e-12);
    }
}
