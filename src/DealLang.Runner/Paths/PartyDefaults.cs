using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Per-period default flags: a party is in default from the period whose end reaches its default date.</summary>
static class PartyDefaults
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, bool[][] flags)
    {
        Date[] b = deal.Boundaries;
        for (int p = 0; p < flags.Length; p++)
        {
            Date? date = scenario.PartyDefaults[p];
            bool[] row = flags[p];
            for (int t = 0; t < row.Length; t++)
            {
                row[t] = date is { } d && d <= b[t + 1];
            }
        }
    }
}
