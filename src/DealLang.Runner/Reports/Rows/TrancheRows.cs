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
            if (rows.Deal.Tranches[i].CommitmentFee > 0)
            {
                // The IRR above is on the funded principal; with the fee on the undrawn commitment, the lender's all-in yield.
                rows.Add(name, "commitment fee paid", SummaryKind.Money, o => Of(o.Tranches[i].CommitmentFeePaid));
                rows.Add(name, "IRR with commitment fee", SummaryKind.Rate, o => Of(o.Tranches[i].IrrWithCommitmentFee));
            }

            // A carried fee still owed when the run ended, only where a scenario of the run leaves some (as 'called on'),
            // so the summary of a deal that pays its fees stays as it was.
            if (rows.Outcomes.Any(o => o.Tranches[i].CommitmentFeeUnpaid > 0))
            {
                rows.Add(name, "commitment fee unpaid at end", SummaryKind.Money, o => Of(o.Tranches[i].CommitmentFeeUnpaid));
            }

            if (rows.Outcomes.Any(o => o.Tranches[i].GuaranteeFeeUnpaid > 0))
            {
                rows.Add(name, "guarantee fee unpaid at end", SummaryKind.Money, o => Of(o.Tranches[i].GuaranteeFeeUnpaid));
            }

            if (IsGuaranteed(rows.Deal, i))
            {
                // The figures above are the issuer's (without the guarantee); these the holders' (with it).
                rows.Add(name, "paid by guarantor (net)", SummaryKind.Money, o => Of(o.Tranches[i].PaidByGuarantor));
                rows.Add(name, "holders' IRR with guarantee", SummaryKind.Rate, o => Of(o.Tranches[i].HoldersIrr));
                rows.Add(name, "holders' loss with guarantee", SummaryKind.Money, o => Of(o.Tranches[i].HoldersLoss));
            }
            if (rows.Deal.Tranches[i].ConversionPrice != 0)
            {
                // Only a convertible has the rows, so the summaries of every other tranche stay as they were.
                rows.Add(name, "converted on", SummaryKind.Date, o => On(o.Tranches[i].ConvertedOn));
                rows.Add(name, "shares value", SummaryKind.Money, o => Of(o.Tranches[i].SharesValue));
            }

            if (rows.Deal.Tranches[i].HasPuts)
            {
                // Only a convertible with a put has it: the end of the period the holder put in.
                rows.Add(name, "put on", SummaryKind.Date, o => On(o.Tranches[i].PutOn));
            }

            if (rows.Deal.Tranches[i].HasReset)
            {
                // Only a convertible whose price resets has it: the conversion price in force at the end, after the resets.
                rows.Add(name, "conversion price", SummaryKind.Number, o => Of(o.Tranches[i].ConversionPrice));
            }

            if (rows.Outcomes.Any(o => o.Tranches[i].Called))
            {
                // Only a tranche some scenario calls (a convertible or plain notes) has it: the end of the period the issuer called in.
                rows.Add(name, "called on", SummaryKind.Date, o => On(o.Tranches[i].CalledOn));
            }
        }
    }

    static bool IsGuaranteed(DealLang.Runtime.DealDescription deal, int tranche) =>
        deal.Guarantees.Any(g => g.Kind == DealLang.Runtime.GuaranteeTarget.Tranche && g.Target == tranche);

    /// <summary>The JSON summary's <c>tranches</c> array (one with a commitment fee with <c>commitmentFeePaid</c>,
    /// <c>irrWithCommitmentFee</c> and <c>commitmentFeeUnpaid</c>, a guaranteed one with <c>guaranteeFeeUnpaid</c>; a convertible's with <c>convertedOn</c> and <c>sharesValue</c>, one with a put <c>putOn</c>, one whose price resets <c>conversionPrice</c>, one its scenario calls <c>calledOn</c>).</summary>
    public static void WriteJson(Utf8JsonWriter w, DealLang.Runtime.DealDescription deal, ScenarioOutcome outcome)
    {
        w.WriteStartArray("tranches");
        for (int i = 0; i < outcome.Tranches.Length; i++)
        {
            TrancheSummary t = outcome.Tranches[i];
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
            if (deal.Tranches[i].CommitmentFee > 0)
            {
                Json.Money(w, "commitmentFeePaid", t.CommitmentFeePaid);
                Json.Number(w, "irrWithCommitmentFee", t.IrrWithCommitmentFee);
                Json.Money(w, "commitmentFeeUnpaid", t.CommitmentFeeUnpaid);
            }

            if (t.Guaranteed)
            {
                Json.Money(w, "paidByGuarantor", t.PaidByGuarantor);
                Json.Number(w, "holdersIrr", t.HoldersIrr);
                Json.Money(w, "holdersLoss", t.HoldersLoss);
                Json.Money(w, "guaranteeFeeUnpaid", t.GuaranteeFeeUnpaid);
            }
            if (deal.Tranches[i].ConversionPrice != 0)
            {
                Json.Date(w, "convertedOn", t.ConvertedOn);
                Json.Money(w, "sharesValue", t.SharesValue);
            }

            if (deal.Tranches[i].HasPuts)
            {
                Json.Date(w, "putOn", t.PutOn);
            }

            if (deal.Tranches[i].HasReset)
            {
                Json.Number(w, "conversionPrice", t.ConversionPrice);
            }

            if (t.Called)
            {
                Json.Date(w, "calledOn", t.CalledOn);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
