using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A loan's obligor in arrears, a scenario's lever ('MinerLoan pays 60% from 2027-01-01 to 2027-09-30', docs/language.md
// §10 "Partial payments"): DL0565 a share outside (0, 100%], DL0566 a window whose 'to' is before its 'from', DL0567 a
// date outside the deal; of a loan's several windows (a restructuring that steps), DL0590 one sharing a period with the
// window written before it or starting before it, DL0591 a window without 'to' before another. A name not declared is
// DL0504, one that is not a loan DL0505, as for every lever. A share drawn per path ('pays beta mean m sd s') whose beta
// cannot exist is DL0599; its loadings are checked as a drawn recovery's (DL0513, DL0533, DL0534).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0565: the share an obligor pays outside (0, 100%]: paying nothing is a default ('P defaults on DATE'),
    /// and no obligor pays more than falls due.</summary>
    public static Diagnostic LoanPaysShareOutOfRange(SourceSpan span, string scenario, string loan, double share) =>
        Error("DL0565", span, string.Create(CultureInfo.InvariantCulture,
            $"scenario '{scenario}': the share of what falls due that the obligor of loan '{loan}' pays must be above 0% and at most 100%, not {share * 100:0.##}% (an obligor that pays nothing has defaulted: write '... defaults on DATE')"));

    /// <summary>DL0599: a partial payment's share drawn per path (<c>pays beta mean m sd s</c>) from a beta that cannot
    /// exist: a mean outside (0, 100%), an sd not above 0, or sd² ≥ mean × (1 − mean) (α or β would not be positive), as a
    /// drawn recovery's beta is checked (DL0541).</summary>
    public static Diagnostic LoanPaysShareBeta(SourceSpan span, string scenario, string loan, double mean, double sd)
    {
        string m = (mean * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
        string d = (sd * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
        string why = mean <= 0 || mean >= 1
            ? $"has a mean of {m}: a beta distribution's mean is strictly between 0% and 100%" + (mean >= 1
                ? " (paying all of what falls due is no window: leave it out)"
                : " (an obligor that pays nothing has defaulted: write '... defaults on DATE')")
            : sd <= 0
                ? $"has a standard deviation of {d}: give one above 0%, or a fixed share ('pays {m} …')"
                : $"has a standard deviation of {d}, too large for a mean of {m}: a beta distribution's sd is below √(mean × (1 − mean)) = "
                    + (Math.Sqrt(mean * (1 - mean)) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        return Error("DL0599", span, $"scenario '{scenario}': the share of what falls due that the obligor of loan '{loan}' pays, drawn per path, {why}");
    }

    /// <summary>DL0566: a partial-payment window whose <c>to</c> date is before its <c>from</c> date.</summary>
    public static Diagnostic LoanPaysWindowReversed(SourceSpan span, string scenario, string loan, string from, string to) =>
        Error("DL0566", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' end ({to}) before they start ({from}): write the 'from' date first");

    /// <summary>DL0567: a partial-payment window's date on or before the closing or after the deal's maturity.</summary>
    public static Diagnostic LoanPaysDateOutsideDeal(SourceSpan span, string scenario, string loan, string date, string closing, string maturity) =>
        Error("DL0567", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' are dated {date}, outside the deal: a date must be after the closing ({closing}) and not after the deal's maturity ({maturity})");

    /// <summary>DL0590: a loan's partial-payment window that does not start in a period after the last period of the
    /// window written before it (the two share a period, or are written out of time order).</summary>
    public static Diagnostic LoanPaysWindowsOverlap(SourceSpan span, string scenario, string loan, string? from, string? earlierFrom, string earlierTo) =>
        Error("DL0590", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' {(from is null ? "without 'from' start in the first period" : $"from {from} start")}, not in a period after those {(earlierFrom is null ? "" : $"from {earlierFrom} ")}to {earlierTo} written before them: write a loan's windows in time order, each starting in a period after the last one's 'to'");

    /// <summary>DL0591: a loan's partial-payment window without <c>to</c> (to the maturity) followed by another.</summary>
    public static Diagnostic LoanPaysOpenWindowNotLast(SourceSpan span, string scenario, string loan, string? from) =>
        Error("DL0591", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' {(from is null ? "" : $"from {from} ")}have no 'to', so they run to the maturity, yet another window of the loan follows them: give them a 'to' date, or write them last");

    /// <summary>DL0592 (warning): a loan's partial-payment window starting in a period after the loan's maturity period,
    /// with no arrears carried into it (the loan's first window, or one after a period in no window, which cured them):
    /// nothing falls due in it, so the lever changes nothing (a date typed a year late, or the wrong loan).</summary>
    public static Diagnostic LoanPaysAfterTheMaturity(SourceSpan span, string scenario, string loan, string from, string loanMaturity) =>
        Warning("DL0592", span,
            $"scenario '{scenario}': the partial payments of loan '{loan}' from {from} start after the loan has matured ({loanMaturity}): nothing falls due in them, so they change nothing: check the year, or the loan");
}
