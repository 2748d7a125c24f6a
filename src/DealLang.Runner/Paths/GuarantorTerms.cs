using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Each party's levers as a guarantor under a scenario (docs/language.md §10): the share of what falls due it pays
/// (<c>honoured 50%</c>; 1 unless the scenario says) and the first period it pays nothing (<c>disowned from DATE</c>:
/// the period whose end first reaches the date, <see cref="LeverPeriods"/>; <c>disowned</c> alone: the first period; −1 when it does not disown).
/// Its own default stops it too, through its party's default flags (<see cref="PartyDefaults"/>).
/// </summary>
static class GuarantorTerms
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int p = 0; p < deal.Parties.Length; p++)
        {
            GuarantorLevers levers = scenario.GuarantorOf(p);
            into.GuarantorHonour[p] = levers.Honour;
            into.GuarantorDisownedPeriod[p] = !levers.Disowned ? -1
                : levers.From is { } from ? LeverPeriods.FirstReaching(deal, from)
                : 0;
        }
    }
}
