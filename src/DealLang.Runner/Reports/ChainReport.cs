using System.Text;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The chain at a glance (docs/language.md §12 "The chain report"): for each entity, in the order they ran (each
/// after those it holds, the top deal last), its first trap (the first period end any trigger was active), its event
/// of default and sale dates, each tranche's principal loss and unpaid interest, and a fund's LP classes' losses
/// (an equity with a carry), scenarios side by side: which layer breaks first, and who bears the loss. Each entity's own summary and ledgers are reported beside it.
/// </summary>
public static class ChainReport
{
    public static string Render(IReadOnlyList<ChainOutcome> outcomes, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            throw new ArgumentException("A chain report needs at least one scenario.", nameof(outcomes));
        }

        List<SummaryRow> rows = Rows(outcomes);
        DealDescription top = outcomes[0].Entities[^1].Deal;
        string[] scenarios = [.. outcomes.Select(o => o.Scenario)];
        return format switch
        {
            ReportFormat.Table => Table(top, scenarios, rows),
            ReportFormat.Csv => Csv(scenarios, rows),
            ReportFormat.Json => JsonText(top, outcomes),
            ReportFormat.Markdown => Markdown(top, scenarios, rows),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }

    static List<SummaryRow> Rows(IReadOnlyList<ChainOutcome> outcomes)
    {
        var rows = new List<SummaryRow>();
        int entities = outcomes[0].Entities.Length;
        for (int e = 0; e < entities; e++)
        {
            int entity = e;
            DealDescription deal = outcomes[0].Entities[e].Deal;
            SummaryCell[] Cells(Func<ScenarioOutcome, SummaryCell> cell) => [.. outcomes.Select(o => cell(o.Entities[entity].Outcome))];
            rows.Add(new SummaryRow(deal.Name, "first trap", SummaryKind.Date, Cells(o => new SummaryCell(double.NaN, FirstTrap(o)))));
            rows.Add(new SummaryRow(deal.Name, "event of default", SummaryKind.Date, Cells(o => new SummaryCell(double.NaN, o.Events.EventOfDefault))));
            rows.Add(new SummaryRow(deal.Name, "sale", SummaryKind.Date, Cells(o => new SummaryCell(double.NaN, o.Events.Sale))));
            for (int t = 0; t < deal.Tranches.Length; t++)
            {
                int tranche = t;
                string item = deal.Name + "." + deal.Tranches[t].Name;
                rows.Add(new SummaryRow(item, "principal loss", SummaryKind.Money, Cells(o => new SummaryCell(o.Tranches[tranche].PrincipalLoss, null))));
                rows.Add(new SummaryRow(item, "unpaid interest", SummaryKind.Money, Cells(o => new SummaryCell(o.Tranches[tranche].UnpaidInterest, null))));
            }

            // a fund's LP classes are the chain's last risk bearers: what each lost (capital less what it received)
            for (int q = 0; q < deal.Equities.Length; q++)
            {
                int equity = q;
                if (outcomes[0].Entities[e].Outcome.Equities[q].Carry is not { } carry)
                {
                    continue;
                }

                for (int c = 0; c < carry.Classes.Length; c++)
                {
                    int lp = c;
                    string item = deal.Name + "." + deal.Equities[q].Name + " LP " + carry.Classes[c].Holder;
                    rows.Add(new SummaryRow(item, "loss", SummaryKind.Money, Cells(o => new SummaryCell(o.Equities[equity].Carry?.Classes[lp].Loss ?? double.NaN, null))));
                }
            }
        }

        return rows;
    }

    /// <summary>The first period end at which any of the entity's triggers was active; null if none ever was.</summary>
    static Date? FirstTrap(ScenarioOutcome outcome)
    {
        Date? first = null;
        foreach (TriggerFirstActive trigger in outcome.Events.Triggers)
        {
            if (trigger.FirstActive is { } d && (first is null || d < first.Value))
            {
                first = d;
            }
        }

        return first;
    }

    static string Heading(DealDescription top) => "chain of " + SummaryReport.Heading(top) + ", entities in the order they run";

    static string Table(DealDescription top, string[] scenarios, List<SummaryRow> rows)
    {
        var text = new StringBuilder();
        text.Append(Heading(top)).Append('\n');
        text.Append("money in ").Append(TerminalText.Escape(top.Currency)).Append(" millions\n\n");
        string[] header = ["", "", .. scenarios];
        var table = new List<string[]> { header };
        string previous = "";
        foreach (SummaryRow row in rows)
        {
            table.Add([string.Equals(row.Item, previous, StringComparison.Ordinal) ? "" : row.Item, row.Metric, .. row.Cells.Select(c => SummaryRows.Human(c, row.Kind))]);
            previous = row.Item;
        }

        TextTable.Write(text, table, headerRows: 1, labelColumns: 2);
        return text.ToString();
    }

    static string Csv(string[] scenarios, List<SummaryRow> rows)
    {
        var text = new StringBuilder();
        Reports.Csv.WriteRecord(text, ["item", "metric", .. scenarios]);
        foreach (SummaryRow row in rows)
        {
            Reports.Csv.WriteRecord(text, [row.Item, row.Metric, .. row.Cells.Select(c => SummaryRows.Exact(c, row.Kind))]);
        }

        return text.ToString();
    }

    static string Markdown(DealDescription top, string[] scenarios, List<SummaryRow> rows)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(Heading(top)).Append("\n\n");
        text.Append("Money in ").Append(TerminalText.Escape(top.Currency)).Append(" millions.\n\n");
        MarkdownTable.Write(text, ["item", "metric", .. scenarios], [.. rows.Select(r => (string[])[r.Item, r.Metric, .. r.Cells.Select(c => SummaryRows.Human(c, r.Kind))])], labelColumns: 2);
        return text.ToString();
    }

    // Only an entity whose equity has a carry has LP classes, so other chains' JSON is as it was.
    static void WriteLpClasses(System.Text.Json.Utf8JsonWriter w, ScenarioOutcome o)
    {
        var funds = o.Equities.Where(q => q.Carry is not null).ToList();
        if (funds.Count == 0)
        {
            return;
        }

        w.WriteStartArray("lpClasses");
        foreach (EquitySummary q in funds)
        {
            foreach (LpClassSummary c in q.Carry!.Classes)
            {
                w.WriteStartObject();
                w.WriteString("equity", q.Name);
                w.WriteString("holder", c.Holder);
                Json.Money(w, "loss", c.Loss);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    static string JsonText(DealDescription top, IReadOnlyList<ChainOutcome> outcomes) =>
        Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("chain", top.Name);
            w.WriteStartArray("scenarios");
            foreach (ChainOutcome outcome in outcomes)
            {
                w.WriteStartObject();
                w.WriteString("name", outcome.Scenario);
                w.WriteStartArray("entities");
                foreach (EntityOutcome entity in outcome.Entities)
                {
                    ScenarioOutcome o = entity.Outcome;
                    w.WriteStartObject();
                    w.WriteString("deal", entity.Deal.Name);
                    Json.Date(w, "firstTrap", FirstTrap(o));
                    Json.Date(w, "eventOfDefault", o.Events.EventOfDefault);
                    Json.Date(w, "sale", o.Events.Sale);
                    w.WriteStartArray("tranches");
                    foreach (TrancheSummary t in o.Tranches)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", t.Name);
                        Json.Money(w, "principalLoss", t.PrincipalLoss);
                        Json.Money(w, "unpaidInterest", t.UnpaidInterest);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    WriteLpClasses(w, o);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
