using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Applies a deterministic scenario to a deal's terms (docs/language.md §10, "Scenarios"), filling the
/// arrays the period loop reads. Allocation-free: it only writes into <paramref name="into"/>'s buffers, so a
/// runner can refill one <see cref="PathInputs"/> per path.
/// </summary>
public static class PathBuilder
{
    /// <summary>Fills <paramref name="into"/> from <paramref name="deal"/> under <paramref name="scenario"/>.
    /// Throws <see cref="ArgumentException"/> when the scenario or the buffers were made for another deal
    /// (a programming error: the compiler sizes scenarios like the description).</summary>
    public static void Build(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(into);
        Shapes.Require(deal, scenario);
        Shapes.Require(deal, into);

        into.Scenario = scenario.Name;
        for (int f = 0; f < deal.Facilities.Length; f++)
        {
            FacilityValues.Fill(deal, deal.Facilities[f], scenario.FacilityStress[f], into.FacilityValue[f]);
        }

        for (int l = 0; l < deal.Leases.Length; l++)
        {
            LeaseTerms.Apply(deal, scenario, l, into);
        }

        PartyDefaults.Fill(deal, scenario, into.PartyDefaulted);
        SaleTerms.Fill(deal, scenario, into);
    }
}
