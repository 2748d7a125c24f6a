using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// One LP class of a fund and its GP (docs/language.md §5, "A fund's LPs"): the fund equity's distributions, cures and
/// capital calls scaled by the class's share, then split on the class's terms, whole-fund (<see cref="CarrySplit"/>)
/// or deal by deal over the holdings' allocation (<see cref="DealByDealCarry"/>). A scenario's summary
/// (<see cref="EquitySummaries"/>) and a Monte Carlo path (<see cref="Simulation.PathFigures"/>) both split here, so
/// their LP and GP figures are the same arithmetic. Buffers are made once for a deal's periods and calls and reused
/// (a whole-fund split allocates nothing; a deal-by-deal one allocates its holdings' streams). Not thread-safe.
/// </summary>
sealed class LpClassSplit
{
    readonly double[] scaled;
    readonly double[] scaledIn;
    readonly CarrySplit.Call[] scaledCalls;

    /// <param name="periods">The most periods a split covers (the deal's).</param>
    /// <param name="calls">The most dated capital calls a split has.</param>
    public LpClassSplit(int periods, int calls)
    {
        scaled = new double[periods];
        scaledIn = new double[periods];
        scaledCalls = new CarrySplit.Call[calls];
        Lps = new double[periods];
        Gp = new double[periods];
    }

    /// <summary>The LPs' part of each period's distributions after the last <see cref="Split"/> (its first periods).</summary>
    public double[] Lps { get; }

    /// <summary>The GP's part (carry and catch-up, less the clawback in the last period) after the last <see cref="Split"/>.</summary>
    public double[] Gp { get; }

    /// <summary>The class's <paramref name="share"/> of the equity's <paramref name="distributions"/>,
    /// <paramref name="injections"/> (cures, paid in at the periods' ends), its <paramref name="contributed"/> capital and
    /// dated <paramref name="calls"/> (those the run reached), split on <paramref name="terms"/> into <see cref="Lps"/>
    /// and <see cref="Gp"/>; returns the GP's clawback (deal by deal; 0 whole-fund).</summary>
    /// <param name="years">ACT/365F years from closing to each period's end.</param>
    /// <param name="allocation">The holdings' weights and per-period attribution for a deal-by-deal carry; null: whole fund.</param>
    public double Split(CarryTerms terms, double share, double contributed, ReadOnlySpan<CarrySplit.Call> calls, double[] distributions,
        double[] injections, ReadOnlySpan<double> years, int periods, (double[] Weights, double[][] Attribution)? allocation)
    {
        for (int t = 0; t < periods; t++)
        {
            scaled[t] = share * distributions[t];
            scaledIn[t] = share * injections[t];
        }

        for (int j = 0; j < calls.Length; j++)
        {
            scaledCalls[j] = calls[j] with { Amount = share * calls[j].Amount };
        }

        ReadOnlySpan<CarrySplit.Call> classCalls = scaledCalls.AsSpan(0, calls.Length);
        if (allocation is { } a)
        {
            (double[] lps, double[] gp, double clawback) = DealByDealCarry.Split(terms, share * contributed, classCalls,
                scaled, scaledIn, years[..periods].ToArray(), periods, a.Weights, a.Attribution);
            lps.AsSpan(0, periods).CopyTo(Lps);
            gp.AsSpan(0, periods).CopyTo(Gp);
            return clawback;
        }

        CarrySplit.Split(terms, share * contributed, classCalls, scaled.AsSpan(0, periods), scaledIn.AsSpan(0, periods), years, periods, Lps, Gp);
        return 0.0;
    }
}
