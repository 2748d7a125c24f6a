using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each equity's <see cref="EquitySummary"/> from a finished run.</summary>
static class EquitySummaries
{
    public static ImmutableArray<EquitySummary> Build(DealDescription deal, RunResult result, int periods, double[] years)
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

            summaries.Add(new EquitySummary(
                equity.Name,
                equity.Contributed,
                distributed,
                PeriodYears.Irr(years, equity.Contributed, result.Distributions[e], null, result.Injections[e]),
                holders.MoveToImmutable()));
        }

        return summaries.MoveToImmutable();
    }

    static string HolderName(DealDescription deal, int party) =>
        party >= 0 && party < deal.Parties.Length ? deal.Parties[party].Name : "party " + party.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
