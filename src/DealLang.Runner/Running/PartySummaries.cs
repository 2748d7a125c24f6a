using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each party's <see cref="PartySummary"/> for one scenario.</summary>
static class PartySummaries
{
    public static ImmutableArray<PartySummary> Build(DealDescription deal, ScenarioSpec scenario)
    {
        // ACT/365F, like the other analytics: the horizon over which the annual PD compounds.
        double years = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Maturity);
        var summaries = ImmutableArray.CreateBuilder<PartySummary>(deal.Parties.Length);
        for (int p = 0; p < deal.Parties.Length; p++)
        {
            PartyInfo party = deal.Parties[p];
            Date? defaults = p < scenario.PartyDefaults.Length ? scenario.PartyDefaults[p] : null;
            summaries.Add(new PartySummary(
                party.Name,
                party.Rating,
                party.AnnualPd,
                1 - Math.Pow(1 - party.AnnualPd, years),
                party.Recovery,
                defaults));
        }

        return summaries.MoveToImmutable();
    }
}
