using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A forward-looking test's diagnostics ('test FwdDs = debt_service over next 12m', docs/language.md §7):
// DL0230 what it reads, DL0343–DL0344 its window. Kept in a file of their own so they read together.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0230: a forward test that reads a flow other than debt service and cfads: only the deal's and a
    /// tranche's scheduled debt service, and the deal's contracted cfads, can be projected from what is known at the
    /// test date.</summary>
    public static Diagnostic ForwardFlowNotProjected(SourceSpan span, string test, string flow) =>
        Error("DL0230", span,
            $"test '{test}' looks forward ('over next'), and only debt service ('debt_service', 'T.debt_service') and 'cfads' can be projected over the periods ahead, not '{flow}'; read '{flow}' in a test of its own and use that test here");

    /// <summary>DL0343: a forward window that is not a whole number of months: the window ends a number of
    /// calendar months after the period's end.</summary>
    public static Diagnostic ForwardWindowNotWholeMonths(SourceSpan span, string test, string window) =>
        Error("DL0343", span,
            $"the forward window of test '{test}' must be whole months or years (e.g. '12m', '1y'), not '{window}'");

    /// <summary>DL0344: a forward window longer than the deal: no period could ever see it whole.</summary>
    public static Diagnostic ForwardWindowBeyondDeal(SourceSpan span, string test, int windowMonths, int dealMonths) =>
        Error("DL0344", span, string.Create(CultureInfo.InvariantCulture,
            $"the forward window of test '{test}' is {windowMonths} months, longer than the deal's {dealMonths} months from closing to maturity"));
}
