using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each fleet's <see cref="FleetSummary"/> from a finished run's buffers (a ledger is not needed).</summary>
static class FleetSummaries
{
    public static ImmutableArray<FleetSummary> Build(DealDescription deal, RunResult result)
    {
        var summaries = ImmutableArray.CreateBuilder<FleetSummary>(deal.Fleets.Length);
        for (int f = 0; f < deal.Fleets.Length; f++)
        {
            summaries.Add(new FleetSummary(
                deal.Fleets[f].Name,
                result.FleetUnitsSold[f],
                result.FleetSaleProceeds[f],
                result.FleetUnits[f],
                result.FleetMarketValue[f],
                result.FleetBookValue[f],
                result.FleetUnitsKept[f],
                result.FleetUnitsHeld[f],
                result.FleetPeriodsHeld[f],
                result.FleetSaleRevenue[f],
                result.FleetReletRevenue[f],
                result.FleetOpexUnpaid[f]));
        }

        return summaries.MoveToImmutable();
    }
}
