namespace DealLang.Runner.Reports;

/// <summary>The output formats of the ledger and summary reports.</summary>
public enum ReportFormat
{
    /// <summary>An aligned plain-text table for a terminal; money in millions.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row; money to the cent, rates and ratios at full precision.</summary>
    Csv,

    /// <summary>Indented JSON; money to the cent, undefined values as null.</summary>
    Json,

    /// <summary>A GitHub-flavoured Markdown table; money in millions.</summary>
    Markdown,
}
