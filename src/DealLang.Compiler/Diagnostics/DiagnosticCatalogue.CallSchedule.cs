using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A tranche's call schedule ('callable from 2027-06-01 at 104.625%, from 2028-06-01 at 102.3125% make_whole UST5Y +
// 50bp', docs/language.md §5 "A call schedule") and a scenario's call of such notes: DL0561 a price given to a call the
// schedule prices, DL0562 a call before the first call date without a make-whole, DL0563 the steps' dates not
// increasing, DL0564 a step's price not above 0%, DL0589 a make-whole curve's tenors not above 0 and increasing. A step's
// date outside the tranche's life is DL0770, as a put's is.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0561: a scenario's call <c>at P</c> of notes with a call schedule: the price is a term of the notes
    /// (the step in force at the call, or the make-whole), not the scenario's.</summary>
    public static Diagnostic CallPriceOfScheduledNotes(SourceSpan span, string scenario, string tranche) =>
        Error("DL0561", span,
            $"scenario '{scenario}' calls tranche '{tranche}' at a price, but the notes' call schedule ('callable from ...') sets the price of every call: drop 'at'");

    /// <summary>DL0562: a scenario's call of notes with a call schedule but no make-whole, dated before the first call
    /// date: the notes are not callable then.</summary>
    public static Diagnostic CallBeforeFirstCallDate(SourceSpan span, string scenario, string tranche, string date, string first) =>
        Error("DL0562", span,
            $"scenario '{scenario}' calls tranche '{tranche}' on {date}, before its first call date ({first}), and the notes have no make-whole: call on or after {first}, or add 'make_whole UST5Y + 50bp' to the schedule");

    /// <summary>DL0563: a call schedule's dates not in increasing order (or one given twice).</summary>
    public static Diagnostic CallStepsNotIncreasing(SourceSpan span, string tranche, string date, string previous) =>
        Error("DL0563", span, $"the call schedule of tranche '{tranche}' must step by increasing dates: {date} is not after {previous}");

    /// <summary>DL0564: a call schedule's price of zero or less: the issuer would take the notes back for nothing.</summary>
    public static Diagnostic CallStepPriceNotPositive(SourceSpan span, string tranche, double price) =>
        Error("DL0564", span, string.Create(CultureInfo.InvariantCulture,
            $"a call price of tranche '{tranche}' is a share of the principal and must be above 0%, not {price * 100:0.##}%"));

    /// <summary>DL0589: a make-whole curve's tenors not above zero and increasing: the rate is interpolated between the
    /// points around the time to the first call date, so they are read in tenor order.</summary>
    public static Diagnostic MakeWholeCurveTenors(SourceSpan span, string tranche, string tenor, string? previous) =>
        Error("DL0589", span, previous is null
            ? $"the make-whole curve of tranche '{tranche}' has a tenor of {tenor}: each tenor is a time above zero (e.g. 'curve {{ 2y UST2Y  5y UST5Y  10y UST10Y }}')"
            : $"the make-whole curve of tranche '{tranche}' must list its tenors from the shortest to the longest, each once: {tenor} is not longer than {previous} (e.g. 'curve {{ 2y UST2Y  5y UST5Y  10y UST10Y }}')");
}
