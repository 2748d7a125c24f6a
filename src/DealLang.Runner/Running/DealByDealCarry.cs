using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// A deal-by-deal ("American") carry with a GP clawback (docs/language.md §5 "Deal-by-deal carry"): the LP
/// class's capital is spread over the fund's holdings by their weights, each period's distributions by what each
/// holding paid the fund that period, and each holding's stream runs its own <see cref="CarrySplit"/>, so the GP
/// takes carry on a holding that has returned its capital and hurdle whatever the others do. At the end the GP
/// returns to the LPs what it took above the whole-fund ("European") carry on the same terms: the clawback.
/// </summary>
static class DealByDealCarry
{
    /// <param name="weights">Per holding, its share of the capital (summing to 1).</param>
    /// <param name="attribution">Per holding, per period, its share of that period's distributions (summing to 1).</param>
    public static (double[] Lps, double[] Gp, double Clawback) Split(CarryTerms terms, double contributed, ReadOnlySpan<CarrySplit.Call> calls,
        double[] distributions, double[]? injections, double[] years, int periods, double[] weights, double[][] attribution)
    {
        var lps = new double[periods];
        var gp = new double[periods];
        var stream = new double[periods];
        var streamIn = injections is null ? null : new double[periods];
        var streamCalls = new CarrySplit.Call[calls.Length];
        for (int h = 0; h < weights.Length; h++)
        {
            double w = weights[h];
            for (int t = 0; t < periods; t++)
            {
                stream[t] = attribution[h][t] * distributions[t];
                if (streamIn is not null)
                {
                    streamIn[t] = w * injections![t];
                }
            }

            for (int j = 0; j < calls.Length; j++)
            {
                streamCalls[j] = calls[j] with { Amount = w * calls[j].Amount };
            }

            (double[] lp, double[] g) = CarrySplit.Split(terms, w * contributed, streamCalls, stream, streamIn, years, periods);
            for (int t = 0; t < periods; t++)
            {
                lps[t] += lp[t];
                gp[t] += g[t];
            }
        }

        // the clawback: what the GP took above its whole-fund entitlement goes back to the LPs at the end
        (_, double[] whole) = CarrySplit.Split(terms, contributed, calls, distributions, injections, years, periods);
        double clawback = Math.Max(0.0, PeriodYears.Sum(gp, periods) - PeriodYears.Sum(whole, periods));
        if (periods > 0 && clawback > 0)
        {
            gp[periods - 1] -= clawback;
            lps[periods - 1] += clawback;
        }

        return (lps, gp, clawback);
    }

    /// <summary>The holdings' weights, each its par at the closing (a tranche holding's share × face; an equity
    /// holding's par at the first period's end, its share of the contribution unless lost by then), and each
    /// period's attribution, what each holding paid the fund that period over what all paid (the weights in a
    /// period none paid).</summary>
    public static (double[] Weights, double[][] Attribution) Allocation(DealDescription deal, PathInputs? inputs, int periods)
    {
        int n = deal.Holdings.Length;
        var weights = new double[n];
        double total = 0;
        for (int h = 0; h < n; h++)
        {
            HoldingInfo info = deal.Holdings[h];
            weights[h] = !info.Equity ? info.Share * info.Face : inputs is not null && periods > 0 ? inputs.HoldingPar[h][0] : 0.0;
            total += weights[h];
        }

        for (int h = 0; h < n; h++)
        {
            weights[h] = total > 0 ? weights[h] / total : 1.0 / n;
        }

        var attribution = new double[n][];
        for (int h = 0; h < n; h++)
        {
            attribution[h] = new double[periods];
        }

        for (int t = 0; t < periods; t++)
        {
            double paid = 0;
            for (int h = 0; h < n && inputs is not null; h++)
            {
                paid += inputs.HoldingReceipts[h][t];
            }

            for (int h = 0; h < n; h++)
            {
                attribution[h][t] = paid > 0 ? inputs!.HoldingReceipts[h][t] / paid : weights[h];
            }
        }

        return (weights, attribution);
    }
}
