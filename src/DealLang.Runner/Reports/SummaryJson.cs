using DealLang.Runner.Reports.Rows;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The summary as JSON: one object per scenario (in run order) holding its tranches, equities, events, test
/// minimums, parties and (for a deal that owns any) loans, and a replayed Monte Carlo path's draws. Money to the cent; rates and years at full precision
/// as fractions; undefined values and events that never happened as null. Each kind writes its own part, beside
/// its table rows in Reports/Rows; the order (and the <c>events</c> grouping) is the schema's, listed here.
/// </summary>
static class SummaryJson
{
    public static string Render(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes) =>
        Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("deal", deal.Name);
            w.WriteString("title", deal.Title);
            w.WriteString("currency", deal.Currency);
            w.WriteString("irrConvention", "annual compounding on actual days (ACT/365F), XIRR-style");
            w.WriteString("beyConvention", "semiannual compounding: bey = 2 x ((1 + irr)^(1/2) - 1)");
            w.WriteStartArray("scenarios");
            foreach (ScenarioOutcome outcome in outcomes)
            {
                w.WriteStartObject();
                w.WriteString("name", outcome.Scenario);
                w.WriteNumber("periodsRun", outcome.PeriodsRun);
                TrancheRows.WriteJson(w, deal, outcome);
                EquityRows.WriteJson(w, outcome);
                FeeRows.WriteJson(w, deal, outcome);
                w.WriteStartObject("events");
                TriggerRows.WriteJson(w, outcome);
                DealEventRows.WriteJson(w, outcome);
                LeaseRows.WriteJson(w, deal, outcome);
                w.WriteEndObject();
                TestRows.WriteJson(w, outcome);
                PartyRows.WriteJson(w, outcome);
                LoanRows.WriteJson(w, deal, outcome);
                FleetRows.WriteJson(w, deal, outcome);
                ContractRows.WriteJson(w, deal, outcome);
                HoldingRows.WriteJson(w, deal, outcome);
                GuaranteeRows.WriteJson(w, deal, outcome);
                CoinsRows.WriteJson(w, deal, outcome);
                DrawRows.WriteJson(w, outcome);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
