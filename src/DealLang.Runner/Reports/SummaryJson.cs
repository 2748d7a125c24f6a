using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The summary as JSON: one object per scenario (in run order) holding its tranches, equities, events, test
/// minimums, parties and (for a deal that owns any) loans. Money to the cent; rates and years at full precision as fractions; undefined values and
/// events that never happened as null.
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
                Tranches(w, outcome);
                Equities(w, outcome);
                Events(w, outcome.Events);
                Parties(w, outcome);
                Loans(w, deal, outcome);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    static void Tranches(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("tranches");
        foreach (TrancheSummary t in outcome.Tranches)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            Json.Money(w, "originalBalance", t.OriginalBalance);
            Json.Money(w, "interestPaid", t.InterestPaid);
            Json.Money(w, "principalPaid", t.PrincipalPaid);
            Json.Money(w, "principalLoss", t.PrincipalLoss);
            Json.Number(w, "lossFraction", t.LossFraction);
            Json.Money(w, "unpaidInterest", t.UnpaidInterest);
            Json.Number(w, "walYears", t.WalYears);
            Json.Number(w, "irr", t.Irr);
            Json.Number(w, "bey", t.BondEquivalentYield);
            Json.Date(w, "firstPrincipalShortfall", t.FirstPrincipalShortfall);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    static void Equities(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("equities");
        foreach (EquitySummary e in outcome.Equities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            Json.Money(w, "contributed", e.Contributed);
            Json.Money(w, "distributions", e.Distributions);
            Json.Number(w, "irr", e.Irr);
            w.WriteStartArray("holders");
            foreach (HolderShare h in e.Holders)
            {
                w.WriteStartObject();
                w.WriteString("holder", h.Holder);
                Json.Number(w, "share", h.Share);
                Json.Money(w, "distributions", h.Distributions);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    static void Parties(Utf8JsonWriter w, ScenarioOutcome outcome)
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
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // Only for a deal that owns loans, so the JSON of every deal without one stays as it was.
    static void Loans(Utf8JsonWriter w, DealDescription deal, ScenarioOutcome outcome)
    {
        if (deal.Loans.Length == 0)
        {
            return;
        }

        w.WriteStartArray("loans");
        foreach (LoanSummary l in outcome.Loans)
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            Json.Money(w, "interestReceived", l.InterestReceived);
            Json.Money(w, "principalReceived", l.PrincipalReceived);
            Json.Money(w, "recovery", l.Recovery);
            Json.Money(w, "loss", l.Loss);
            Json.Date(w, "defaultDate", l.DefaultDate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    static void Events(Utf8JsonWriter w, DealEvents events)
    {
        w.WriteStartObject("events");
        w.WriteStartArray("triggers");
        foreach (TriggerFirstActive trigger in events.Triggers)
        {
            w.WriteStartObject();
            w.WriteString("name", trigger.Trigger);
            Json.Date(w, "firstActive", trigger.FirstActive);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Json.Date(w, "eventOfDefault", events.EventOfDefault);
        Json.Date(w, "sale", events.Sale);
        Json.Money(w, "saleProceeds", events.SaleProceeds);
        w.WriteStartArray("rvgPaid");
        foreach (LeaseAmount rvg in events.RvgPaid)
        {
            w.WriteStartObject();
            w.WriteString("lease", rvg.Lease);
            Json.Money(w, "amount", rvg.Amount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("tests");
        foreach (TestMinimum test in events.Tests)
        {
            w.WriteStartObject();
            w.WriteString("name", test.Test);
            w.WriteString("kind", Json.KindName(test.Kind));
            w.WritePropertyName("minimum");
            Json.Value(w, test.Minimum, test.Kind ?? ColumnKind.Ratio);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
