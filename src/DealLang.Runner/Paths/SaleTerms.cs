using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Enforcement sale terms: a scenario's <c>enforcement haircut … lag …</c> overrides every sale's own.</summary>
static class SaleTerms
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int s = 0; s < deal.Sales.Length; s++)
        {
            into.SaleHaircut[s] = scenario.EnforcementHaircut ?? deal.Sales[s].Haircut;
            into.SaleLagMonths[s] = scenario.EnforcementLagMonths ?? deal.Sales[s].LagMonths;
        }
    }
}
