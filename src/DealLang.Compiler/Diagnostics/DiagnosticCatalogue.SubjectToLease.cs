namespace DealLang.Compiler.Diagnostics;

// An enforcement sale of a leased facility subject to its lease, 'sell Campus haircut 20% lag 6m subject to lease'
// (docs/language.md §9, "subject-to-lease"): on collateral no lease is on, DL0232.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0232: <c>subject to lease</c> on a sale that lists a loan, a fleet or coins, or a facility no lease of
    /// the deal is on: the sale waits for the leases of its facilities to end, and this collateral has none to wait for
    /// (a fleet's contracts are kept running with the repo market's <c>keep contracts</c>).</summary>
    public static Diagnostic SubjectToLeaseWithoutLease(SourceSpan span, string name, string why) =>
        Error("DL0232", span,
            $"'{name}' {why}, but the sale is 'subject to lease', which waits for the leases of the facilities it sells to end: sell '{name}' in a sale of its own without 'subject to lease'");
}
