namespace DealLang.Runner.Running;

/// <summary>A read-only copy of the period ledger for the periods actually run: [period, column], the columns
/// being those of the program's <see cref="DealLang.Runtime.LedgerLayout"/>.</summary>
public sealed class LedgerTable
{
    readonly double[,] values;

    LedgerTable(double[,] values) => this.values = values;

    public int Periods => values.GetLength(0);

    public int Columns => values.GetLength(1);

    public double this[int period, int column] => values[period, column];

    /// <summary>Copies the first <paramref name="periods"/> rows of <paramref name="ledger"/>.</summary>
    internal static LedgerTable CopyOf(double[,] ledger, int periods)
    {
        int columns = ledger.GetLength(1);
        var copy = new double[periods, columns];
        if (periods > 0 && columns > 0)
        {
            // Row-major storage: the first `periods` rows are one contiguous run.
            Array.Copy(ledger, copy, periods * columns);
        }

        return new LedgerTable(copy);
    }
}
