using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Checks that a scenario and a set of path buffers were made for the deal at hand. A mismatch would
/// otherwise show up as an index error deep in the loop, or worse as another deal's numbers.</summary>
static class Shapes
{
    public static void Require(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        Same(scenario.RenewalsTaken.Length, deal.Leases.Length, "RenewalsTaken", "leases", nameof(scenario));
        Same(scenario.FacilityStress.Length, deal.Facilities.Length, "FacilityStress", "facilities", nameof(scenario));
        Same(scenario.PartyDefaults.Length, deal.Parties.Length, "PartyDefaults", "parties", nameof(scenario));
        Same(into.FacilityValue.Length, deal.Facilities.Length, "FacilityValue", "facilities", nameof(into));
        Same(into.LeaseRent.Length, deal.Leases.Length, "LeaseRent", "leases", nameof(into));
        Same(into.PartyDefaulted.Length, deal.Parties.Length, "PartyDefaulted", "parties", nameof(into));
        Same(into.SaleHaircut.Length, deal.Sales.Length, "SaleHaircut", "sales", nameof(into));
        if ((into.FacilityValue.Length > 0 && into.FacilityValue[0].Length != deal.Periods)
            || (into.LeaseRent.Length > 0 && into.LeaseRent[0].Length != deal.Periods)
            || (into.PartyDefaulted.Length > 0 && into.PartyDefaulted[0].Length != deal.Periods))
        {
            throw new ArgumentException($"The path inputs were sized for another deal: '{deal.Name}' has {deal.Periods} periods.", nameof(into));
        }
    }

    static void Same(int actual, int expected, string what, string per, string parameter)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{what} has {actual} entries but the deal has {expected} {per}.", parameter);
        }
    }
}
