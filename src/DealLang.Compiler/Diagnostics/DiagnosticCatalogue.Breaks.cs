using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A lease's break option (docs/language.md §5 "lease", "Break option") and the scenario lever that exercises it:
// DL0425–DL0429. Kept in a file of their own so the codes read together.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0425: a break date on or after the end of the lease's initial term: the lessee can only break the term
    /// it signed (a break at its end is the expiry; one in a renewal is the renewal not taken).</summary>
    public static Diagnostic BreakOutsideTerm(SourceSpan span, string lease, string at, int termMonths) =>
        Error("DL0425", span, string.Create(CultureInfo.InvariantCulture,
            $"the break of lease '{lease}' at {at} is not inside its initial term ({termMonths} months from its start): a break date must fall before the term ends"));

    /// <summary>DL0426: break dates not strictly increasing (a date repeated, or written before an earlier one).</summary>
    public static Diagnostic BreaksNotIncreasing(SourceSpan span, string lease, string at, string previous) =>
        Error("DL0426", span,
            $"the break dates of lease '{lease}' must be strictly increasing: {at} comes after {previous}");

    /// <summary>DL0427: a break fee of zero or less (an amount, or a number of months of rent); a free break is written
    /// without <c>fee</c>.</summary>
    public static Diagnostic BreakFeeNotPositive(SourceSpan span, string lease, string fee) =>
        Error("DL0427", span,
            $"the break fee of lease '{lease}' must be above zero, not {fee}: leave 'fee' out for a break that costs the lessee nothing");

    /// <summary>DL0428: a scenario exercising a break the lease does not offer: on a date not among its break dates, or
    /// on a lease without a break option.</summary>
    public static Diagnostic BreakNotOffered(SourceSpan span, string scenario, string lease, string at, string offered) =>
        Error("DL0428", span,
            $"scenario '{scenario}' breaks lease '{lease}' at {at}, which the lease does not offer: {offered}");

    /// <summary>DL0429: a scenario both breaking a lease and taking (or drawing) its renewals: a break ends the lease in
    /// its initial term, so the renewals could never be taken.</summary>
    public static Diagnostic BreakWithRenewals(SourceSpan span, string scenario, string lease) =>
        Error("DL0429", span,
            $"scenario '{scenario}' breaks lease '{lease}' and takes its renewals: a break ends the lease in its initial term, before any renewal; keep one of the two levers");
}
