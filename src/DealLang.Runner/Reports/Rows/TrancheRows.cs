using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each tranche: its yields, WAL, what it was paid, what it lost and its first principal shortfall.</summary>
static class TrancheRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int i = 0; i < rows.Deal.Tranches.Length; i++)
        {
            string name = rows.Deal.Tranches[i].Name;
            rows.Add(name, SummaryRows.IrrLabel, SummaryKind.Rate, o => Of(o.Tranches[i].Irr));
            rows.Add(name, SummaryRows.BeyLabel, SummaryKind.Rate, o => Of(o.Tranches[i].BondEquivalentYield));
            rows.Add(name, "WAL (years)", SummaryKind.Years, o => Of(o.Tranches[i].WalYears));
            rows.Add(name, "interest paid", SummaryKind.Money, o => Of(o.Tranches[i].InterestPaid));
            rows.Add(name, "principal paid", SummaryKind.Money, o => Of(o.Tranches[i].PrincipalPaid));
            rows.Add(name, "principal loss", SummaryKind.Money, o => Of(o.Tranches[i].PrincipalLoss));
            rows.Add(name, "loss %", SummaryKind.Rate, o => Of(o.Tranches[i].LossFraction));
            rows.Add(name, "unpaid interest", SummaryKind.Money, o => Of(o.Tranches[i].UnpaidInterest));
            rows.Add(name, "first principal shortfall", SummaryKind.Date, o => On(o.Tranches[i].FirstPrincipalShortfall));
            if (IsGuaranteed(rows.Deal, i))
            {
                // The figures above are the issuer's (without the guarantee); these the holders' (with it).
                rows.Add(name, "paid by guarantor (net)", SummaryKind.Money, o => Of(o.Tranches[i].PaidByGuarantor));
                rows.Add(name, "holders' IRR with guarantee", SummaryKind.Rate, o => Of(o.Tranches[i].HoldersIrr));
                rows.Add(name, "holders' loss with guarantee", SummaryKind.Money, o => Of(o.Tranches[i].HoldersLoss));
            }
        }
    }

    static bool IsGuaranteed(DealLang.Runtime.DealDescription deal, int tranche) =>
        deal.Guarantees.Any(g => g.Kind == DealLang.Runtime.GuaranteeTarget.Tranche && g.Target == tranche);

    /// <summary>The JSON summary's <c>tranches</c> array.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
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
            if (t.Guaranteed)
            {
                Json.Money(w, "paidByGuarantor", t.PaidByGuarantor);
                Json.Number(w, "holdersIrr", t.HoldersIrr);
                Json.Money(w, "holdersLoss", t.HoldersLoss);
            }
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
