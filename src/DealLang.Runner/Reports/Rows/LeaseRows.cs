using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each lease: what its residual value guarantee paid (zero when it never applied).</summary>
static class LeaseRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int l = 0; l < rows.Deal.Leases.Length; l++)
        {
            rows.Add(rows.Deal.Leases[l].Name, "RVG paid", SummaryKind.Money, o => Of(o.Events.RvgPaid[l].Amount));
        }
    }

    /// <summary>The JSON summary's <c>events.rvgPaid</c> array.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("rvgPaid");
        foreach (LeaseAmount rvg in outcome.Events.RvgPaid)
        {
            w.WriteStartObject();
            w.WriteString("lease", rvg.Lease);
            Json.Money(w, "amount", rvg.Amount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
