using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// A deal-by-deal ("American") carry with a GP clawback (docs/language.md §5 "Deal-by-deal carry"): the LP
/// class's capital is spread over the fund's holdings by their weights, except what the LPs were called for a
/// holding's draws, which is that holding's capital alone, as is what the fund's own cash paid of them: that cash is
/// the holdings' proceeds recycled, so it is counted as distributed from every holding's stream by what each paid the
/// fund that period and paid in again to the drawing holding. Each period's distributions (with that cash) are spread
/// by what each holding paid the fund that period, and each holding's stream runs its own <see cref="CarrySplit"/>, so
/// the GP takes carry on a holding that has returned its capital and hurdle whatever the others do; carry owed beyond
/// a period's cash distributions waits for later ones, without interest, and what is still owed at the end is not paid
/// (<see cref="Unpaid"/>). At the end the GP returns to the LPs what it was paid above the
/// whole-fund ("European") carry on the same terms: the clawback.
/// Buffers are made once for a deal's holdings, periods and calls, so a Monte Carlo path splits with no allocation
/// (<see cref="LpClassSplit"/>, <see cref="Simulation.PathFigures"/>). Not thread-safe.
/// </summary>
sealed class DealByDealCarry
{
    readonly double[] weights;
    readonly double[][] attribution;
    readonly double[] stream;
    readonly double[] streamIn;
    readonly double[] streamLps;
    readonly double[] streamGp;
    readonly double[] wholeLps;
    readonly double[] wholeGp;
    readonly CarrySplit.Call[] streamCalls;
    readonly double[]?[] drawCalls;
    readonly double[] drawCalled;
    readonly double[][] drawCash;
    readonly double[] recycled;

    /// <param name="holdings">The fund deal's holdings.</param>
    /// <param name="periods">The most periods a split covers (the deal's).</param>
    /// <param name="calls">The most dated capital calls a split has.</param>
    public DealByDealCarry(int holdings, int periods, int calls)
    {
        weights = new double[holdings];
        attribution = new double[holdings][];
        for (int h = 0; h < holdings; h++)
        {
            attribution[h] = new double[periods];
        }

        stream = new double[periods];
        streamIn = new double[periods];
        streamLps = new double[periods];
        streamGp = new double[periods];
        wholeLps = new double[periods];
        wholeGp = new double[periods];
        streamCalls = new CarrySplit.Call[calls];
        drawCalls = new double[holdings][];
        drawCalled = new double[periods];
        drawCash = new double[holdings][];
        for (int h = 0; h < holdings; h++)
        {
            drawCash[h] = new double[periods];
        }

        recycled = new double[periods];
    }

    /// <summary>
    /// Sets the holdings' weights, each its par at the closing (a tranche holding's share × face; an equity
    /// holding's par at the first period's end, its share of the contribution unless lost by then), and each
    /// period's attribution, what each holding paid the fund that period over what all paid (the weights in a
    /// period none paid): the allocation each of the fund's LP classes then splits over. What a holding paid is what
    /// the fund received of it: for a holding a sale step sells, the run's receipts on the share still held
    /// (<see cref="RunResult.HoldingReceived"/>), not the held entity's payments on the whole holding, which would
    /// keep attributing distributions to a holding the fund no longer owns. What equity <paramref name="equity"/>'s
    /// investors were called for a holding's draws (<see cref="RunResult.HoldingDrawCalled"/>) is kept per holding:
    /// capital contributed to that holding alone; so is what the fund's cash paid of them
    /// (<see cref="RunResult.HoldingDrawPaid"/> less the call), when that cash is this equity's: the equity called for
    /// the draws, or, none called, the deal's only equity.
    /// </summary>
    /// <param name="equity">The fund equity whose classes are split next (its index in the deal's equities).</param>
    public void Allocate(DealDescription deal, PathInputs? inputs, RunResult result, int periods, int equity)
    {
        Array.Clear(drawCalled);
        Array.Clear(recycled);
        for (int h = 0; h < deal.Holdings.Length; h++)
        {
            HoldingInfo drawer = deal.Holdings[h];
            bool cashOf = drawer.Draws && (drawer.CalledFrom == equity || (drawer.CalledFrom < 0 && deal.Equities.Length == 1));
            double[] cash = drawCash[h];
            for (int t = 0; t < periods; t++)
            {
                // the draw paid less what was called for it: the fund's cash, the holdings' proceeds not distributed. The
                // draws are paid before the waterfall's first step, so nothing ranks ahead of them: this is what the cash
                // paid, its fees and bank debt service paid after it (or short); no cure is in it (a cure is deposited in
                // its account or prepays its tranches after the draws), so a cure is only ever in the injections.
                cash[t] = cashOf ? result.HoldingDrawPaid[h][t] - (drawer.CalledFrom >= 0 ? result.HoldingDrawCalled[h][t] : 0.0) : 0.0;
                recycled[t] += cash[t];
            }

            drawCalls[h] = deal.Holdings[h].CalledFrom == equity && deal.Holdings[h].Draws ? result.HoldingDrawCalled[h] : null;
            if (drawCalls[h] is { } called)
            {
                for (int t = 0; t < periods; t++)
                {
                    drawCalled[t] += called[t];
                }
            }
        }

        int n = deal.Holdings.Length;
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

        for (int t = 0; t < periods; t++)
        {
            double paid = 0;
            for (int h = 0; h < n && inputs is not null; h++)
            {
                paid += Received(deal, inputs, result, h, t);
            }

            for (int h = 0; h < n; h++)
            {
                attribution[h][t] = paid > 0 ? Received(deal, inputs!, result, h, t) / paid : weights[h];
            }
        }
    }

