using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each equity's <see cref="EquitySummary"/> from a finished run.</summary>
static class EquitySummaries
{
    /// <param name="inputs">The path's inputs (the holdings' receipts, for a deal-by-deal carry), or null.</param>
    public static ImmutableArray<EquitySummary> Build(DealDescription deal, RunResult result, int periods, double[] years, PathInputs? inputs = null)
    {
        var summaries = ImmutableArray.CreateBuilder<EquitySummary>(deal.Equities.Length);
        for (int e = 0; e < deal.Equities.Length; e++)
        {
            EquityInfo equity = deal.Equities[e];
            double distributed = PeriodYears.Sum(result.Distributions[e], periods);
            var holders = ImmutableArray.CreateBuilder<HolderShare>(equity.Holders.Length);
            foreach (EquityHolder holder in equity.Holders)
            {
                holders.Add(new HolderShare(HolderName(deal, holder.Party), holder.Share, distributed * holder.Share));
            }

            CarrySplit.Call[] calls = CallsMade(deal, equity, periods);
            double called = equity.Contributed + calls.Sum(c => c.Amount);
            double paidIn = PeriodYears.Sum(result.Injections[e], periods); // cures and draw calls
            var summary = new EquitySummary(
                equity.Name,
                called,
                distributed,
                Irr(years, equity.Contributed, calls, result.Distributions[e], result.Injections[e], periods, 1.0),
                holders.MoveToImmutable())
            {
                Commitment = equity.Commitment,
                Unfunded = Math.Max(0.0, equity.Commitment - called - paidIn),
                PaidIn = paidIn,
            };
            if (equity.Carry is { } carry)
            {
                summary = WithCarry(deal, result, e, equity, carry, calls, result.Distributions[e], result.Injections[e], years, periods, summary, inputs);
            }

            summaries.Add(summary);
        }

        return summaries.MoveToImmutable();
    }

    // The calls whose dates the run reached (a run that ended early leaves the later ones uncalled), at their times.
    static CarrySplit.Call[] CallsMade(DealDescription deal, EquityInfo equity, int periods)
    {
        if (equity.Calls.Length == 0 || periods == 0)
        {
            return [];
        }

        Date end = deal.Boundaries[periods];
        return [.. equity.Calls.Where(c => c.Date <= end).Select(c => new CarrySplit.Call(DayCounts.YearFraction(DayCount.Act365F, deal.Closing, c.Date), c.Amount))];
    }

    // The IRR of a share of the LPs' flows: the contribution at the closing, each call at its date, cures at their
    // periods' ends (paid in), distributions at the periods' ends (InvestorFlows, as a Monte Carlo path solves it).
    static double Irr(double[] years, double contributed, CarrySplit.Call[] calls, double[] received, double[] injections, int periods, double share)
    {
        int n = periods + 1 + calls.Length;
        return InvestorFlows.Irr(years, contributed, calls, received, injections, periods, share, new double[n], new double[n]);
    }

    // With a carry the holders are LP classes, each with its share of the distributions and of the capital, split
    // with the GP on its own terms (its own or the equity's), whole-fund or deal by deal.
    static EquitySummary WithCarry(DealDescription deal, RunResult result, int e, EquityInfo equity, CarryTerms carry, CarrySplit.Call[] calls, double[] distributions,
        double[] injections, double[] years, int periods, EquitySummary summary, PathInputs? inputs)
    {
        double paidIn = PeriodYears.Sum(injections, periods);
        (string Name, double Share, CarryTerms Terms)[] classes = equity.Holders.Length > 0
            ? [.. equity.Holders.Select(h => (HolderName(deal, h.Party), h.Share, h.Terms ?? carry))]
            : [(equity.Name, 1.0, carry)];
        var lpClasses = ImmutableArray.CreateBuilder<LpClassSummary>(classes.Length);
        var split = new LpClassSplit(periods, calls.Length, deal.Holdings.Length);
        bool dealByDeal = carry.DealByDeal && split.DealByDeal is not null;
        if (dealByDeal)
        {
            split.DealByDeal!.Allocate(deal, inputs, result, periods, e);
        }

        double toGp = 0, clawback = 0, unpaid = 0;
        var holders = summary.Holders.ToBuilder();
        for (int k = 0; k < classes.Length; k++)
        {
            (string name, double share, CarryTerms terms) = classes[k];
            double back = split.Split(terms, share, equity.Contributed, calls, distributions, injections, years, periods, dealByDeal);
            double[] lps = split.Lps;
            double received = PeriodYears.Sum(lps, periods);
            double carried = PeriodYears.Sum(split.Gp, periods);
            double capital = share * (summary.Contributed + paidIn);
            lpClasses.Add(new LpClassSummary(
                name,
                capital,
                received,
                Irr(years, equity.Contributed, calls, lps, injections, periods, share),
                Math.Max(0.0, capital - received))
            {
                Carry = carried,
                Clawback = back,
                Unpaid = split.Unpaid,
                Unfunded = share * summary.Unfunded,
                Hurdle = terms.Hurdle,
                Rate = terms.Rate,
            });
            if (k < holders.Count)
            {
                // the holders' cut is of what reaches the LPs, not of the whole distribution
                holders[k] = holders[k] with { Distributions = received };
            }

            toGp += carried;
            clawback += back;
            unpaid += split.Unpaid;
        }

        return summary with
        {
            Holders = holders.ToImmutable(),
            Carry = new CarrySummary(HolderName(deal, carry.Partner), toGp, lpClasses.MoveToImmutable())
            {
                DealByDeal = carry.DealByDeal,
                Clawback = clawback,
                Unpaid = unpaid,
                ClassTerms = equity.Holders.Any(h => h.Terms is not null),
            },
        };
    }

    static string HolderName(DealDescription deal, int party) =>
        party >= 0 && party < deal.Parties.Length ? deal.Parties[party].Name : "party " + party.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
