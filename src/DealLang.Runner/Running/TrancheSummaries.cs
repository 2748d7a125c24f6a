using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each tranche's <see cref="TrancheSummary"/> from a finished run.</summary>
static class TrancheSummaries
{
    // Half a cent: a shortfall smaller than this is float noise in the waterfall's subtractions, not unpaid money.
    const double Noise = 0.005;

    public static ImmutableArray<TrancheSummary> Build(DealDescription deal, LayoutIndex index, RunResult result, int periods, double[] years)
    {
        var summaries = ImmutableArray.CreateBuilder<TrancheSummary>(deal.Tranches.Length);
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            TrancheInfo tranche = deal.Tranches[i];
            double[] principal = result.PrincipalPaid[i];
            double[] interest = result.InterestPaid[i];
            double original = tranche.Balance;
            double loss = result.PrincipalLoss[i];
            summaries.Add(new TrancheSummary(
                tranche.Name,
                original,
                PeriodYears.Sum(interest, periods),
                PeriodYears.Sum(principal, periods),
                loss,
                original == 0 ? double.NaN : loss / original,
                result.UnpaidInterest[i],
                Analytics.Wal.Compute(years, principal.AsSpan(0, periods)),
                PeriodYears.Irr(years, original, interest, principal),
                FirstShortfall(deal, tranche, index.PrincipalDue[i], result, i, periods)));
        }

        return summaries.MoveToImmutable();
    }

    /// <summary>
    /// With a ledger, the first period whose principal due exceeds the principal paid. Without one (summary-only
    /// runs) the scheduled amount is unknown, so only the shortfall that matters most is found: principal
    /// still outstanding at the end of a period that reaches the tranche's maturity.
    /// </summary>
    static Date? FirstShortfall(DealDescription deal, TrancheInfo tranche, int dueColumn, RunResult result, int i, int periods)
    {
        for (int t = 0; t < periods; t++)
        {
            bool shortfall = result.Ledger is { } ledger && dueColumn >= 0
                ? ledger[t, dueColumn] - result.PrincipalPaid[i][t] > Noise
                : deal.Boundaries[t + 1] >= tranche.Maturity && result.TrancheBalance[i][t] > Noise;
            if (shortfall)
            {
                return deal.Boundaries[t + 1];
            }
        }

        return null;
    }
}
