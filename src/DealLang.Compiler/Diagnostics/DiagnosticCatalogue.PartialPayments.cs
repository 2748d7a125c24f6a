using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A loan's obligor in arrears, a scenario's lever ('MinerLoan pays 60% from 2027-01-01 to 2027-09-30', docs/language.md
// §10 "Partial payments"): DL0565 a share outside (0, 100%], DL0566 a window whose 'to' is before its 'from', DL0567 a
// date outside the deal. A name not declared is DL0504, one that is not a loan DL0505, as for every lever.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0565: the share an obligor pays outside (0, 100%]: paying nothing is a default ('P defaults on DATE'),
    /// and no obligor pays more than falls due.</summary>
    public static Diagnostic LoanPaysShareOutOfRange(SourceSpan span, string scenario, string loan, double share) =>
        Error("DL0565", span, string.Create(CultureInfo.InvariantCulture,
            $"scenario '{scenario}': the share of what falls due that the obligor of loan '{loan}' pays must be above 0% and at most 100%, not {share * 100:0.##}% (an obligor that pays nothing has defaulted: write '... defaults on DATE')"));

    /// <summary>DL0566: a partial-payment window whose <c>to</c> date is before its <c>from</c> date.</summary>
    public static Diagnostic LoanPaysWindowReversed(SourceSpan span, string scenario, string loan, string from, string to) =>
        Error("DL0566", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' end ({to}) before they start ({from}): write the 'from' date first");

    /// <summary>DL0567: a partial-payment window's date on or before the closing or after the deal's maturity.</summary>
    public static Diagnostic LoanPaysDateOutsideDeal(SourceSpan span, string scenario, string loan, string date, string closing, string maturity) =>
        Error("DL0567", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' are dated {date}, outside the deal: a date must be after the closing ({closing}) and not after the deal's maturity ({maturity})");
}
