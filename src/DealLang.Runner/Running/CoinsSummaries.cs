using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each coins holding's <see cref="CoinsSummary"/> from a finished run's buffers (a ledger is not needed).</summary>
static class CoinsSummaries
{
    public static ImmutableArray<CoinsSummary> Build(DealDescription deal, RunResult result, int periods)
    {
        var summaries = ImmutableArray.CreateBuilder<CoinsSummary>(deal.Coins.Length);
        for (int c = 0; c < deal.Coins.Length; c++)
        {
            double[] sold = result.CoinsSold[c];
            int first = Array.FindIndex(sold, 0, periods, s => s > 0);
            summaries.Add(new CoinsSummary(
                deal.Coins[c].Name,
                PeriodYears.Sum(result.CoinsMining[c], periods),
                PeriodYears.Sum(sold, periods),
                PeriodYears.Sum(result.CoinsProceeds[c], periods),
                first >= 0 ? deal.Boundaries[first + 1] : null,
                periods > 0 ? result.CoinsHeld[c][periods - 1] : deal.Coins[c].Holdings,
                result.CoinsSoldInEnforcement[c],
                result.CoinsEnforcementProceeds[c],
                result.CoinsKept[c]));
        }

        return summaries.MoveToImmutable();
    }
}
