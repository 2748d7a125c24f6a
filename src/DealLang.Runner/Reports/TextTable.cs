using System.Text;

namespace DealLang.Runner.Reports;

/// <summary>
/// An aligned plain-text table: the first <c>labelColumns</c> left-aligned (labels), the others right-aligned (numbers),
/// two spaces between columns, a dashed rule under the header rows. Trailing spaces are trimmed so the
/// output diffs cleanly.
/// </summary>
static class TextTable
{
    public static void Write(StringBuilder into, IReadOnlyList<string[]> rows, int headerRows, int labelColumns = 1)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // Deal text may hold control characters; escaped before measuring, so the columns still line up.
        rows = rows.Select(row => Array.ConvertAll(row, TerminalText.Escape)).ToList();
        int columns = rows[0].Length;
        var widths = new int[columns];
        foreach (string[] row in rows)
        {
            for (int c = 0; c < columns; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        for (int r = 0; r < rows.Count; r++)
        {
            WriteLine(into, rows[r], widths, labelColumns);
            if (r == headerRows - 1)
            {
                WriteRule(into, widths);
            }
        }
    }

    static void WriteLine(StringBuilder into, string[] cells, int[] widths, int labelColumns)
    {
        int lineStart = into.Length;
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                into.Append("  ");
            }

            string cell = cells[c];
            if (c < labelColumns)
            {
                into.Append(cell).Append(' ', widths[c] - cell.Length);
            }
            else
            {
                into.Append(' ', widths[c] - cell.Length).Append(cell);
            }
        }

        TrimEnd(into, lineStart);
        into.Append('\n');
    }

    static void WriteRule(StringBuilder into, int[] widths)
    {
        for (int c = 0; c < widths.Length; c++)
        {
            if (c > 0)
            {
                into.Append("  ");
            }

            into.Append('-', widths[c]);
        }

        into.Append('\n');
    }

    static void TrimEnd(StringBuilder into, int lineStart)
    {
        int end = into.Length;
        while (end > lineStart && into[end - 1] == ' ')
        {
            end--;
        }

        into.Length = end;
    }
}
