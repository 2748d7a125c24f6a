using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Each holding's <see cref="HoldingSummary"/>, from the path inputs the run read (its receipts and par
/// rows, and its mark's index levels): a holding's figures are inputs of the holder, filled from the held entity.</summary>
internal static class HoldingSummaries
{
    public static ImmutableArray<HoldingSummary> Build(DealDescription deal, PathInputs? inputs, int periods)
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
                value = inputs.HoldingPar[h][last] * (info.MarkIndex >= 0 ? inputs.IndexLevel[info.MarkIndex][last] : 1.0);
            }

            rows.Add(new HoldingSummary(info.Name, info.Entity + "." + info.Member, received, value));
        }

        return rows.MoveToImmutable();
    }
}
