using System.Text;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// Scenarios side by side: for each tranche its IRR (and bond-equivalent yield), WAL, interest and principal paid, loss and unpaid
/// interest; for each equity what went in and came out and its IRR; the deal's events; RVG paid; each test's
/// minimum. Pure and byte-deterministic; money in millions for people (table, Markdown), to the cent for
/// machines (CSV, JSON).
/// </summary>
public static class SummaryReport
{
    public static string Render(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (ScenarioOutcome outcome in outcomes)
        {
            if (outcome.Tranches.Length != deal.Tranches.Length || outcome.Equities.Length != deal.Equities.Length
                || outcome.Events.RvgPaid.Length != deal.Leases.Length || outcome.Events.Tests.Length != deal.Tests.Length
                || outcome.Events.Triggers.Length != deal.Triggers.Length || outcome.Loans.Length != deal.Loans.Length)
            {
                throw new ArgumentException($"Scenario '{outcome.Scenario}' was not run on deal '{deal.Name}'.", nameof(outcomes));
            }
        }

        return format switch
        {
            ReportFormat.Table => Table(deal, outcomes),
            ReportFormat.Csv => Csv(deal, outcomes),
            ReportFormat.Json => SummaryJson.Render(deal, outcomes),
            ReportFormat.Markdown => Markdown(deal, outcomes),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }

    static string Table(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var text = new StringBuilder();
        text.Append(Heading(deal)).Append('\n');
        text.Append("summary, money in ").Append(TerminalText.Escape(deal.Currency)).Append(" millions\n");
        text.Append(SummaryRows.Conventions).Append("\n\n");

        var header = new string[outcomes.Count + 2];
        header[0] = "";
        header[1] = "";
        for (int s = 0; s < outcomes.Count; s++)
        {
            header[s + 2] = outcomes[s].Scenario;
        }

        var rows = new List<string[]> { header };
        string previous = "";
        foreach (SummaryRow row in SummaryRows.Build(deal, outcomes))
        {
            // The item is printed once per group, so the eye finds "Notes" and reads down its metrics.
            var cells = new string[outcomes.Count + 2];
            cells[0] = string.Equals(row.Item, previous, StringComparison.Ordinal) ? "" : row.Item;
            cells[1] = row.Metric;
            for (int s = 0; s < outcomes.Count; s++)
            {
                cells[s + 2] = SummaryRows.Human(row.Cells[s], row.Kind);
            }

            previous = row.Item;
            rows.Add(cells);
        }

        TextTable.Write(text, rows, headerRows: 1, labelColumns: 2);
        return text.ToString();
    }

    static string Csv(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var text = new StringBuilder();
        var header = new List<string> { "item", "metric" };
        foreach (ScenarioOutcome outcome in outcomes)
        {
            header.Add(outcome.Scenario);
        }

        Reports.Csv.WriteRecord(text, header);
        foreach (SummaryRow row in SummaryRows.Build(deal, outcomes))
        {
            var fields = new List<string>(outcomes.Count + 2) { row.Item, row.Metric };
            foreach (SummaryCell cell in row.Cells)
            {
                fields.Add(SummaryRows.Exact(cell, row.Kind));
            }

            Reports.Csv.WriteRecord(text, fields);
        }

        return text.ToString();
    }

    static string Markdown(DealDescription deal, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(MarkdownText.Escape(Heading(deal))).Append("\n\n");
        text.Append("Summary, money in ").Append(TerminalText.Escape(deal.Currency)).Append(" millions. ").Append(SummaryRows.Conventions).Append(".\n\n");

        var header = new string[outcomes.Count + 2];
        header[0] = "item";
        header[1] = "metric";
        for (int s = 0; s < outcomes.Count; s++)
        {
            header[s + 2] = outcomes[s].Scenario;
        }

        var rows = new List<string[]>();
        foreach (SummaryRow row in SummaryRows.Build(deal, outcomes))
        {
            var cells = new string[outcomes.Count + 2];
            cells[0] = row.Item;
            cells[1] = row.Metric;
            for (int s = 0; s < outcomes.Count; s++)
            {
                cells[s + 2] = SummaryRows.Human(row.Cells[s], row.Kind);
            }

            rows.Add(cells);
        }

        MarkdownTable.Write(text, header, rows, labelColumns: 2);
        return text.ToString();
    }

    // Only the table and Markdown formats print headings, both for people: the title is escaped here.
    internal static string Heading(DealDescription deal) =>
        TerminalText.Escape(string.Equals(deal.Title, deal.Name, StringComparison.Ordinal) ? deal.Name : $"{deal.Name} ({deal.Title})");
}
