using System.Text.RegularExpressions;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

internal static partial class FigureIdentities
{
    /// <summary>A run's ledger read by column name (docs/language.md §12); a run without a ledger (summary-only) has no
    /// periods here, and the identities that read it check nothing.</summary>
    private sealed class Ledger(DealDescription deal, LedgerLayout layout, ScenarioOutcome outcome)
    {
        private readonly string[] names = [.. layout.Columns.Select(c => c.Name)];

        /// <summary>The event of default's period (−1 without one).</summary>
        public int DefaultPeriod { get; } = outcome.Events.EventOfDefault is { } eod ? Array.IndexOf(deal.Boundaries, eod) - 1 : -1;

        public int Periods => outcome.Ledger?.Periods ?? 0;

        /// <summary>Whether an amount of money other than a test's value (n/a where it divides by zero) is not finite.</summary>
        public bool Overflowed(DealDescription deal)
        {
            for (int k = 0; k < names.Length; k++)
            {
                if (layout.Columns[k].Kind == ColumnKind.Money && Array.IndexOf(deal.Tests, names[k]) < 0)
                {
                    for (int t = 0; t < Periods; t++)
                    {
                        if (!double.IsFinite(this[k, t]))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>Period t (0-based) as messages name it, from 1.</summary>
        public static string Label(int t) => $"period {t + 1}";

        public string Name(int column) => names[column];

        public bool Has(string column) => Array.IndexOf(names, column) >= 0;

        public double this[int column, int t] => outcome.Ledger![t, column];

        /// <summary>A column the deal must have: a missing one fails, naming the columns there are.</summary>
        public double this[string column, int t] => this[Index(column), t];

        /// <summary>A column the deal may lack, read as 0 then (a tranche without PIK has no capitalised column).</summary>
        public double Column(string column, int t)
        {
            int k = Array.IndexOf(names, column);
            return k < 0 ? 0 : this[k, t];
        }

        /// <summary>The sum of a column over the periods run; 0 when the deal has no such column.</summary>
        public double Sum(string column)
        {
            int k = Array.IndexOf(names, column);
            double sum = 0;
            for (int t = 0; k >= 0 && t < Periods; t++)
            {
                sum += this[k, t];
            }

            return sum;
        }

        public double SumAt(int[] columns, int t) => columns.Sum(k => this[k, t]);

        public int[] Matching(string pattern) =>
            [.. Enumerable.Range(0, names.Length).Where(k => Regex.IsMatch(names[k], pattern, RegexOptions.CultureInvariant))];

        private int Index(string column)
        {
            int k = Array.IndexOf(names, column);
            Assert.True(k >= 0, $"no ledger column '{column}' (has: {string.Join(", ", names)})");
            return k;
        }
    }
}
