using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// The few ledger columns the summaries read, found once per program by the names docs/language.md gives them
/// (a test's value under the test's own name). A column the layout lacks is −1, and
/// the summary falls back to what <see cref="RunResult"/> alone can tell.
/// </summary>
sealed class LayoutIndex
{
    public LayoutIndex(DealDescription deal, LedgerLayout layout)
    {
        TestKinds = new ColumnKind?[deal.Tests.Length];
        for (int i = 0; i < TestKinds.Length; i++)
        {
            int column = Find(layout, deal.Tests[i]);
            TestKinds[i] = column < 0 ? null : layout.Columns[column].Kind;
        }
    }

    /// <summary>[test]: how the ledger prints the test's value, or null if it has no column.</summary>
    public ColumnKind?[] TestKinds { get; }

    static int Find(LedgerLayout layout, string name)
    {
        for (int c = 0; c < layout.Columns.Length; c++)
        {
            if (string.Equals(layout.Columns[c].Name, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return -1;
    }
}
