using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each guarantee (docs/language.md §12, "The summary"): what its guarantor paid, got back and when, and how
/// much of its cap it used; a state's fiscal cost is the net cost (paid less recovered less the guarantee fee received).</summary>
static class GuaranteeRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int g = 0; g < rows.Deal.Guarantees.Length; g++)
        {
            string name = rows.Deal.Guarantees[g].Name;
            rows.Add(name, "paid by guarantor", SummaryKind.Money, o => Of(o.Guarantees[g].Paid));
            if (rows.Deal.Guarantees[g].Kind == GuaranteeTarget.Tranche)
            {
                rows.Add(name, "recovered by guarantor", SummaryKind.Money, o => Of(o.Guarantees[g].Recovered));
                if (GuaranteeSummaries.HasFee(rows.Deal.Guarantees[g]))
                {
                    rows.Add(name, "guarantee fee received", SummaryKind.Money, o => Of(o.Guarantees[g].FeeReceived));
                }

                rows.Add(name, "net cost to guarantor", SummaryKind.Money, o => Of(o.Guarantees[g].NetCost));
            }

            rows.Add(name, "first payment", SummaryKind.Date, o => On(o.Guarantees[g].FirstPayment));
            rows.Add(name, "last payment", SummaryKind.Date, o => On(o.Guarantees[g].LastPayment));
            rows.Add(name, "cap used", SummaryKind.Rate, o => Of(o.Guarantees[g].CapUsed));
        }
    }

    /// <summary>The JSON summary's <c>guarantees</c> array, only for a deal with guarantees, so the JSON of every deal
    /// without one stays as it was.</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Guarantees.Length == 0)
        {
            return;
        }

        w.WriteStartArray("guarantees");
        foreach (GuaranteeSummary g in outcome.Guarantees)
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("guarantor", g.Guarantor);
            Json.Money(w, "cap", g.Cap);
            Json.Money(w, "paid", g.Paid);
            Json.Money(w, "recovered", g.Recovered);
            Json.Money(w, "feeReceived", g.FeeReceived);
            Json.Money(w, "netCost", g.NetCost);
            Json.Date(w, "firstPayment", g.FirstPayment);
            Json.Date(w, "lastPayment", g.LastPayment);
            Json.Number(w, "capUsed", g.CapUsed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
