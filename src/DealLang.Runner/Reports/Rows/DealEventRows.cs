using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>The deal's own events, listed for every deal: the event of default and the enforcement sale.</summary>
static class DealEventRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        rows.Add("deal", "event of default", SummaryKind.Date, o => On(o.Events.EventOfDefault));
        rows.Add("deal", "sale", SummaryKind.Date, o => On(o.Events.Sale));
        rows.Add("deal", "sale proceeds", SummaryKind.Money, o => Of(o.Events.SaleProceeds));
    }

    /// <summary>The JSON summary's deal events, in its <c>events</c> object.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        Json.Date(w, "eventOfDefault", outcome.Events.EventOfDefault);
        Json.Date(w, "sale", outcome.Events.Sale);
        Json.Money(w, "saleProceeds", outcome.Events.SaleProceeds);
    }
}
