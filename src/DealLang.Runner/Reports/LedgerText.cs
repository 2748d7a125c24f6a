using System.Text;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The terminal table of a ledger, transposed: one row per ledger line, one column per period, in blocks of
/// <see cref="PeriodsPerBlock"/> periods. Why transposed: a typical deal has ~48 periods and ~40 lines whose
/// names run to 25 characters ("3 pay Notes.interest paid"). A row per period would make every column as
/// wide as its name and a line ~1,000 characters long; transposed, each name is printed once on the left and
/// each period column is only as wide as a date, so a block of 12 periods fits ~170 columns, and it reads
/// like the cash-flow statement of a term sheet (lines down, time across).
/// </summary>
static class LedgerText
{
    const int PeriodsPerBlock = 12;

    public static string Render(DealDescription deal, LedgerLayout layout, string scenario, LedgerTable ledger)
    {
        var text = new StringBuilder();
        text.Append(LedgerReport.Heading(deal, scenario)).Append('\n');
        text.Append("period ledger, money in ").Append(TerminalText.Escape(deal.Currency)).Append(" millions, ")
            .Append(LedgerReport.Extent(deal, ledger)).Append('\n');

        for (int first = 0; first < ledger.Periods; first += PeriodsPerBlock)
        {
            int count = Math.Min(PeriodsPerBlock, ledger.Periods - first);
            text.Append('\n');
            TextTable.Write(text, Block(deal, layout, ledger, first, count), headerRows: 3);
        }

        return text.ToString();
    }

    static List<string[]> Block(DealDescription deal, LedgerLayout layout, LedgerTable ledger, int first, int count)
    {
        var rows = new List<string[]>(layout.Columns.Length + 3)
        {
            Row("period", count, t => ValueText.Integer(first + t + 1)),
            Row("start", count, t => deal.Boundaries[first + t].ToString()),
            Row("end", count, t => deal.Boundaries[first + t + 1].ToString()),
        };
        for (int c = 0; c < layout.Columns.Length; c++)
        {
            LedgerColumn column = layout.Columns[c];
            rows.Add(Row(column.Name, count, t => ValueText.Human(ledger[first + t, c], column.Kind)));
        }

        return rows;
    }

    static string[] Row(string label, int count, Func<int, string> cell)
    {
        var row = new string[count + 1];
        row[0] = label;
        for (int t = 0; t < count; t++)
        {
            row[t + 1] = cell(t);
        }

        return row;
    }
}
