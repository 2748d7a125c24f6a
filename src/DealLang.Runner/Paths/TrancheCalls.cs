using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Each tranche's hard call under a scenario (docs/language.md §5, "The issuer's hard call"), in a deal with a
/// convertible: the period holding the call date (the period whose end first reaches it), −1 when the scenario does not
/// call the tranche, and the call's price (1, par, when it does not). The generated loop decides there whether the
/// holder converts or takes the cash.
/// </summary>
static class TrancheCalls
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            TrancheCall? call = i < scenario.TrancheCalls.Length ? scenario.TrancheCalls[i] : null;
            into.TrancheCallPeriod[i] = call is null ? -1 : LeaseTerms.EndPeriod(deal.Boundaries, call.On);
            into.TrancheCallPrice[i] = call?.Price ?? 1.0;
        }
    }
}
