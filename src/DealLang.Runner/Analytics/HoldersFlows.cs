using DealLang.Runtime;

namespace DealLang.Runner.Analytics;

/// <summary>
/// A guaranteed tranche's holders' flows after their price at closing (docs/language.md §5, "Guarantors"): per period,
/// the issuer's interest plus the guarantor's payments less what the holders passed back to it, then the issuer's
/// principal and a convertible's shares, less each draw bought at the issue price. Every share paid is the holders':
/// only their part of the balance converts (the guarantor's subrogated principal is a claim to cash). One formula for
/// the summary's <c>holders' IRR with guarantee</c> (TrancheSummaries), the Monte Carlo holders' rows (PathFigures)
/// and the solver's <c>G holders irr</c> (which reads the summary's), added in one order so a path's IRR is the
/// replayed summary's to the bit.
/// </summary>
internal static class HoldersFlows
{
    /// <summary>Writes <paramref name="flows"/>[t], for each period t below its length, of tranche
    /// <paramref name="tranche"/> behind guarantee <paramref name="guarantee"/>; the price at closing is the caller's.</summary>
    public static void Form(Span<double> flows, RunResult result, int tranche, int guarantee, double price)
    {
        int periods = flows.Length;
        ReadOnlySpan<double> interest = result.InterestPaid[tranche].AsSpan(0, periods);
        ReadOnlySpan<double> principal = result.PrincipalPaid[tranche].AsSpan(0, periods);
        ReadOnlySpan<double> shares = result.TrancheConversion[tranche].AsSpan(0, periods);
        ReadOnlySpan<double> drawn = result.TrancheDrawn[tranche].AsSpan(0, periods);
        ReadOnlySpan<double> paid = result.GuaranteePaid[guarantee].AsSpan(0, periods);
        ReadOnlySpan<double> recovered = result.GuaranteeRecovered[guarantee].AsSpan(0, periods);
        for (int t = 0; t < periods; t++)
        {
            double received = interest[t] + paid[t] - recovered[t];
            flows[t] = received + principal[t] + shares[t] - (price * drawn[t]);
        }
    }
}
