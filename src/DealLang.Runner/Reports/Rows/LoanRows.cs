using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each loan the deal owns: what it paid, what was recovered and lost at its obligor's default, and when;
/// what enforcement sold of it, and what was left at the run's end.</summary>
static class LoanRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int l = 0; l < rows.Deal.Loans.Length; l++)
        {
            string name = rows.Deal.Loans[l].Name;
            rows.Add(name, "interest received", SummaryKind.Money, o => Of(o.Loans[l].InterestReceived));
            rows.Add(name, "principal received", SummaryKind.Money, o => Of(o.Loans[l].PrincipalReceived));
            rows.Add(name, "recovery", SummaryKind.Money, o => Of(o.Loans[l].Recovery));
            rows.Add(name, "loss", SummaryKind.Money, o => Of(o.Loans[l].Loss));
            rows.Add(name, "defaults on", SummaryKind.Date, o => On(o.Loans[l].DefaultDate));
            rows.Add(name, "sold", SummaryKind.Money, o => Of(o.Loans[l].Sold));
            rows.Add(name, "outstanding at end", SummaryKind.Money, o => Of(o.Loans[l].Outstanding));
            // Only a claim that accrues has interest in its recovery, so every other loan's rows stay seven.
            if (rows.Deal.Loans[l].RecoveryAccrues)
            {
                rows.Add(name, "workout interest", SummaryKind.Money, o => Of(o.Loans[l].WorkoutInterest));
            }

            // Only a loan a scenario has pay in part can be in arrears.
            if (rows.Deal.Loans[l].PaysInPart)
            {
                rows.Add(name, "peak arrears", SummaryKind.Money, o => Of(o.Loans[l].PeakArrears));
                rows.Add(name, "arrears interest", SummaryKind.Money, o => Of(o.Loans[l].ArrearsInterest));
            }

            if (rows.Outcomes.Any(o => o.Loans[l].WorkoutMonths is not null))
            {
                // Only where a path drew the loan's own lag: every other loan keeps its obligor's or its own.
                rows.Add(name, "workout months", SummaryKind.Count, o => Of(o.Loans[l].WorkoutMonths ?? double.NaN));
            }
        }
    }

    /// <summary>The JSON summary's <c>loans</c> array, only for a deal that owns loans, so the JSON of every deal
    /// without one stays as it was.</summary>
    public static void WriteJson(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Loans.Length == 0)
        {
            return;
        }

        w.WriteStartArray("loans");
        for (int i = 0; i < outcome.Loans.Length; i++)
        {
            LoanSummary l = outcome.Loans[i];
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            Json.Money(w, "interestReceived", l.InterestReceived);
            Json.Money(w, "principalReceived", l.PrincipalReceived);
            Json.Money(w, "recovery", l.Recovery);
            Json.Money(w, "loss", l.Loss);
            Json.Date(w, "defaultDate", l.DefaultDate);
            Json.Money(w, "sold", l.Sold);
            Json.Money(w, "outstanding", l.Outstanding);
            if (deal.Loans[i].RecoveryAccrues)
            {
                Json.Money(w, "workoutInterest", l.WorkoutInterest);
            }

            if (deal.Loans[i].PaysInPart)
            {
                Json.Money(w, "peakArrears", l.PeakArrears);
                Json.Money(w, "arrearsInterest", l.ArrearsInterest);
            }

            if (l.WorkoutMonths is { } months)
            {
                w.WriteNumber("workoutMonths", months);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
