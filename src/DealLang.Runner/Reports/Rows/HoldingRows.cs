using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each holding of another entity: what that entity paid it over the run, and its value at the end; what it
/// funded of a delayed draw's draws; its forced sales.</summary>
static class HoldingRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int h = 0; h < rows.Deal.Holdings.Length; h++)
        {
            HoldingInfo info = rows.Deal.Holdings[h];
            string name = info.Name + " (" + info.Entity + "." + info.Member + ")";
            rows.Add(name, "received", SummaryKind.Money, o => Of(o.Holdings[h].Received));
            rows.Add(name, "value at end", SummaryKind.Money, o => Of(o.Holdings[h].FinalValue));
            if (info.Draws)
            {
                // What the holder funded of the held delayed draw's draws, and what it could not (docs/language.md §5 "holding").
                rows.Add(name, "draws funded", SummaryKind.Money, o => Of(o.Holdings[h].DrawsPaid));
                rows.Add(name, "draws unfunded", SummaryKind.Money, o => Of(o.Holdings[h].DrawsUnpaid));
            }

            if (info.Sold)
            {
                // A forced sale's figures (docs/language.md §5 "holding", "A forced sale").
                rows.Add(name, "value sold", SummaryKind.Money, o => Of(o.Holdings[h].ValueSold));
                rows.Add(name, "forced-sale proceeds", SummaryKind.Money, o => Of(o.Holdings[h].SaleProceeds));
                rows.Add(name, "loss on sale", SummaryKind.Money, o => Of(o.Holdings[h].LossOnSale));
                rows.Add(name, "loss to par", SummaryKind.Money, o => Of(o.Holdings[h].LossToPar));
                rows.Add(name, "share sold", SummaryKind.Rate, o => Of(o.Holdings[h].ShareSold));
                rows.Add(name, "first sale", SummaryKind.Date, o => On(o.Holdings[h].FirstSale));
            }
        }
    }

    /// <summary>The JSON summary's <c>holdings</c> array, only for a deal that holds another entity.</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Holdings.Length == 0)
        {
            return;
        }

        w.WriteStartArray("holdings");
        foreach (HoldingSummary h in outcome.Holdings)
        {
            w.WriteStartObject();
            w.WriteString("name", h.Holding);
            w.WriteString("of", h.Of);
            Json.Money(w, "received", h.Received);
            Json.Money(w, "valueAtEnd", h.FinalValue);
            HoldingInfo? info = deal.Holdings.FirstOrDefault(i => i.Name == h.Holding);
            if (info is { Draws: true })
            {
                Json.Money(w, "drawsFunded", h.DrawsPaid);
                Json.Money(w, "drawsUnfunded", h.DrawsUnpaid);
            }

            if (info is { Sold: true })
            {
                Json.Money(w, "valueSold", h.ValueSold);
                Json.Money(w, "saleProceeds", h.SaleProceeds);
                Json.Money(w, "lossOnSale", h.LossOnSale);
                Json.Money(w, "lossToPar", h.LossToPar);
                Json.Number(w, "shareSold", h.ShareSold);
                Json.Date(w, "firstSale", h.FirstSale);
            }
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
