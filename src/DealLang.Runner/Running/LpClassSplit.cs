using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// One LP class of a fund and its GP (docs/language.md §5, "A fund's LPs"): the fund equity's distributions, cures and
/// capital calls scaled by the class's share, then split on the class's terms, whole-fund (<see cref="CarrySplit"/>)
/// or deal by deal over the holdings' allocation (<see cref="DealByDealCarry"/>). A scenario's summary
/// (<see cref="EquitySummaries"/>) and a Monte Carlo path (<see cref="Simulation.PathFigures"/>) both split here, so
/// their LP and GP figures are the same arithmetic. Buffers are made once for a deal's periods, calls and holdings and
/// reused: a split allocates nothing. Not thread-safe.
/// </summary>
sealed class LpClassSplit
{
    readonly double[] scaled;
    readonly double[] scaledIn;
    readonly CarrySplit.Call[] scaledCalls;

    /// <param name="periods">The most periods a split covers (the deal's).</param>
    /// <param name="calls">The most dated capital calls a split has.</param>
    /// <param name="holdings">The deal's holdings: with any, a deal-by-deal carry can be split (<see cref="DealByDeal"/>).</param>
    public LpClassSplit(int periods, int calls, int holdings)
    {
        DealByDeal = holdings > 0 ? new DealByDealCarry(holdings, periods, calls) : null;
        scaled = new double[periods];
        scaledIn = new double[periods];
        scaledCalls = new CarrySplit.Call[calls];
        Lps = new double[periods];
        Gp = new double[periods];
    }

    /// <summary>The deal-by-deal split's buffers (null for a deal without holdings): <see cref="DealByDealCarry.Allocate"/>
    /// sets the holdings' allocation once per fund and path, before its classes' <see cref="Split"/>s.</summary>
    public DealByDealCarry? DealByDeal { get; }

    /// <summary>The LPs' part of each period's distributions after the last <see cref="Split"/> (its first periods).</summary>
    public double[] Lps { get; }

    /// <summary>The GP's part (carry and catch-up, less the clawback in the last period) after the last <see cref="Split"/>.</summary>
    public double[] Gp { get; }

    /// <summary>The carry still owed the GP at the end of the last <see cref="Split"/>, deferred and never paid (deal by
    /// deal only; 0 whole-fund, where the GP takes carry only from a distribution).</summary>
    public double Unpaid { get; private set; }

    /// <summary>The class's <paramref name="share"/> of the equity's <paramref name="distributions"/>,
    /// <paramref name="injections"/> (cures, paid in at the periods' ends), its <paramref name="contributed"/> capital and
    /// dated <paramref name="calls"/> (those the run reached), split on <paramref name="terms"/> into <see cref="Lps"/>
    /// and <see cref="Gp"/>; returns the GP's clawback (deal by deal; 0 whole-fund).</summary>
    /// <param name="years">ACT/365F years from closing to each period's end.</param>
    /// <param name="dealByDeal">Split deal by deal over the holdings as <see cref="DealByDeal"/> was last allocated; false: whole fund.</param>
    public double Split(CarryTerms terms, double share, double contributed, ReadOnlySpan<CarrySplit.Call> calls, double[] distributions,
        double[] injections, ReadOnlySpan<double> years, int periods, bool dealByDeal)
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
        if (dealByDeal)
        {
            DealByDealCarry holdings = DealByDeal ?? throw new InvalidOperationException("A deal-by-deal carry needs the deal's holdings.");
            double clawback = holdings.Split(terms, share, share * contributed, classCalls, scaled.AsSpan(0, periods), scaledIn.AsSpan(0, periods), years, periods, Lps, Gp);
            Unpaid = holdings.Unpaid;
            return clawback;
        }

        Unpaid = 0.0;
        CarrySplit.Split(terms, share * contributed, classCalls, scaled.AsSpan(0, periods), scaledIn.AsSpan(0, periods), years, periods, Lps, Gp);
        return 0.0;
    }
}
