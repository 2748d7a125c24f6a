namespace DealLang.Compiler.Diagnostics;

// A scenario's call decided in the run ('Notes called when UST5Y + 3% < 8%', docs/language.md §10 "A call decided in the
// run"): DL0581 a left side that is not index levels and constant rates added, DL0582 a condition that is not '<' or
// '<=', DL0583 a tranche called 'when' twice or both 'when' and 'on' in one scenario, DL0584 a right side that reads an
// index. The shared terms of a call (its price, part, the 'from' date inside the tranche's life) are those of 'called on'.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0581: a term of a call condition's left side that is neither a rate index's level nor a constant rate,
    /// or a left side without an index: the run reads the condition from the path's index levels alone.</summary>
    public static Diagnostic CallConditionTermUnsupported(SourceSpan span, string scenario, string tranche, string term) =>
        Error("DL0581", span,
            $"the call of tranche '{tranche}' in scenario '{scenario}' compares '{term}', but the left side of 'called when' adds and subtracts rate indices' levels and constant rates, with at least one index: e.g. 'UST5Y + 3%'");

    /// <summary>DL0582: a call condition that is not a comparison by <c>&lt;</c> or <c>&lt;=</c>: the issuer calls when
    /// its refinancing rate falls low enough, not when it rises.</summary>
    public static Diagnostic CallConditionNotBelow(SourceSpan span, string scenario, string tranche, string condition) =>
        Error("DL0582", span,
            $"the call of tranche '{tranche}' in scenario '{scenario}' is decided by '{condition}', but 'called when' compares a refinancing rate with '<' or '<=': e.g. 'UST5Y + 3% < 8%'");

    /// <summary>DL0583: a tranche called <c>when</c> more than once in a scenario, or both <c>when</c> and <c>on</c>: one
    /// rule decides the call, and the run finds one date by it.</summary>
    public static Diagnostic CallWhenRepeated(SourceSpan span, string scenario, string tranche, bool alsoOn) =>
        Error("DL0583", span, alsoOn
            ? $"scenario '{scenario}' calls tranche '{tranche}' both 'when' a condition holds and 'on' a date: keep one of them"
            : $"scenario '{scenario}' calls tranche '{tranche}' 'when' a condition holds more than once: keep one condition");

    /// <summary>DL0584: a call condition's right side that is not a constant rate (it reads an index or deal state).</summary>
    public static Diagnostic CallConditionThresholdNotConstant(SourceSpan span, string scenario, string tranche) =>
        Error("DL0584", span,
            $"the call of tranche '{tranche}' in scenario '{scenario}' compares with a right side that is not a constant rate: move the indices to the left, e.g. 'UST5Y + 3% < 8%'");
}
