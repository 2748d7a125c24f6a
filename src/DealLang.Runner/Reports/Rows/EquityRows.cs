using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each equity: what went in, what came out (in all and to each holder) and its IRR.</summary>
static class EquityRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int e = 0; e < rows.Deal.Equities.Length; e++)
        {
            string name = rows.Deal.Equities[e].Name;
            rows.Add(name, "contributed", SummaryKind.Money, o => Of(o.Equities[e].Contributed));
            rows.Add(name, "distributions", SummaryKind.Money, o => Of(o.Equities[e].Distributions));
            rows.Add(name, SummaryRows.IrrLabel, SummaryKind.Rate, o => Of(o.Equities[e].Irr));
            for (int h = 0; h < rows.Deal.Equities[e].Holders.Length; h++)
            {
                int holder = h;
                string label = "to " + SummaryRows.HolderName(rows.Deal, rows.Deal.Equities[e].Holders[h].Party);
                rows.Add(name, label, SummaryKind.Money, o => Of(o.Equities[e].Holders[holder].Distributions));
            }
        }
    }

    /// <summary>The JSON summary's <c>equities</c> array.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("equities");
        foreach (EquitySummary e in outcome.Equities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            Json.Money(w, "contributed", e.Contributed);
            Json.Money(w, "distributions", e.Distributions);
            Json.Number(w, "irr", e.Irr);
            w.WriteStartArray("holders");
            foreach (HolderShare h in e.Holders)
            {
                w.WriteStartObject();
                w.WriteString("holder", h.Holder);
                Json.Number(w, "share", h.Share);
                Json.Money(w, "distributions", h.Distributions);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
