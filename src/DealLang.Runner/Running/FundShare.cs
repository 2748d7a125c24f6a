using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// The part of a fund's equity distributions that reaches its LPs (docs/language.md §5 "holding", "A fund's LPs"): what
/// a holding of an equity with a carry receives, its share of the equity. Each LP class's share is split on its terms,
/// whole-fund or deal by deal, exactly as the held entity's summary splits it (<see cref="LpClassSplit"/>), and the
/// classes' LP parts are added up, the GP's clawback with them. Buffers are made once for the entity's periods, calls
/// and holdings, so a Monte Carlo path splits with no allocation. Not thread-safe.
/// </summary>
sealed class FundShare
{
    readonly DealDescription deal;
    readonly int member;
    readonly EquityInfo equity;
    readonly LpClass[] classes;
    readonly CarrySplit.Call[] calls;
    readonly double[] years;
    readonly double[] lpPart;
    readonly LpClassSplit split;

    /// <param name="deal">The held entity.</param>
    /// <param name="member">Its equity with a carry.</param>
    public FundShare(DealDescription deal, int member)
    {
        this.deal = deal;
        this.member = member;
        equity = deal.Equities[member];
        if (equity.Carry is null)
        {
            throw new ArgumentException($"Equity '{equity.Name}' has no carry.", nameof(member));
        }

        classes = [.. LpClass.Of(deal).Where(c => c.Equity == member)];
        calls = CarrySplit.CallsOf(deal, equity);
        years = PeriodYears.FromClosing(deal, deal.Periods);
        lpPart = new double[deal.Periods];
        split = new LpClassSplit(deal.Periods, calls.Length, deal.Holdings.Length);
    }

    /// <summary>The LPs' part of the equity's distributions in each of the entity's periods run (0 after them), into a
    /// buffer reused by the next call.</summary>
    /// <param name="inputs">The entity's path inputs, for a deal-by-deal carry's allocation over its holdings.</param>
    public double[] LpPart(RunResult result, PathInputs? inputs)
    {
        int periods = Math.Clamp(result.PeriodsRun, 0, deal.Periods);
        Array.Clear(lpPart);
        int made = CarrySplit.CallsReached(calls, years, periods);

        bool dealByDeal = equity.Carry!.DealByDeal && split.DealByDeal is not null && inputs is not null;
        if (dealByDeal)
        {
            split.DealByDeal!.Allocate(deal, inputs, result, periods, member);
        }

        foreach (LpClass lpClass in classes)
        {
            split.Split(lpClass.Terms, lpClass.Share, equity.Contributed, calls.AsSpan(0, made), result.Distributions[member], result.Injections[member],
                years.AsSpan(0, periods), periods, dealByDeal);
            for (int t = 0; t < periods; t++)
            {
                lpPart[t] += split.Lps[t];
            }
        }

        return lpPart;
    }
}
