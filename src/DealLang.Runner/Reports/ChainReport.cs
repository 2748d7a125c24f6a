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
        ChainLayerOutcome[] layers = [.. outcomes.Select(ChainLayers.Of)];
        return format switch
        {
            ReportFormat.Table => Table(top, scenarios, rows) + "\n" + LayerTable(top, scenarios, layers),
            ReportFormat.Csv => Csv(scenarios, rows) + LayerCsv(layers),
            ReportFormat.Json => JsonText(top, outcomes, layers),
            ReportFormat.Markdown => Markdown(top, scenarios, rows) + "\n" + LayerMarkdown(top, scenarios, layers),
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
    internal static Date? FirstTrap(ScenarioOutcome outcome)
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
        text.Append("### ").Append(MarkdownText.Escape(Heading(top))).Append("\n\n");
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

    // The layers' rows, bottom up, then which breaks first and who bears the loss: the same cells in every format.
    static List<string[]> LayerRows(ChainLayerOutcome[] layers)
    {
        var rows = new List<string[]>();
        for (int l = 0; l < layers[0].Layers.Count; l++)
        {
            int layer = l;
            string name = layers[0].Layers[l].Layer;
            rows.Add([name, "first trap", .. layers.Select(o => Dated(o.Layers[layer].FirstTrap, o.Layers[layer].TrapBy))]);
            rows.Add([name, "default", .. layers.Select(o => Dated(o.Layers[layer].Default, o.Layers[layer].DefaultBy))]);
            rows.Add([name, "loss", .. layers.Select(o => double.IsNaN(o.Layers[layer].Loss) ? "-" : ValueText.Millions(o.Layers[layer].Loss))]);
        }

        rows.Add(["chain", "breaks first", .. layers.Select(o => o.BreaksFirst)]);
        rows.Add(["chain", "bears the loss", .. layers.Select(o => o.BearsLoss)]);
        return rows;
    }

    static string Dated(Date? date, string? by) => date is { } d ? d + " " + by : "-";

    static string LayerTable(DealDescription top, string[] scenarios, ChainLayerOutcome[] layers)
    {
        var text = new StringBuilder();
        text.Append("the chain by layer, bottom up: ").Append(TerminalText.Escape(top.Name)).Append('\n');
        text.Append("money in ").Append(TerminalText.Escape(top.Currency)).Append(" millions\n\n");
        var table = new List<string[]> { (string[])["", "", .. scenarios] };
        string previous = "";
        foreach (string[] row in LayerRows(layers))
        {
            table.Add([string.Equals(row[0], previous, StringComparison.Ordinal) ? "" : row[0], .. row[1..]]);
            previous = row[0];
        }

        TextTable.Write(text, table, headerRows: 1, labelColumns: 2);
        return text.ToString();
    }

    static string LayerCsv(ChainLayerOutcome[] layers)
    {
        var text = new StringBuilder();
        foreach (string[] row in LayerRows(layers))
        {
            Reports.Csv.WriteRecord(text, ["layer: " + row[0], .. row[1..]]);
        }

        return text.ToString();
    }

    static string LayerMarkdown(DealDescription top, string[] scenarios, ChainLayerOutcome[] layers)
    {
        var text = new StringBuilder();
        text.Append("### The chain by layer, bottom up: ").Append(MarkdownText.Escape(top.Name)).Append("\n\n");
        MarkdownTable.Write(text, ["layer", "metric", .. scenarios], LayerRows(layers), labelColumns: 2);
        return text.ToString();
    }

    static void WriteLayers(System.Text.Json.Utf8JsonWriter w, ChainLayerOutcome layers)
    {
        w.WriteStartArray("layers");
        foreach (LayerFigure l in layers.Layers)
        {
            w.WriteStartObject();
            w.WriteString("layer", l.Layer);
            Json.Date(w, "firstTrap", l.FirstTrap);
            w.WriteString("firstTrapBy", l.TrapBy);
            Json.Date(w, "default", l.Default);
            w.WriteString("defaultBy", l.DefaultBy);
            if (double.IsNaN(l.Loss))
            {
                w.WriteNull("loss");
            }
            else
            {
                Json.Money(w, "loss", l.Loss);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("breaksFirst", layers.BreaksFirst);
        w.WriteString("bearsLoss", layers.BearsLoss);
    }

    static string JsonText(DealDescription top, IReadOnlyList<ChainOutcome> outcomes, ChainLayerOutcome[] layers) =>
        Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("chain", top.Name);
            w.WriteStartArray("scenarios");
            for (int s = 0; s < outcomes.Count; s++)
            {
                ChainOutcome outcome = outcomes[s];
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
                WriteLayers(w, layers[s]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
