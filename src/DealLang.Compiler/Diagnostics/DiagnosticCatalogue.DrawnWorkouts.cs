namespace DealLang.Compiler.Diagnostics;

// A loan's workout lag drawn per path (docs/language.md §10, "Drawn workout lags"): DL0517, DL0518, DL0519, DL0522. Its outcomes'
// range, repeats and probabilities are a drawn delay's codes (DL0768, DL0773, DL0769).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0518: a drawn workout lag that can move nothing: the party owes no loan with a workout lag
    /// (<c>recovery R after D</c>), or the scenario neither dates nor draws its default (a loan's own lag: its obligor's).
    /// <paramref name="who"/>, here and in DL0519 and DL0517: "party 'P'", or "loan 'L'" for a loan's own lag.</summary>
    public static Diagnostic DrawnWorkoutMovesNothing(SourceSpan span, string who, string scenario, string reason, string fix) =>
        Error("DL0518", span, $"scenario '{scenario}' draws the workout lag of {who}, but {reason}, so the draw moves nothing; {fix}");

    /// <summary>DL0519: a drawn workout lag whose outcomes are not written from the shortest to the longest: a term
    /// sheet's table of lags reads in order, and the order is the one the uniform is compared in.</summary>
    public static Diagnostic DrawnWorkoutOutOfOrder(SourceSpan span, string who, string scenario, int months, int previous) =>
        Error("DL0519", span, $"the drawn workout lag of {who} in scenario '{scenario}' gives {months}m after {previous}m; write the lags from the shortest to the longest (e.g. '6m with 30%, 18m with 50%, 36m with 20%')");

    /// <summary>DL0517: a drawn workout lag one of whose outcomes puts the last instalment of a loan it reaches
    /// (<c>in N instalments</c>) further from the default period than the longest workout a run covers
    /// (<c>DurationRules.MaxWorkoutMonths</c>), as DL0498 is for the loan's own lag: no run could receive it.</summary>
    public static Diagnostic DrawnWorkoutInstalmentsBeyondWorkout(SourceSpan span, string who, string scenario, string lag, string loan, int instalments, int months, int years) =>
        Error("DL0517", span,
            SemanticText.Invariant($"the drawn workout lag of {who} in scenario '{scenario}' gives {lag}, after which the last of the {instalments} recovery instalments of loan '{loan}' comes {months} months after the default period, longer than {years} years, the longest workout a run covers: draw shorter lags, or state fewer instalments"));

    /// <summary>DL0522: a loan's own drawn workout lag (<c>L workout drawn …</c>) that cannot be drawn: the loan has no
    /// workout lag (<c>recovery R after D</c>) for it to replace, or the scenario draws it twice (one lag, one uniform).</summary>
    public static Diagnostic DrawnLoanWorkoutRejected(SourceSpan span, string loan, string scenario, string reason, string fix) =>
        Error("DL0522", span, $"scenario '{scenario}' draws the workout lag of loan '{loan}', but {reason}; {fix}");
}
