using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each guarantee's <see cref="GuaranteeSummary"/> from a finished run's <see cref="RunResult.GuaranteePaid"/>
/// and <see cref="RunResult.GuaranteeRecovered"/> (so a summary-only run has them too).</summary>
static class GuaranteeSummaries
{
    public static ImmutableArray<GuaranteeSummary> Build(DealDescription deal, RunResult result, int periods)
    {
        var summaries = ImmutableArray.CreateBuilder<GuaranteeSummary>(deal.Guarantees.Length);
        for (int g = 0; g < deal.Guarantees.Length; g++)
        {
            GuaranteeInfo info = deal.Guarantees[g];
            double[] paid = result.GuaranteePaid[g];
            Date? first = null, last = null;
            for (int t = 0; t < periods; t++)
            {
                if (paid[t] > 0)
                {
                    first ??= deal.Boundaries[t + 1];
                    last = deal.Boundaries[t + 1];
                }
            }

            double total = PeriodYears.Sum(paid, periods);
            summaries.Add(new GuaranteeSummary(
                info.Name,
                deal.Parties[info.Guarantor].Name,
                info.Cap,
                total,
                PeriodYears.Sum(result.GuaranteeRecovered[g], periods),
                first,
                last,
                info.Cap == 0 ? double.NaN : total / info.Cap));
        }

        return summaries.MoveToImmutable();
    }
}
