namespace DealLang.Runtime;

/// <summary>
/// A contract's calendar per period, computed once per deal (the contract's dates are the deal's, not a
/// scenario's): the years of each period it runs for and whether it takes its units at the period's end
/// (docs/language.md §5 "contract").
/// </summary>
public sealed class ContractCurves
{
    ContractCurves(double[] liveYears, bool[] liveAtEnd, double[] renewalTermYears, int[] termEndPeriod)
    {
        LiveYears = liveYears;
        LiveAtEnd = liveAtEnd;
        RenewalTermYears = renewalTermYears;
        TermEndPeriod = termEndPeriod;
    }

    /// <summary>Per period (s, e]: the days of [start, end) inside it over 365 (the hours a year are per 365 days,
    /// so 8760 hours a year is 24 hours a day).</summary>
    public double[] LiveYears { get; }

    /// <summary>Per period: whether the contract runs on the period's end day e (start ≤ e &lt; end).</summary>
    public bool[] LiveAtEnd { get; }

    /// <summary>Per period (s, e]: the days, over 365, of the renewal offered that runs on day s, from s to the earlier
    /// of e and that renewal's end (0 in the term and after the last renewal offered): what a forward CFADS counts of
    /// a renewal running at its test date (<see cref="ForwardReceipts"/>), never the next renewal's days.</summary>
    public double[] RenewalTermYears { get; }

    /// <summary>Per period: the last period of the term running at its end (<see cref="ForwardReceipts.TermEndPeriods(ContractInfo, Date[])"/>).</summary>
    public int[] TermEndPeriod { get; }

    public static ContractCurves Compute(ContractInfo contract, Date[] boundaries)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(boundaries);
        int n = boundaries.Length - 1;
        var years = new double[n];
        var live = new bool[n];
        Date start = contract.Start, end = contract.End;
        for (int t = 0; t < n; t++)
        {
            Date s = boundaries[t], e = boundaries[t + 1];
            // The days between the later start and the earlier end, counted as a lease's rent days are.
            Date from = Date.Max(s, start), to = Date.Min(e, end);
            years[t] = to > from ? Date.DaysBetween(from, to) / 365.0 : 0.0;
            live[t] = start <= e && e < end;
        }

        var renewal = new double[n];
        for (int t = 0; t < n; t++)
        {
            Date s = boundaries[t];
            int j = ForwardReceipts.TermAt(s, start, contract.TermMonths, contract.RenewalCount, contract.RenewalTermMonths);
            if (j >= 1)
            {
                Date to = Date.Min(boundaries[t + 1], ForwardReceipts.TermEnd(start, contract.TermMonths, contract.RenewalTermMonths, j));
                renewal[t] = to > s ? Date.DaysBetween(s, to) / 365.0 : 0.0;
            }
        }

        return new ContractCurves(years, live, renewal, ForwardReceipts.TermEndPeriods(contract, boundaries));
    }
}
