namespace DealLang.Compiler.Diagnostics;

// A loan's workout ('recovery 40% after 18m accruing 8% in 4 instalments', docs/language.md §5 "loan"): DL0489 a lag
// that is not a whole number of payment periods, DL0490 one longer than any workout the run could reach, DL0498
// instalments that end beyond it, DL0499 an accrual on a recovery received at once, and DL0491 a dated default whose
// recovery falls after the deal's maturity; DL0433 default interest nothing reads (a warning), DL0434 default interest beside a
// stated accrual rate; DL0435 an amortisation schedule's shares above the balance, DL0436 scheduled principal while
// interest-only.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0433 (warning): <c>default_interest</c> on a loan whose recovery claim accrues nothing and that no
    /// scenario of the compilation has pay in part: the default rate is what the claim accrues at (<c>accruing
    /// coupon</c>), what caps it (<c>accruing 8%</c>) and what a partial payment's arrears bear, so here nothing reads it.
    /// A warning, not an error: a scenarios file compiled with the deal another time may have the loan pay in part, and
    /// whether the deal is valid must not depend on which scenarios are given with it.</summary>
    public static Diagnostic DefaultInterestWithoutAccrual(SourceSpan span, string loan) =>
        Warning("DL0433", span,
            SemanticText.Invariant($"the default interest of loan '{loan}' applies to nothing here: its recovery claim accrues nothing and no scenario has the loan pay in part (whose arrears would bear it); write 'accruing coupon' on its recovery (with a workout lag or instalments) for the claim to accrue at the coupon plus the default interest, or leave out 'default_interest'"));

    /// <summary>DL0435: a loan's amortisation schedule in shares of its original balance that add up to more than all
    /// of it: the obligor cannot repay more than it borrowed.</summary>
    public static Diagnostic ScheduleSharesAboveBalance(SourceSpan span, string loan, double total) =>
        Error("DL0435", span,
            SemanticText.Invariant($"the shares of the balance in the amortisation schedule of loan '{loan}' add up to {SemanticText.FormatPercent(total)}, more than the whole balance: they may add up to at most 100% (what they leave is due at the maturity)"));

    /// <summary>DL0436: a loan's scheduled principal dated in a period that ends on or before its interest-only end:
    /// that period pays no principal, so the amount would be dropped.</summary>
    public static Diagnostic ScheduledPrincipalWhileInterestOnly(SourceSpan span, string loan, string date, string until) =>
        Error("DL0436", span,
            SemanticText.Invariant($"loan '{loan}' schedules principal on {date}, in a period ending while it is interest-only (until {until}): no principal is received then, so the amount would be dropped; date it in a later period or move 'interest_only until'"));

    /// <summary>DL0434 (warning): <c>default_interest</c> beside <c>accruing 8%</c>: the claim accrues at the stated
    /// rate, and the default interest only raises what the obligor owes, the claim's cap.</summary>
    public static Diagnostic DefaultInterestWithStatedAccrual(SourceSpan span, string loan, double accrual, double margin) =>
        Warning("DL0434", span,
            SemanticText.Invariant($"the recovery claim of loan '{loan}' accrues at its stated {SemanticText.FormatPercent(accrual)}, not at the coupon plus the default interest ({SemanticText.FormatPercent(margin)}); the default interest only raises what the obligor owes, the cap on the claim: write 'accruing coupon' for the claim to accrue at the default rate"));

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

    /// <summary>DL0498: a recovery's last instalment is further from the default period than the longest workout
    /// (<c>DurationRules.MaxWorkoutMonths</c>), so no run could receive it.</summary>
    public static Diagnostic RecoveryInstalmentsBeyondWorkout(SourceSpan span, string loan, int instalments, int months, int years) =>
        Error("DL0498", span,
            SemanticText.Invariant($"the last of the {instalments} recovery instalments of loan '{loan}' comes {months} months after the default period, longer than {years} years, the longest workout a run covers: state fewer instalments or a shorter lag"));

    /// <summary>DL0499: <c>accruing</c> on a recovery received whole in the default period (no <c>after</c>, no
    /// instalments): the claim is never held, so nothing could accrue.</summary>
    public static Diagnostic RecoveryAccrualWithoutWorkout(SourceSpan span, string loan) =>
        Error("DL0499", span,
            SemanticText.Invariant($"the recovery of loan '{loan}' is received in the default period, so its claim accrues nothing: state a workout lag ('after 18m') or instalments ('in 4 instalments'), or leave out 'accruing'"));

    /// <summary>DL0491 (warning): a scenario's dated default puts a loan's recovery (its last instalment) after the
    /// deal's last scheduled period, so a run receives it only if enforcement keeps the run going that long.</summary>
    public static Diagnostic RecoveryAfterTheRun(SourceSpan span, string scenario, string loan, string defaults, string due, string maturity) =>
        Warning("DL0491", span,
            SemanticText.Invariant($"in scenario '{scenario}', loan '{loan}' defaults on {defaults} and its recovery is not all received until the period ending {due}, after the deal's maturity ({maturity}): a run that ends at the maturity leaves the rest of the claim outstanding at end, not received"));
}
