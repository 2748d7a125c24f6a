namespace DealLang.Runner.Running;

/// <summary>
/// The IRR of an equity's investors, or of one LP class's share of them (docs/language.md §5 "Commitments drawn over
/// time"): the contribution at the closing, what they received less what they paid in as cures (or calls for a
/// holding's draws) at each period's end, and each dated capital call the run reached at its own date. A scenario's
/// summary (<see cref="EquitySummaries"/>) and a Monte Carlo path (<see cref="Simulation.PathFigures"/>, into buffers
/// made once) both solve here, over the same flows in the same order, so a path's IRR is its replayed run's to the bit.
/// </summary>
static class InvestorFlows
{
    /// <summary>Writes the flows into the first periods + 1 + calls of <paramref name="times"/> and
    /// <paramref name="amounts"/> and solves them.</summary>
    /// <param name="years">ACT/365F years from the closing to each period's end.</param>
    /// <param name="calls">The dated calls the run reached, unscaled.</param>
    /// <param name="received">What the investors (or the class) received each period, already its share.</param>
    /// <param name="injections">What the equity paid in each period, unscaled.</param>
    public static double Irr(ReadOnlySpan<double> years, double contributed, ReadOnlySpan<CarrySplit.Call> calls, ReadOnlySpan<double> received,
        ReadOnlySpan<double> injections, int periods, double share, Span<double> times, Span<double> amounts)
    {
        int n = periods + 1 + calls.Length;
        times = times[..n];
        amounts = amounts[..n];
        times[0] = 0;
        amounts[0] = -share * contributed;
        for (int t = 0; t < periods; t++)
        {
            times[t + 1] = years[t];
            amounts[t + 1] = received[t] - share * injections[t];
        }

        for (int j = 0; j < calls.Length; j++)
        {
            times[periods + 1 + j] = calls[j].Years;
            amounts[periods + 1 + j] = -share * calls[j].Amount;
        }

        return Analytics.InvestorIrr.Solve(times, amounts);
    }
}
