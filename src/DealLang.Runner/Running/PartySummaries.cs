using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each party's <see cref="PartySummary"/> for one scenario.</summary>
static class PartySummaries
{
    /// <summary>Each party's row, with the recovery the scenario applies; its default date only when it falls within the <paramref name="periods"/> run
    /// (on or before the last one's end): a date after the run ended, as a drawn one past the maturity can be, made
    /// nothing happen in it. <paramref name="drawn"/>: for a path of a stochastic scenario (whose <paramref name="scenario"/>
    /// is the path's, its draws made), the defaults that scenario draws, by party name (<see cref="DrawnDefaults"/>).</summary>
    public static ImmutableArray<PartySummary> Build(DealDescription deal, ScenarioSpec scenario, int periods, IReadOnlyDictionary<string, DefaultModel>? drawn = null)
    {
        Date? end = periods > 0 ? deal.Boundaries[periods] : null;
        // ACT/365F, like the other analytics: the horizon over which the annual PD compounds.
        double years = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Maturity);
        var summaries = ImmutableArray.CreateBuilder<PartySummary>(deal.Parties.Length);
        for (int p = 0; p < deal.Parties.Length; p++)
        {
            PartyInfo party = deal.Parties[p];
            Date? defaults = p < scenario.PartyDefaults.Length && scenario.PartyDefaults[p] is { } d && end is { } last && d <= last ? d : null;
            (double annualPd, double toMaturity) = Pd(deal, party, drawn?.GetValueOrDefault(party.Name), years);
            summaries.Add(new PartySummary(
                party.Name,
                party.Rating,
                annualPd,
                toMaturity,
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

    /// <summary>The defaults stochastic scenario <paramref name="stochastic"/> of <paramref name="deal"/> draws, by party
    /// name: a chain's entities share a party by its name, and each entity's rows show the PD its draws come from.</summary>
    public static IReadOnlyDictionary<string, DefaultModel>? DrawnDefaults(DealDescription deal, StochasticSpec? stochastic)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return stochastic is null ? null
            : stochastic.Defaults.Where(m => (uint)m.Party < (uint)deal.Parties.Length).ToDictionary(m => deal.Parties[m.Party].Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// The annual PD a scenario holds <paramref name="party"/> to, and the PD to maturity it implies over
    /// <paramref name="years"/>: a stochastic scenario that draws the party's default draws it from its own PD
    /// (<paramref name="model"/>: <c>P defaults drawn pd R</c>, and its term structure, <c>from DATE pd R</c>), which
    /// the Monte Carlo report prints as the input PD, so the scenario's column says the same; else the party's <c>pd</c>.
    /// To maturity, each piece of the term structure compounds over its years: 1 − Π (1 − pdᵢ)^yearsᵢ (one piece:
    /// 1 − (1 − pd)^years). Not the source's <c>PartyDefaultInput.HorizonPd</c>: that is to the top deal's maturity, and
    /// a chain's entity's rows are to its own (TeraWulf's LakeMariner: 36.20%, where the top's horizon gives 23.32%).
    /// </summary>
    static (double Annual, double ToMaturity) Pd(DealDescription deal, PartyInfo party, DefaultModel? model, double years)
    {
        double annual = model?.AnnualPd ?? party.AnnualPd;
        if (model is null || model.Steps.Length == 0)
        {
            return (annual, 1 - Math.Pow(1 - annual, years));
        }

        // The term structure's pieces up to the maturity, years from the closing as the draw counts them (days / 365).
        double survival = 1, from = 0, pd = annual;
        foreach (PdStep step in model.Steps)
        {
            double at = Math.Min(years, Date.DaysBetween(deal.Closing, step.From) / 365.0);
            if (at > from)
            {
                survival *= Math.Pow(1 - pd, at - from);
                from = at;
            }

            pd = step.AnnualPd;
        }

        return (annual, 1 - (survival * Math.Pow(1 - pd, Math.Max(0.0, years - from))));
    }
}
