using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A lease's RVG measured against a remarketing sale, 'rvg guarantees G cap C against remarketing cost 3%'
// (docs/language.md §5 "lease", "An RVG against a remarketing sale"): its cost, DL0528; its facility leased by another
// lease too, DL0529.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0528: a remarketing cost outside [0, 100%): the sale's net proceeds are the value × (1 − cost), so a
    /// negative cost would sell above the value and a cost of 100% or more for nothing or less.</summary>
    public static Diagnostic RemarketingCostOutOfRange(SourceSpan span, string lease, double cost) =>
        Error("DL0528", span, string.Create(CultureInfo.InvariantCulture,
            $"the remarketing cost of the residual value guarantee of lease '{lease}' is {cost:0.####%}, but a remarketing sale nets the facility's value less a cost in [0%, 100%): write the cost as a share of the value, e.g. 'against remarketing cost 3%'"));

    /// <summary>DL0529: an RVG against remarketing on a lease whose facility another lease leases too: the remarketing
    /// sells the whole facility when this lease ends, and would take the other lease's tenant and rent with it.</summary>
    public static Diagnostic RemarketingSharedFacility(SourceSpan span, string lease, string facility, string other) =>
        Error("DL0529", span,
            $"the residual value guarantee of lease '{lease}' is measured 'against remarketing', which sells facility '{facility}' when the lease ends, but lease '{other}' leases '{facility}' too: measure this RVG against the appraised value (drop 'against remarketing'), or give each lease a facility of its own");
}
