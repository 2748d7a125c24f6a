namespace DealLang.Compiler.Diagnostics;

// A completion delay drawn per path (docs/language.md §10, "Drawn delays"): DL0768, DL0769, DL0773, DL0774, and a
// loaded one's outcomes out of order, DL0516. Each outcome's probability is a fraction, checked as every term's range is
// (DL0307); its loadings are checked as every drawn item's are (DL0513, DL0533, DL0534).
public static partial class DiagnosticCatalogue
{
    /// <summary>The longest delay a drawn delay may give: ten years, longer than any data-centre build has slipped. A
    /// longer one is not a delay but buildings never handed over within the deal, which the index's points say (a
    /// completion that stays at its share).</summary>
    public const int MaxDrawnDelayMonths = 120;

    /// <summary>DL0768: an outcome of a drawn delay that is not a whole number of months from 0m to 120m (negative, a
    /// part month, or longer), or of a drawn workout lag (<c>Obligor workout drawn …</c>) from 1m to 120m, a fixed lag's
    /// range (DL0314, DL0490). <paramref name="drawn"/> names the draw (<c>the drawn delay of index 'Built'</c>),
    /// <paramref name="least"/> its shortest outcome. Not rounded, as a fixed delay is: two outcomes rounded to the same
    /// month would merge.</summary>
    public static Diagnostic DrawnDelayOutOfRange(SourceSpan span, string drawn, string scenario, string delay, string reason, int least = 0) =>
        Error("DL0768", span, $"{drawn} in scenario '{scenario}' gives {delay}, which {reason}; each outcome is whole months from {least}m to {MaxDrawnDelayMonths}m (e.g. '6m with 30%')");

    /// <summary>DL0769: a drawn delay's (or drawn workout lag's) probabilities do not add up to 100% (to 10⁻⁹): every
    /// path draws one outcome. <paramref name="example"/> is a whole list of outcomes to show.</summary>
    public static Diagnostic DrawnDelayProbabilities(SourceSpan span, string drawn, string scenario, double sum, string example = "0m with 50%, 6m with 50%") =>
        Error("DL0769", span, SemanticText.Invariant($"the probabilities of {drawn} in scenario '{scenario}' add up to {SemanticText.FormatPercent(sum)}, not 100%; give every outcome{(example.StartsWith("0m", StringComparison.Ordinal) ? ", 0m included" : "")} (e.g. '{example}')"));

    /// <summary>DL0773: a drawn delay (or drawn workout lag) that gives the same months twice; <paramref name="noun"/>
    /// says what an outcome is (a delay, a lag).</summary>
    public static Diagnostic DrawnDelayRepeated(SourceSpan span, string drawn, string scenario, int months, string noun = "delay") =>
        Error("DL0773", span, $"{drawn} in scenario '{scenario}' gives {months}m twice; give each {noun} once, with its whole probability");

    /// <summary>DL0774: an index whose delay a scenario draws, and that the same scenario also delays by a fixed delay,
    /// or draws a process or jumps on: the path's row would be two things at once.</summary>
    public static Diagnostic DrawnDelayWithOther(SourceSpan span, string index, string scenario, string other) =>
        Error("DL0774", span, $"scenario '{scenario}' draws the delay of index '{index}' and also gives it {other}; a drawn delay moves the index's dated points on each path, so give the index only the one");

    /// <summary>DL0516: a drawn delay with loadings whose outcomes are not written from the shortest to the longest. A
    /// loaded delay draws the later outcomes where the copula's X is high, so only in that order does a loading's sign
    /// mean a longer delay (unloaded, the order changes nothing but which uniforms draw which outcome).</summary>
    public static Diagnostic LoadedDelayOutOfOrder(SourceSpan span, string index, string scenario, int months, int previous) =>
        Error("DL0516", span, $"the drawn delay of index '{index}' in scenario '{scenario}' has loadings and lists {months}m after {previous}m: write a loaded delay's outcomes from the shortest to the longest, so that a higher factor shock draws a longer delay for a positive loading");
}
