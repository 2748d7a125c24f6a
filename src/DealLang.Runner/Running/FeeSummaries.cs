using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each fee's <see cref="FeeSummary"/> from a finished run's buffers (a ledger is not needed).</summary>
static class FeeSummaries
{
    public static ImmutableArray<FeeSummary> Build(DealDescription deal, RunResult result)
    {
        var summaries = ImmutableArray.CreateBuilder<FeeSummary>(deal.Fees.Length);
        for (int f = 0; f < deal.Fees.Length; f++)
        {
            summaries.Add(new FeeSummary(deal.Fees[f], result.FeeUnpaid[f]));
        }

        return summaries.MoveToImmutable();
    }
}
