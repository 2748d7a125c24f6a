using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each party with credit terms or a scenario default: its PDs, recovery and default date, and its loans' workout
/// lag where a Monte Carlo path drew it.</summary>
static class PartyRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int p = 0; p < rows.Deal.Parties.Length; p++)
        {
            // Only parties with credit terms or a scenario default: a sponsor with none would print rows of zeros.
            PartyInfo party = rows.Deal.Parties[p];
            bool defaults = rows.Outcomes.Any(o => o.Parties[p].DefaultDate is not null);
            if (party.AnnualPd == 0 && party.Recovery == 0 && !defaults)
            {
                continue;
            }

            string item = party.Rating.Length > 0 ? $"{party.Name} ({party.Rating})" : party.Name;
            rows.Add(item, "annual PD", SummaryKind.Rate, o => Of(o.Parties[p].AnnualPd));
            rows.Add(item, "PD to maturity", SummaryKind.Rate, o => Of(o.Parties[p].PdToMaturity));
            rows.Add(item, "recovery", SummaryKind.Rate, o => Of(o.Parties[p].Recovery));
            rows.Add(item, "defaults on", SummaryKind.Date, o => On(o.Parties[p].DefaultDate));
            if (rows.Outcomes.Any(o => o.Parties[p].WorkoutMonths is not null))
            {
                // Only where a path drew it: every other party's loans keep their own lags, which their rows state.
                rows.Add(item, "workout months", SummaryKind.Count, o => Of(o.Parties[p].WorkoutMonths ?? double.NaN));
            }
        }
    }

    /// <summary>The JSON summary's <c>parties</c> array: every party, with or without credit terms.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("parties");
        foreach (PartySummary p in outcome.Parties)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("rating", p.Rating);
            Json.Number(w, "annualPd", p.AnnualPd);
            Json.Number(w, "pdToMaturity", p.PdToMaturity);
            Json.Number(w, "recovery", p.Recovery);
            Json.Date(w, "defaultDate", p.DefaultDate);
            if (p.WorkoutMonths is { } months)
            {
                w.WriteNumber("workoutMonths", months);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
