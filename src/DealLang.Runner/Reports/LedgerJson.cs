using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The ledger as JSON: the deal and scenario, the columns with their kinds, then one object per period whose
/// <c>values</c> are keyed by column name in layout order.
/// </summary>
static class LedgerJson
{
    public static string Render(DealDescription deal, LedgerLayout layout, string scenario, LedgerTable ledger) =>
        Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("deal", deal.Name);
            w.WriteString("title", deal.Title);
            w.WriteString("currency", deal.Currency);
            w.WriteString("scenario", scenario);
            w.WriteNumber("periods", deal.ScheduledPeriods); // to the maturity; a workout run has more
            w.WriteNumber("periodsRun", ledger.Periods);

            w.WriteStartArray("columns");
            foreach (LedgerColumn column in layout.Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", column.Name);
                w.WriteString("kind", Json.KindName(column.Kind));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("ledger");
            for (int t = 0; t < ledger.Periods; t++)
            {
                w.WriteStartObject();
                w.WriteNumber("period", t + 1);
                w.WriteString("start", deal.Boundaries[t].ToString());
                w.WriteString("end", deal.Boundaries[t + 1].ToString());
                w.WriteStartObject("values");
                for (int c = 0; c < layout.Columns.Length; c++)
                {
                    w.WritePropertyName(layout.Columns[c].Name);
                    Json.Value(w, ledger[t, c], layout.Columns[c].Kind);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
