using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each party's <see cref="PartySummary"/> for one scenario.</summary>
static class PartySummaries
{
    /// <summary>Each party's row, with the recovery the scenario applies; its default date only when it falls within the <paramref name="periods"/> run
    /// (on or before the last one's end): a date after the run ended, as a drawn one past the maturity can be, made
    /// nothing happen in it.</summary>
    public static ImmutableArray<PartySummary> Build(DealDescription deal, ScenarioSpec scenario, int periods)
    {
        Date? end = periods > 0 ? deal.Boundaries[periods] : null;
        // ACT/365F, like the other analytics: the horizon over which the annual PD compounds.
        double years = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Maturity);
        var summaries = ImmutableArray.CreateBuilder<PartySummary>(deal.Parties.Length);
        for (int p = 0; p < deal.Parties.Length; p++)
        {
            PartyInfo party = deal.Parties[p];
            Date? defaults = p < scenario.PartyDefaults.Length && scenario.PartyDefaults[p] is { } d && end is { } last && d <= last ? d : null;
            summaries.Add(new PartySummary(
                party.Name,
                party.Rating,
                party.AnnualPd,
                1 - Math.Pow(1 - party.AnnualPd, years),
                // The recovery this scenario applies, as the default date is its: a solver's recovery lever, a Monte
                // Carlo path's drawn one (a drawn default's or a dated default's), else the party's own.
                scenario.RecoveryOf(deal, p),
                defaults)
            {
                // A Monte Carlo path's drawn workout lag, shown as the recovery it drew is.
                WorkoutMonths = scenario.WorkoutMonthsOf(p) is >= 0 and int months ? months : null,
            });
        }

        return summaries.MoveToImmutable();
    }
}
