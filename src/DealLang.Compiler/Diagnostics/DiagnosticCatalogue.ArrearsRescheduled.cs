using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A standstill that reschedules a loan's arrears ('MinerLoan pays 60% from 2027-01-01 to 2027-09-30 then arrears over
// 12m', or '… then arrears capitalised', docs/language.md §10 "Arrears rescheduled"): DL0580 a length that is not a whole number of the deal's periods
// above zero, DL0596 the clause on a window without 'to' (it has no end to reschedule from), DL0597 the clause on a
// window another window of the loan follows (the rescheduling is the last window's), DL0587 (a warning) the clause on a
// window ending in the loan's maturity period or later (no instalment of the loan is left to reschedule them into).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0580: <c>then arrears over D</c> with D not a whole number of the deal's periods above zero.</summary>
    public static Diagnostic ArrearsOverNotWholePeriods(SourceSpan span, string scenario, string loan, string over, int monthsPerPeriod) =>
        Error("DL0580", span, string.Create(CultureInfo.InvariantCulture,
            $"scenario '{scenario}': the arrears of loan '{loan}' are repaid over {over}, which is not a whole number of the deal's periods of {monthsPerPeriod} month{(monthsPerPeriod == 1 ? "" : "s")} above zero: write months or years that make whole periods (e.g. '{monthsPerPeriod * 4}m', four instalments)"));

    /// <summary>DL0596: <c>then arrears over D</c> on a partial-payment window without <c>to</c>: it runs to the maturity,
    /// so no period after it reschedules anything.</summary>
    public static Diagnostic ArrearsRescheduledWithoutWindowEnd(SourceSpan span, string scenario, string loan) =>
        Error("DL0596", span,
            $"scenario '{scenario}': the arrears of loan '{loan}' are rescheduled, but its partial payments have no 'to': they run to the maturity, and their arrears are then a default, so there is no end of the window to repay them after: give the window a 'to' date, or remove 'then arrears'");

    /// <summary>DL0597: <c>then arrears over D</c> on a loan's partial-payment window that another window of the loan
    /// follows: the arrears carry on into it (or are cured at once in a period between), and the rescheduling belongs to
    /// the last window.</summary>
    public static Diagnostic ArrearsRescheduledBeforeAnotherWindow(SourceSpan span, string scenario, string loan, string? nextFrom) =>
        Error("DL0597", span,
            $"scenario '{scenario}': the arrears of loan '{loan}' are rescheduled after a window that another window of the loan {(nextFrom is null ? "" : $"(from {nextFrom}) ")}follows: the rescheduling is of the arrears left after the last window, so write 'then arrears' on the last window only");

    /// <summary>DL0587 (warning): <c>then arrears …</c> on a window too late for the loan's schedule: <c>capitalised</c> on one
    /// ending in the loan's maturity period or later (no schedule is left to capitalise into), <c>over D</c> on one
    /// ending in the period before it or later (the instalments would begin at the maturity, where all the arrears fall
    /// due). The arrears are then paid at once after the window (or left outstanding at the run's end), as without the
    /// clause, which changes nothing.</summary>
    public static Diagnostic ArrearsRescheduledAfterTheMaturity(SourceSpan span, string scenario, string loan, string to, string loanMaturity, bool capitalised) =>
        Warning("DL0587", span,
            $"scenario '{scenario}': the arrears of loan '{loan}' are rescheduled after a window ending on {to}, too late for a loan maturing on {loanMaturity}: "
            + (capitalised
                ? "no instalment of its schedule is left after the window to capitalise them into"
                : "its instalments would begin in the loan's maturity period or after it, where all the arrears fall due")
            + ", so they are paid at once after the window (or left outstanding at the run's end), as without 'then arrears', which changes nothing: end the window earlier, or remove 'then arrears'");
}
