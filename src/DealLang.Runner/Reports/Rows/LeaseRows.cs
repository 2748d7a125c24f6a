using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each lease: what its residual value guarantee paid (zero when it never applied), and for a lease with a
/// termination fee the fee received from its defaulted lessee.</summary>
static class LeaseRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int l = 0; l < rows.Deal.Leases.Length; l++)
        {
            rows.Add(rows.Deal.Leases[l].Name, "RVG paid", SummaryKind.Money, o => Of(o.Events.RvgPaid[l].Amount));
            if (rows.Deal.Leases[l].RvgRemarketing)
            {
                // Only a lease whose RVG is settled on a remarketing sale has the row (the others' summaries as they were).
                rows.Add(rows.Deal.Leases[l].Name, "remarketing proceeds", SummaryKind.Money, o => Of(o.Events.Remarketing[l].Amount));
            }

            if (rows.Deal.Leases[l].HasTerminationReceipts)
            {
                // Only a lease with a fee has the row, so the summaries of the others stay as they were.
                rows.Add(rows.Deal.Leases[l].Name, "termination fee received", SummaryKind.Money, o => Of(o.Events.TerminationFees[l].Amount));
            }
        }
    }

    /// <summary>The JSON summary's <c>events.rvgPaid</c> array, and <c>events.leaseTerminationFees</c> when a lease has a
    /// fee (so the JSON of every other deal stays as it was).</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        WriteRvg(w, outcome);
        if (deal.Leases.Any(l => l.RvgRemarketing))
        {
            // 'leaseRemarketing', only for a deal with an RVG against remarketing (every other deal's JSON as it was).
            w.WriteStartArray("leaseRemarketing");
            foreach (LeaseAmount sale in outcome.Events.Remarketing)
            {
                w.WriteStartObject();
                w.WriteString("lease", sale.Lease);
                Json.Money(w, "amount", sale.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!deal.Leases.Any(l => l.HasTerminationReceipts))
        {
            return;
        }

        w.WriteStartArray("leaseTerminationFees");
        foreach (LeaseAmount fee in outcome.Events.TerminationFees)
        {
            w.WriteStartObject();
            w.WriteString("lease", fee.Lease);
            Json.Money(w, "amount", fee.Amount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    static void WriteRvg(Utf8JsonWriter w, ScenarioOutcome outcome)
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
