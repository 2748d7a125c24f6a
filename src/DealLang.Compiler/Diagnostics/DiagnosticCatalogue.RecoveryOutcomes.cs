namespace DealLang.Compiler.Diagnostics;

// A default's recovery drawn from outcomes (`recovery drawn at 0% with 30%, 60% with 70%`, docs/language.md §10, "Drawn
// recovery outcomes"): DL0552, DL0553, DL0554, and a mixture's DL0588. Its loadings are checked as every drawn item's are (DL0513, DL0533,
// DL0534); a beta's are DL0541.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0552: an outcome of a drawn recovery outside [0%, 100%]: a recovery is a share of what is owed, 0%
    /// when no buyer comes, never more than the whole.</summary>
    public static Diagnostic RecoveryOutcomeOutOfRange(SourceSpan span, string party, string scenario, double recovery) =>
        Error("DL0552", span, SemanticText.Invariant($"{party}'s drawn recovery in scenario '{scenario}' gives {SemanticText.FormatPercent(recovery)}, outside 0% to 100%; each outcome is a share of what is owed, from 0% (no buyer) to 100% (e.g. '0% with 30%, 60% with 70%')"));

    /// <summary>DL0553: a drawn recovery's probabilities that are not a distribution: one outside (0%, 100%] (an outcome
    /// of 0% is never drawn: leave it out), or all of them not adding up to 100% (to 10⁻⁹: every path draws one
    /// outcome). <paramref name="sum"/>: <paramref name="value"/> is the sum, else the one probability out of
    /// range.</summary>
    public static Diagnostic RecoveryOutcomeProbabilities(SourceSpan span, string party, string scenario, double value, bool sum) =>
        Error("DL0553", span, sum
            ? SemanticText.Invariant($"the probabilities of {party}'s drawn recovery in scenario '{scenario}' add up to {SemanticText.FormatPercent(value)}, not 100%; give every outcome, no buyer (0%) included (e.g. '0% with 30%, 60% with 70%')")
            : SemanticText.Invariant($"an outcome of {party}'s drawn recovery in scenario '{scenario}' has a probability of {SemanticText.FormatPercent(value)}; each is above 0% and at most 100% (leave out an outcome that never happens)"));

    /// <summary>DL0554: a drawn recovery whose outcomes are not written from the lowest recovery to the highest, each
    /// once: the order written is the order the path's uniform is compared in, so that a higher uniform gives a higher
    /// recovery, as a beta's does (what a loading's sign means).</summary>
    public static Diagnostic RecoveryOutcomeOutOfOrder(SourceSpan span, string party, string scenario, double recovery, double previous) =>
        Error("DL0554", span, SemanticText.Invariant($"{party}'s drawn recovery in scenario '{scenario}' gives {SemanticText.FormatPercent(recovery)} after {SemanticText.FormatPercent(previous)}; write each recovery once, from the lowest to the highest (e.g. '0% with 30%, 60% with 70%')"));

    /// <summary>DL0588: a drawn recovery's outcomes followed by <c>else beta …</c> whose probabilities leave the beta
    /// nothing (they add up to 100% or more): the beta takes 1 − Σp, which must be above 0.</summary>
    public static Diagnostic RecoveryMixtureLeavesNothing(SourceSpan span, string party, string scenario, double sum) =>
        Error("DL0588", span, SemanticText.Invariant($"the outcomes of {party}'s drawn recovery in scenario '{scenario}' add up to {SemanticText.FormatPercent(sum)}, leaving nothing for the beta after 'else', which takes what they leave; give the outcomes less than 100% (e.g. '0% with 30% else beta mean 55% sd 20%'), or drop the beta"));
}
