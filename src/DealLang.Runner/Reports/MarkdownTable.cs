using System.Text;

namespace DealLang.Runner.Reports;

/// <summary>A GitHub-flavoured Markdown table: the first <c>labelColumns</c> left-aligned, the others right-aligned.</summary>
static class MarkdownTable
{
    public static void Write(StringBuilder into, string[] header, IReadOnlyList<string[]> rows, int labelColumns = 1)
    {
        WriteRow(into, header);
        into.Append('|');
        for (int c = 0; c < header.Length; c++)
        {
            into.Append(c < labelColumns ? " --- |" : " ---: |");
        }

        into.Append('\n');
        foreach (string[] row in rows)
        {
            WriteRow(into, row);
        }
    }

    static void WriteRow(StringBuilder into, string[] cells)
    {
        into.Append('|');
        foreach (string cell in cells)
        {
            into.Append(' ').Append(Escape(cell)).Append(" |");
        }

        into.Append('\n');
    }

    // A pipe would end the cell, a line break (escaped with the other control characters) the row, and a deal's own
    // words (a rating) could be HTML or emphasis: MarkdownText.
    static string Escape(string cell) => MarkdownText.Escape(cell);
}
