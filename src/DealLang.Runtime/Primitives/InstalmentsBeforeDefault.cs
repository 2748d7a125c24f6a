namespace DealLang.Runtime;

/// <summary>
/// The instalments a loan receives in the period its obligor defaults in when they are dated inside the deal's periods
/// (a loan paying more often than the deal, or at its frequency or less often on other dates)
/// (docs/language.md §5, "loan"): those dated strictly before the default date, as a lease's rent stops on the default
/// date itself (the obligor pays nothing from the day it defaults, so an instalment falling due that day is the one it
/// fails to pay). The compiler lists the instalments with their dates' days from the closing, in date order, and each
/// period's first; this finds the last one the period received.
/// </summary>
public static class InstalmentsBeforeDefault
{
    /// <summary>The last of period <paramref name="t"/>'s instalments (<paramref name="first"/>[t] …
    /// <paramref name="first"/>[t + 1] − 1 of <paramref name="days"/>) dated before <paramref name="defaultDay"/> (days from
    /// the closing); −1 when none is.</summary>
    public static int Last(int[] days, int[] first, int t, int defaultDay)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(first);
        int last = -1;
        for (int k = first[t]; k < first[t + 1] && days[k] < defaultDay; k++)
        {
            last = k;
        }

        return last;
    }
}
