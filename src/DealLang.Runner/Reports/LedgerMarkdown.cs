using System.Text;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>The ledger as a GitHub table with a row per period (a rendered page scrolls sideways, so the
/// terminal table's transposition is not needed here); values spelled as in the terminal table.</summary>
static class LedgerMarkdown
{
    public static string Render(DealDescription deal, LedgerLayout layout, string scenario, LedgerTable ledger)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(MarkdownText.Escape(LedgerReport.Heading(deal, scenario))).Append("\n\n");
        text.Append("Period ledger, money in ").Append(TerminalText.Escape(deal.Currency)).Append(" millions, ")
            .Append(LedgerReport.Extent(deal, ledger)).Append(".\n\n");

        var header = new string[layout.Columns.Length + 3];
        header[0] = "period";
        header[1] = "start";
        header[2] = "end";
        for (int c = 0; c < layout.Columns.Length; c++)
        {
            header[c + 3] = layout.Columns[c].Name;
        }

        var rows = new List<string[]>(ledger.Periods);
        for (int t = 0; t < ledger.Periods; t++)
        {
            var row = new string[header.Length];
            row[0] = ValueText.Integer(t + 1);
            row[1] = deal.Boundaries[t].ToString();
            row[2] = deal.Boundaries[t + 1].ToString();
            for (int c = 0; c < layout.Columns.Length; c++)
            {
                row[c + 3] = ValueText.Human(ledger[t, c], layout.Columns[c].Kind);
            }

            rows.Add(row);
        }

        MarkdownTable.Write(text, header, rows);
        return text.ToString();
    }
}
