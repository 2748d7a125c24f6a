using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each test: its minimum and maximum over the periods run, spelled as the test's kind (money, rate, ratio):
/// a coverage test's floor and an LTV's or a concentration's peak.</summary>
static class TestRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int k = 0; k < rows.Deal.Tests.Length; k++)
        {
            SummaryKind kind = rows.Outcomes.Count > 0 ? KindOf(rows.Outcomes[0].Events.Tests[k].Kind) : SummaryKind.Number;
            rows.Add(rows.Deal.Tests[k], "minimum", kind, o => Of(o.Events.Tests[k].Minimum));
            rows.Add(rows.Deal.Tests[k], "maximum", kind, o => Of(o.Events.Tests[k].Maximum));
        }
    }

    static SummaryKind KindOf(ColumnKind? kind) => kind switch
    {
        ColumnKind.Money => SummaryKind.Money,
        ColumnKind.Rate => SummaryKind.Rate,
        ColumnKind.Ratio => SummaryKind.Ratio,
        _ => SummaryKind.Number,
    };

    /// <summary>The JSON summary's <c>tests</c> array, each minimum and maximum spelled as its kind.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("tests");
        foreach (TestRange test in outcome.Events.Tests)
        {
            w.WriteStartObject();
            w.WriteString("name", test.Test);
            w.WriteString("kind", Json.KindName(test.Kind));
            w.WritePropertyName("minimum");
            Json.Value(w, test.Minimum, test.Kind ?? ColumnKind.Ratio);
            w.WritePropertyName("maximum");
            Json.Value(w, test.Maximum, test.Kind ?? ColumnKind.Ratio);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
