namespace DealLang.Runtime;

/// <summary>How a ledger value is printed.</summary>
public enum ColumnKind
{
    Money,
    Ratio,
    Rate,
    Flag,

    /// <summary>A plain quantity: a test in compute units (GPUs, kWh, money per GPU-hour), shown with two decimals.</summary>
    Number,
}

/// <summary>One column of the period ledger, e.g. <c>pay Notes.interest: paid</c>.</summary>
public sealed record LedgerColumn(string Name, ColumnKind Kind);

/// <summary>The ledger's columns, fixed per deal by the compiler. <see cref="HistorySlots"/> is the number of
/// per-period history buffers the generated code needs for trailing tests.</summary>
public sealed record LedgerLayout(LedgerColumn[] Columns, int HistorySlots);
