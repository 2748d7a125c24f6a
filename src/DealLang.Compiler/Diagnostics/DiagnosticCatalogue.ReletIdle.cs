namespace DealLang.Compiler.Diagnostics;

// Re-letting a fleet's idle units in enforcement ('relet idle at R for D', docs/language.md §9): DL0439 its terms,
// DL0549 where it cannot re-let. A 'relet idle' on a sale of anything but one fleet, or without a depth, is the repo
// market's DL0464 or DL0465: it is one of the market's terms.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0439: a re-let of idle units whose utilisation is outside (0, 100%] (at 0 nothing is re-let, above
    /// 100% more than the units can), or whose window is not whole months or is longer than the workout limit (the
    /// schedule's room for it): <paramref name="what"/> names the term, <paramref name="why"/> says what is wrong.</summary>
    public static Diagnostic ReletIdleOutOfRange(SourceSpan span, string what, string why) =>
        Error("DL0439", span, $"{what} {why}");

    /// <summary>DL0549: a re-let of idle units that cannot be priced or reaches nothing: the sold fleet has no generation
    /// index (its spot price), or a scenario re-lets (or stops re-letting) with no sale of the deal re-letting idle
    /// units.</summary>
    public static Diagnostic ReletIdleCannotApply(SourceSpan span, string what, string why) =>
        Error("DL0549", span, $"{what}, but {why}");
}
