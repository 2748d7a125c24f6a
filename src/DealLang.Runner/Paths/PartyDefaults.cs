using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Per-period default flags: a party is in default from the period whose end reaches its default date.</summary>
static class PartyDefaults
{
    /// <summary>Each party's flags, row[t] = its default date ≤ the end of period t: the row of <paramref name="rows"/>
    /// (<see cref="Rows"/>, made once per deal) for the period its default comes in, shared read-only
    /// (<see cref="PathInputs.SharePartyDefaulted"/>); a party that did not default on the path before nor on this one
    /// costs a compare. Copied out of them, each party's row was a call of Memmove a path, about a tenth of CoreWeave's
    /// fill with the slicing around it (bench/HISTORY.md, session 2026-12-08 (perfcw)).</summary>
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into, bool[][] rows)
    {
        Date[] b = deal.Boundaries;
        int n = deal.Periods;
        Date?[] defaults = scenario.PartyDefaults;
        for (int p = 0; p < into.PartyDefaulted.Length; p++)
        {
            int from = defaults[p] is { } d ? FirstPeriodEndingOnOrAfter(b, d) : n;
            into.SharePartyDefaulted(p, rows[from]);
        }
    }

    /// <summary>[from]: <paramref name="periods"/> flags, false before period <c>from</c> and true from it on, for
    /// <c>from</c> = 0 … <paramref name="periods"/> (the last all false: no default in the deal's periods).</summary>
    public static bool[][] Rows(int periods)
    {
        var rows = new bool[periods + 1][];
        for (int from = 0; from <= periods; from++)
        {
            rows[from] = new bool[periods];
            rows[from].AsSpan(from).Fill(true);
        }

        return rows;
    }

    static int FirstPeriodEndingOnOrAfter(Date[] b, Date d)
    {
        // PeriodIndexOf: i with b[i] < d <= b[i + 1]; −1 when d is on or before the closing (every period),
        // b.Length − 1 past the horizon (none).
        int i = Schedule.PeriodIndexOf(b, d);
        return Math.Clamp(i, 0, b.Length - 1);
    }
}
