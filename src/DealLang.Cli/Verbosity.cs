namespace DealLang.Cli;

/// <summary><c>-v/--verbosity</c>, an option of every verb (docs/cli.md, "Every verb").</summary>
public enum Verbosity
{
    /// <summary>Only results, diagnostics and errors: no progress, no <c>wrote FILE</c> or <c>note:</c> lines, no
    /// cache warnings.</summary>
    Quiet,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>Also, on standard error, the files read and how long each stage took.</summary>
    Detailed,
}