    // What holding h paid the fund in period t: a sold holding's receipts are the run's (its share still held), any
    // other's the path input filled from the held entity.
    static double Received(DealDescription deal, PathInputs inputs, RunResult result, int h, int t) =>
        deal.Holdings[h].Sold ? result.HoldingReceived[h][t] : inputs.HoldingReceipts[h][t];

    /// <summary>The carry the last <see cref="Split"/> still owed the GP at the run's end, deferred for want of a
    /// distribution and never paid (the LPs kept it: it is in their part, not the GP's).</summary>
    public double Unpaid { get; private set; }

    /// <summary>Splits one LP class's stream over the holdings as last <see cref="Allocate"/>d, into the first
    /// <paramref name="periods"/> of <paramref name="lps"/> and <paramref name="gp"/>; returns the clawback (already
    /// moved from the GP to the LPs in the last period). The cash the fund paid for a holding's draws is in the holdings'
    /// streams twice, distributed (by attribution) and paid in (by the drawing holding), so the sums over the holdings
    /// less it are the class's: what the LPs receive each period is the class's distributions less the GP's part, and
    /// the GP is paid its carry only from distributions, what a period's cannot pay waiting for the next.</summary>
    /// <param name="share">The class's share of the equity: of the draw calls in its <paramref name="injections"/>.</param>
    /// <param name="contributed">The class's capital paid at the closing.</param>
    /// <param name="calls">The class's dated calls the run reached.</param>
    /// <param name="injections">What the class paid in at each period's end (equity cures and calls for a holding's draws).</param>
    /// <param name="years">ACT/365F years from closing to each period's end.</param>
    public double Split(CarryTerms terms, double share, double contributed, ReadOnlySpan<CarrySplit.Call> calls, ReadOnlySpan<double> distributions,
        ReadOnlySpan<double> injections, ReadOnlySpan<double> years, int periods, Span<double> lps, Span<double> gp)
    {
        lps[..periods].Clear();
        gp[..periods].Clear();
        Span<CarrySplit.Call> holdingCalls = streamCalls.AsSpan(0, calls.Length);
        for (int h = 0; h < weights.Length; h++)
        {
            double w = weights[h];
            double[] paid = attribution[h];
            double[]? drawn = drawCalls[h];
            for (int t = 0; t < periods; t++)
            {
                // the distributions and the cash recycled into draws, both what the holdings paid the fund
                stream[t] = paid[t] * (distributions[t] + share * recycled[t]);

                // A cure is the whole fund's capital, spread by weight; a call for this holding's draws is its own, and
                // so is the cash the fund paid for them.
                streamIn[t] = w * (injections[t] - share * drawCalled[t]) + (drawn is null ? 0.0 : share * drawn[t]) + share * drawCash[h][t];
            }

            for (int j = 0; j < calls.Length; j++)
            {
                holdingCalls[j] = calls[j] with { Amount = w * calls[j].Amount };
            }

            CarrySplit.Split(terms, w * contributed, holdingCalls, stream.AsSpan(0, periods), streamIn.AsSpan(0, periods), years, periods, streamLps, streamGp);
            for (int t = 0; t < periods; t++)
            {
                lps[t] += streamLps[t];
                gp[t] += streamGp[t];
            }
        }

        // The recycled cash is not distributed: the LPs receive what the class does less the GP's part, and carry owed
        // beyond a period's distributions is paid from the next, without interest (a catch-up from later distributions,
        // not a loan to the LPs); what none can pay by the end is not paid: the LPs keep it, and Unpaid shows it.
        double deferred = 0;
        for (int t = 0; t < periods; t++)
        {
            double owed = gp[t] + deferred;
            if (recycled[t] != 0 || deferred != 0 || owed > distributions[t])
            {
                gp[t] = Math.Max(0.0, Math.Min(owed, distributions[t]));
                lps[t] = distributions[t] - gp[t];
                deferred = owed - gp[t];
            }
        }

        Unpaid = deferred;

        // the clawback: what the GP was paid above its whole-fund entitlement goes back to the LPs at the end
        CarrySplit.Split(terms, contributed, calls, distributions[..periods], injections[..periods], years, periods, wholeLps, wholeGp);
        double clawback = Math.Max(0.0, Sum(gp, periods) - Sum(wholeGp, periods));
        if (periods > 0 && clawback > 0)
        {
            gp[periods - 1] -= clawback;
            lps[periods - 1] += clawback;
        }

        return clawback;
    }

    // In period order, as PeriodYears.Sum adds.
    static double Sum(ReadOnlySpan<double> values, int periods)
    {
        double sum = 0;
        for (int t = 0; t < periods; t++)
        {
            sum += values[t];
        }

        return sum;
    }
}
