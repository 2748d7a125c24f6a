using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Per-period default flags: a party is in default from the period whose end reaches its default date.</summary>
static class PartyDefaults
{
    /// <summary>Each party's flags, row[t] = its default date ≤ the end of period t, each row one copy out of
    /// <paramref name="steps"/> (the periods' falses, then as many trues: <see cref="Steps"/>, made once per deal)
    /// rather than a clear and a fill: a path writes every party's row.</summary>
    public static void Fill(DealDescription deal, ScenarioSpec scenario, bool[][] flags, bool[] steps)
    {
        Date[] b = deal.Boundaries;
        for (int p = 0; p < flags.Length; p++)
        {
            bool[] row = flags[p];
            int from = scenario.PartyDefaults[p] is { } d ? FirstPeriodEndingOnOrAfter(b, d) : row.Length;
            // steps[n − from + t] is true exactly from t = from on.
            steps.AsSpan(row.Length - from, row.Length).CopyTo(row);
        }
    }

    /// <summary><paramref name="periods"/> falses then <paramref name="periods"/> trues.</summary>
    public static bool[] Steps(int periods)
    {
        var steps = new bool[2 * periods];
        steps.AsSpan(periods).Fill(true);
        return steps;
    }

    static int FirstPeriodEndingOnOrAfter(Date[] b, Date d)
    {
        // PeriodIndexOf: i with b[i] < d <= b[i + 1]; −1 when d is on or before the closing (every period),
        // b.Length − 1 past the horizon (none).
        int i = Schedule.PeriodIndexOf(b, d);
        return Math.Clamp(i, 0, b.Length - 1);
    }
}
