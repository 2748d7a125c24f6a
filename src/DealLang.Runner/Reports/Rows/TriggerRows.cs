using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each trigger: the end of the first period it was active in.</summary>
static class TriggerRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int k = 0; k < rows.Deal.Triggers.Length; k++)
        {
            rows.Add(rows.Deal.Triggers[k], "first active", SummaryKind.Date, o => On(o.Events.Triggers[k].FirstActive));
        }
    }

    /// <summary>The JSON summary's <c>events.triggers</c> array.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("triggers");
        foreach (TriggerFirstActive trigger in outcome.Events.Triggers)
        {
            w.WriteStartObject();
            w.WriteString("name", trigger.Trigger);
            Json.Date(w, "firstActive", trigger.FirstActive);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
