using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each compute contract: the revenue and termination fee received (and the prepayment, for a contract with one), when it stopped (its term's end or its
/// customer's default), and the units it took at the run's end.</summary>
static class ContractRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int c = 0; c < rows.Deal.Contracts.Length; c++)
        {
            string name = rows.Deal.Contracts[c].Name;
            rows.Add(name, "revenue received", SummaryKind.Money, o => Of(o.Contracts[c].Revenue));
            rows.Add(name, "termination fee received", SummaryKind.Money, o => Of(o.Contracts[c].TerminationFee));
            if (rows.Deal.Contracts[c].Prepayment != 0)
            {
                // Only a contract with a prepayment has the row, so the summaries of the others stay as they were.
                rows.Add(name, "prepayment received", SummaryKind.Money, o => Of(o.Contracts[c].Prepayment));
            }

            rows.Add(name, "stops on", SummaryKind.Date, o => On(o.Contracts[c].StopDate));
            rows.Add(name, "units at end", SummaryKind.Units, o => Of(o.Contracts[c].Units));
        }
    }

    /// <summary>The JSON summary's <c>contracts</c> array, only for a deal that has contracts, so the JSON of every
    /// deal without one stays as it was.</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Contracts.Length == 0)
        {
            return;
        }

        w.WriteStartArray("contracts");
        for (int i = 0; i < outcome.Contracts.Length; i++)
        {
            ContractSummary c = outcome.Contracts[i];
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            Json.Money(w, "revenue", c.Revenue);
            Json.Money(w, "terminationFee", c.TerminationFee);
            if (deal.Contracts[i].Prepayment != 0)
            {
                Json.Money(w, "prepayment", c.Prepayment);
            }

            Json.Date(w, "stopDate", c.StopDate);
            Json.Number(w, "units", c.Units);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
