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
}
