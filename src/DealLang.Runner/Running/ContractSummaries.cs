using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each contract's <see cref="ContractSummary"/> from a finished run's buffers (a ledger is not needed).</summary>
static class ContractSummaries
{
    public static ImmutableArray<ContractSummary> Build(DealDescription deal, RunResult result, int periods)
    {
        var summaries = ImmutableArray.CreateBuilder<ContractSummary>(deal.Contracts.Length);
        for (int c = 0; c < deal.Contracts.Length; c++)
        {
            int stop = result.ContractStopPeriod[c];
            summaries.Add(new ContractSummary(
                deal.Contracts[c].Name,
                PeriodYears.Sum(result.ContractRevenue[c], periods),
                PeriodYears.Sum(result.ContractTerminationFee[c], periods),
                stop >= 0 && stop < periods ? deal.Boundaries[stop + 1] : null,
                result.ContractUnits[c],
                PeriodYears.Sum(result.ContractPrepayment[c], periods)));
        }

        return summaries.MoveToImmutable();
    }
}
