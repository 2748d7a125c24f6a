using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A lease's renewal terms' termination fee stepping from term to term, 'renewals 2 x 5y at lessee option with
// termination_fee 300m, 150m' (docs/language.md §5 "lease", "Termination fee in the renewal terms"): DL0578.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0578: a renewal terms' termination fee with more than one amount, but not one per renewal term: which
    /// term owes which amount would be a guess.</summary>
    public static Diagnostic RenewalFeeCountMismatch(SourceSpan span, string lease, int fees, int renewals) =>
        Error("DL0578", span, string.Create(CultureInfo.InvariantCulture,
            $"the renewal terms' termination_fee of lease '{lease}' gives {fees} amounts for {renewals} renewal term{(renewals == 1 ? "" : "s")}: give one amount for every renewal term, or one per renewal term in order"));
}
