using System.Text.Json;
using DealLang.Runner.Running;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>Each equity: what went in, what came out (in all and to each holder) and its IRR; for a fund's equity
/// with a carry, the GP's carry and each LP class's capital, distributions, IRR and loss.</summary>
static class EquityRows
{
    public static void Add(SummaryRowBuilder rows)
    {
        for (int e = 0; e < rows.Deal.Equities.Length; e++)
        {
            string name = rows.Deal.Equities[e].Name;
            rows.Add(name, "contributed", SummaryKind.Money, o => Of(o.Equities[e].Contributed));
            if (rows.Outcomes.Any(o => o.Equities[e].PaidIn != 0))
            {
                // what it paid in besides: with 'contributed', all the capital its LP classes' 'contributed' add up to
                rows.Add(name, "cures and draw calls", SummaryKind.Money, o => Of(o.Equities[e].PaidIn));
            }

            if (!double.IsNaN(rows.Deal.Equities[e].Commitment))
            {
                // a fund's commitment, and what of it was never paid in (calls the run did not reach, or not made)
                rows.Add(name, "commitment", SummaryKind.Money, o => Of(o.Equities[e].Commitment));
                rows.Add(name, "unfunded", SummaryKind.Money, o => Of(o.Equities[e].Unfunded));
            }

            rows.Add(name, "distributions", SummaryKind.Money, o => Of(o.Equities[e].Distributions));
            rows.Add(name, SummaryRows.IrrLabel, SummaryKind.Rate, o => Of(o.Equities[e].Irr));
            for (int h = 0; h < rows.Deal.Equities[e].Holders.Length; h++)
            {
                int holder = h;
                string label = "to " + SummaryRows.HolderName(rows.Deal, rows.Deal.Equities[e].Holders[h].Party);
                rows.Add(name, label, SummaryKind.Money, o => Of(o.Equities[e].Holders[holder].Distributions));
            }

            if (rows.Deal.Equities[e].Carry is { } carry)
            {
                AddCarry(rows, e, carry);
            }
        }
    }

    // The classes are the holders (or the equity itself when it lists none), in the order CarrySplit's summary has them.
    static void AddCarry(SummaryRowBuilder rows, int e, DealLang.Runtime.CarryTerms carry)
    {
        var equity = rows.Deal.Equities[e];
        string name = equity.Name;
        rows.Add(name, "carry to " + SummaryRows.HolderName(rows.Deal, carry.Partner), SummaryKind.Money, o => Of(o.Equities[e].Carry?.Carry ?? double.NaN));
        if (carry.DealByDeal)
        {
            rows.Add(name, "clawback to LPs", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Clawback ?? double.NaN));

            // carry owed deal by deal but deferred for want of a distribution and still unpaid at the end: the LPs kept it
            rows.Add(name, "carry unpaid at end", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Unpaid ?? double.NaN));
        }

        bool classTerms = equity.Holders.Any(h => h.Terms is not null);
        bool commitment = !double.IsNaN(equity.Commitment);
        int classes = Math.Max(1, equity.Holders.Length);
        for (int c = 0; c < classes; c++)
        {
            int k = c;
            string lp = "LP " + (equity.Holders.Length > 0 ? SummaryRows.HolderName(rows.Deal, equity.Holders[c].Party) : name);
            rows.Add(name, lp + " contributed", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Classes[k].Contributed ?? double.NaN));
            rows.Add(name, lp + " distributions", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Classes[k].Distributions ?? double.NaN));
            rows.Add(name, lp + " " + SummaryRows.IrrLabel, SummaryKind.Rate, o => Of(o.Equities[e].Carry?.Classes[k].Irr ?? double.NaN));
            rows.Add(name, lp + " loss", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Classes[k].Loss ?? double.NaN));
            if (commitment)
            {
                rows.Add(name, lp + " unfunded", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Classes[k].Unfunded ?? double.NaN));
            }

            if (classTerms || carry.DealByDeal)
            {
                // the GP's carry out of each class, when the classes' terms (or the holdings' fortunes) differ
                rows.Add(name, lp + " carry paid", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Classes[k].Carry ?? double.NaN));
            }

            if (carry.DealByDeal)
            {
                rows.Add(name, lp + " carry unpaid", SummaryKind.Money, o => Of(o.Equities[e].Carry?.Classes[k].Unpaid ?? double.NaN));
            }
        }
    }

    /// <summary>The JSON summary's <c>equities</c> array.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        w.WriteStartArray("equities");
        foreach (EquitySummary e in outcome.Equities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            Json.Money(w, "contributed", e.Contributed);
            Json.Money(w, "paidIn", e.PaidIn);
            Json.Money(w, "distributions", e.Distributions);
            Json.Number(w, "irr", e.Irr);
            if (!double.IsNaN(e.Commitment))
            {
                Json.Money(w, "commitment", e.Commitment);
                Json.Money(w, "unfunded", e.Unfunded);
            }

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
            if (e.Carry is { } carry)
            {
                w.WriteStartObject("carry");
                w.WriteString("partner", carry.Partner);
                Json.Money(w, "carry", carry.Carry);
                if (carry.DealByDeal)
                {
                    w.WriteBoolean("dealByDeal", true);
                    Json.Money(w, "clawback", carry.Clawback);
                    Json.Money(w, "carryUnpaid", carry.Unpaid);
                }

                w.WriteStartArray("classes");
                foreach (LpClassSummary c in carry.Classes)
                {
                    w.WriteStartObject();
                    w.WriteString("holder", c.Holder);
                    Json.Money(w, "contributed", c.Contributed);
                    Json.Money(w, "distributions", c.Distributions);
                    Json.Number(w, "irr", c.Irr);
                    Json.Money(w, "loss", c.Loss);
                    if (!double.IsNaN(c.Unfunded))
                    {
                        Json.Money(w, "unfunded", c.Unfunded);
                    }

                    if (carry.ClassTerms || carry.DealByDeal)
                    {
                        Json.Number(w, "hurdle", c.Hurdle);
                        Json.Number(w, "carryRate", c.Rate);
                        Json.Money(w, "carryPaid", c.Carry);
                        Json.Money(w, "clawback", c.Clawback);
                    }

                    if (carry.DealByDeal)
                    {
                        Json.Money(w, "carryUnpaid", c.Unpaid);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
