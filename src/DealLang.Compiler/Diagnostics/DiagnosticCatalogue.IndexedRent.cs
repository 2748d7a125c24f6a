using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A lease's rent indexed to an index (docs/language.md §5 "lease", "Indexed rent"): DL0492 a base level that is not
// above zero, DL0493 an indexed rent with renewals at market. Kept together as one feature.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0492: an indexed lease whose index's level on the lease's start (the deal's own terms, a constant: the
    /// denominator of every period's ratio) is zero or below: the ratio would divide by zero or flip the rent's sign.</summary>
    public static Diagnostic IndexedRentBaseNotPositive(SourceSpan span, string lease, string index, string starts, double level) =>
        Error("DL0492", span, string.Create(CultureInfo.InvariantCulture,
            $"the rent of lease '{lease}' is indexed to '{index}', whose level on the lease's start ({starts}) is {level:G6}; the rent is scaled by the level over that one, which must be above zero"));

    /// <summary>DL0493: an indexed rent with <c>renewals … rent at market</c>: a renewal at market follows the market-rent
    /// index, not the lease's own, so the two would each claim the renewal terms' rent.</summary>
    public static Diagnostic IndexedRentRenewsAtMarket(SourceSpan span, string lease, string index) =>
        Error("DL0493", span,
            $"the rent of lease '{lease}' is indexed to '{index}' and renews at market: a renewal at market follows market_rent, not the lease's index; keep one ('renewals … at lessee option' renews the indexed rent)");
}
