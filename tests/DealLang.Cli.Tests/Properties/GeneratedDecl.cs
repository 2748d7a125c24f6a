namespace DealLang.Cli.Tests.Properties;

/// <summary>A generated declaration: its text and what later declarations need to know of it (a test's unit, a
/// lease's renewal count), so that references and scenario levers stay within the checker's limits.</summary>
internal sealed record GeneratedDecl(string Name, string Text, string Unit = "", int Renewals = 0)
{
    /// <summary>A lease's break dates, whole months from its start (empty when it has no break option).</summary>
    public int[] Breaks { get; init; } = [];

    /// <summary>A lease's renewal terms' break dates, whole months from each renewal term's start (empty when its
    /// renewals have no break option).</summary>
    public int[] RenewalBreaks { get; init; } = [];
}
