namespace DealLang.Compiler.Diagnostics;

// A loan's workout lag ('recovery 40% after 18m', docs/language.md §5 "loan"): DL0489 a lag that is not a whole number
// of payment periods, DL0490 one longer than any workout the run could reach.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0489 (warning): a recovery lag that is not a whole number of payment periods: the recovery is
    /// received in a period, so the lag is rounded up to whole periods.</summary>
    public static Diagnostic RecoveryLagNotWholePeriods(SourceSpan span, string loan, string lag, string frequency, int periods, int months) =>
        Warning("DL0489", span,
            SemanticText.Invariant($"the recovery lag of loan '{loan}' ({lag}) is not a whole number of {frequency} periods; the recovery is received {periods} period{(periods == 1 ? "" : "s")} ({months} months) after the default period"));

    /// <summary>DL0490: a recovery lag beyond the longest workout (<c>DurationRules.MaxWorkoutMonths</c>): no run
    /// reaches it, so the recovery could never be received.</summary>
    public static Diagnostic RecoveryLagBeyondWorkout(SourceSpan span, string loan, string lag, int years) =>
        Error("DL0490", span,
            SemanticText.Invariant($"the recovery lag of loan '{loan}' ({lag}) is longer than {years} years, the longest workout a run covers; a recovery that late is none: state 'recovery 0%' instead"));
}
