using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Each holding's <see cref="HoldingSummary"/>, from the path inputs the run read (its receipts and par
/// rows, and its mark's index levels): a holding's figures are inputs of the holder, filled from the held entity. A
/// holding a sale step sells reads the run's own rows instead (<see cref="RunResult.HoldingReceived"/>…), which hold
/// the share still held each period.</summary>
internal static class HoldingSummaries
{
    public static ImmutableArray<HoldingSummary> Build(DealDescription deal, RunResult result, PathInputs? inputs, int periods)
    {
        if (deal.Holdings.Length == 0)
        {
            return [];
        }

        var rows = ImmutableArray.CreateBuilder<HoldingSummary>(deal.Holdings.Length);
        for (int h = 0; h < deal.Holdings.Length; h++)
        {
            HoldingInfo info = deal.Holdings[h];
            double received = 0;
            double value = 0;
            if (inputs is not null && periods > 0)
            {
                double[] receipts = inputs.HoldingReceipts[h];
                for (int t = 0; t < periods; t++)
                {
                    received += receipts[t];
                }

                int last = periods - 1;
                value = inputs.HoldingPar[h][last] * (info.MarkIndex >= 0 ? HoldingMark.Price(inputs.IndexLevel[info.MarkIndex][last]) : 1.0);
            }

            double drawsPaid = info.Draws ? PeriodYears.Sum(result.HoldingDrawPaid[h], periods) : 0;
            double drawsUnpaid = info.Draws && periods > 0 ? result.HoldingDrawUnpaid[h][periods - 1] : 0;
            if (info.Sold)
            {
                int first = periods > 0 ? Array.FindIndex(result.HoldingValueSold[h], 0, periods, s => s > 0) : -1;
                rows.Add(new HoldingSummary(
                    info.Name, info.Entity + "." + info.Member, PeriodYears.Sum(result.HoldingReceived[h], periods),
                    periods > 0 ? result.HoldingValue[h][periods - 1] : 0)
                {
                    ValueSold = PeriodYears.Sum(result.HoldingValueSold[h], periods),
                    SaleProceeds = PeriodYears.Sum(result.HoldingSaleProceeds[h], periods),
                    ShareSold = periods > 0 ? 1.0 - result.HoldingKept[h][periods - 1] : 0,
                    ParSold = ParSold(info, result.HoldingValueSold[h], inputs, periods),
                    FirstSale = first >= 0 ? deal.Boundaries[first + 1] : null,
                    DrawsPaid = drawsPaid,
                    DrawsUnpaid = drawsUnpaid,
                });
                continue;
            }

            rows.Add(new HoldingSummary(info.Name, info.Entity + "." + info.Member, received, value) { DrawsPaid = drawsPaid, DrawsUnpaid = drawsUnpaid });
        }

        return rows.MoveToImmutable();
    }

    // The par a holding's sales sold: the value sold each period over its mark's level that period (its value is its
    // par times that level, docs/language.md §5 "holding"); at par without a mark, or without the path's levels.
    static double ParSold(HoldingInfo info, double[] valueSold, PathInputs? inputs, int periods)
    {
        double par = 0;
        for (int t = 0; t < periods; t++)
        {
            double level = info.MarkIndex >= 0 && inputs is not null ? inputs.IndexLevel[info.MarkIndex][t] : 1.0;
            par += valueSold[t] > 0 && level > 0 ? valueSold[t] / level : 0.0;
        }

        return par;
    }
}
