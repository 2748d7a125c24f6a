using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each fee: what it still owed when the run ended (the ledger's carried short of its <c>pay</c> step).</summary>
static class FeeRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int f = 0; f < rows.Deal.Fees.Length; f++)
        {
            // Only a fee some scenario of the run ends owing has the row (as a tranche's 'called on'), so the summary
            // of a deal that pays its fees in full stays as it was.
            if (rows.Outcomes.Any(o => o.Fees[f].Unpaid > 0))
            {
                rows.Add(rows.Deal.Fees[f], "unpaid at end", SummaryKind.Money, o => Of(o.Fees[f].Unpaid));
            }
        }
    }

    /// <summary>The JSON summary's <c>fees</c> array, only for a deal that has fees, each fee's <c>unpaid</c> always
    /// (a reader need not know whether a scenario left any).</summary>
    public static void WriteJson(Utf8JsonWriter w, DealLang.Runtime.DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Fees.Length == 0)
        {
            return;
        }

        w.WriteStartArray("fees");
        foreach (FeeSummary fee in outcome.Fees)
        {
            w.WriteStartObject();
            w.WriteString("name", fee.Name);
            Json.Money(w, "unpaid", fee.Unpaid);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
