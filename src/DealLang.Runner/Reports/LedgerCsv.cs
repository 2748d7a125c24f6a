using System.Text;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>The ledger as CSV: a header row, then one record per period (period, start, end, the columns);
/// money to the cent, rates and ratios at full precision, undefined values empty.</summary>
static class LedgerCsv
{
    public static string Render(DealDescription deal, LedgerLayout layout, LedgerTable ledger)
    {
        var text = new StringBuilder();
        var fields = new string[layout.Columns.Length + 3];
        fields[0] = "period";
        fields[1] = "start";
        fields[2] = "end";
        for (int c = 0; c < layout.Columns.Length; c++)
        {
            fields[c + 3] = layout.Columns[c].Name;
        }

        Csv.WriteRecord(text, fields);
        for (int t = 0; t < ledger.Periods; t++)
        {
            fields[0] = ValueText.Integer(t + 1);
            fields[1] = deal.Boundaries[t].ToString();
            fields[2] = deal.Boundaries[t + 1].ToString();
            for (int c = 0; c < layout.Columns.Length; c++)
            {
                fields[c + 3] = ValueText.Exact(ledger[t, c], layout.Columns[c].Kind);
            }

            Csv.WriteRecord(text, fields);
        }

        return text.ToString();
    }
}
