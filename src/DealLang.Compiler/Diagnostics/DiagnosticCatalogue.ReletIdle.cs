using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// Re-letting a fleet's idle units in enforcement ('relet idle at R for D', docs/language.md §9): DL0439 its terms,
// DL0549 where it cannot re-let; its ramp ('rising to R1 over M') DL0574 and DL0575, its price ('price 85% of H100Rent')
// DL0576 and DL0577. A 'relet idle' on a sale of anything but one fleet, or without a depth, is the repo
// market's DL0464 or DL0465: it is one of the market's terms. A re-let's utilisation drawn per path ('at beta mean m sd
// s', 'rising to beta …', a contract's or a scenario's 'enforcement relet idle'): DL0526 a beta that cannot exist,
// DL0527 one written on a sale of the deal, outside any scenario; its loadings are a drawn recovery's (DL0513, DL0533, DL0534).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0526: a re-let's utilisation drawn per path (<c>at beta mean m sd s</c>, or a ramp's end <c>rising to
    /// beta …</c>) from a beta that cannot exist: a mean outside (0, 100%), an sd not above 0, or sd² ≥ mean × (1 − mean),
    /// as a drawn share's (DL0599) and a drawn recovery's (DL0541) are checked. <paramref name="what"/> names the
    /// utilisation ("the utilisation of the re-let of contract 'H100s' in scenario 'S'"); <paramref name="rampEnd"/> says
    /// it is a ramp's end (<c>rising to beta …</c>), whose fixed form the hint writes 'rising to R1', not 'at R'.</summary>
    public static Diagnostic ReletUtilisationBeta(SourceSpan span, string what, double mean, double sd, bool rampEnd = false)
    {
        string m = (mean * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
        string d = (sd * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
        string fixedAt = rampEnd ? "rising to" : "at";
        // A fixed utilisation is above 0% too (DL0439, DL0574): a mean of 0% has no fixed form to point to, 100% has.
        string known = mean >= 1
            ? $" (a utilisation known for sure is written fixed: '{fixedAt} 100%')"
            : rampEnd ? " (a ramp's end is above 0%, fixed or drawn)" : " (a utilisation is above 0%, fixed or drawn; no re-let at all is 'not relet')";
        string why = mean <= 0 || mean >= 1
            ? $"has a mean of {m}: a beta distribution's mean is strictly between 0% and 100%{known}"
            : sd <= 0
                ? $"has a standard deviation of {d}: give one above 0%, or a fixed utilisation ('{fixedAt} {m}')"
                : $"has a standard deviation of {d}, too large for a mean of {m}: a beta distribution's sd is below √(mean × (1 − mean)) = "
                    + (Math.Sqrt(mean * (1 - mean)) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        return Error("DL0526", span, $"{what}, drawn per path, {why}");
    }

    /// <summary>DL0527: a re-let's utilisation drawn per path on an enforcement sale of the deal (<c>sell Cluster …
    /// relet idle at beta …</c>): a draw is a stochastic scenario's, whose paths draw it (and whose factors its loadings
    /// name); the deal's own terms are one figure, read by every run. <paramref name="asFixed"/> is the sale's re-let with each beta's mean in its place (<c>relet idle at 30% rising to
    /// 60% over 12m for 6m</c>), <paramref name="asDrawn"/> the scenario's lever drawing it as written (<c>enforcement relet
    /// idle at 30% rising to beta mean 60% sd 15% over 12m for 6m</c>): the user's own figures, ramp and window kept.</summary>
    public static Diagnostic ReletUtilisationDrawnOutsideScenario(SourceSpan span, string asFixed, string asDrawn) =>
        Error("DL0527", span,
            $"a re-let's utilisation is drawn per path only in a stochastic scenario: give the sale a fixed utilisation ('{asFixed}', the mean) and draw it in a scenario ('{asDrawn}')");

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

    /// <summary>DL0574: a re-let's ramp whose end utilisation (<c>rising to R1</c>) is outside (0, 100%]: at 0 the ramp
    /// would fade into no re-let at all, above 100% it would let more than the units.</summary>
    public static Diagnostic ReletRampEndOutOfRange(SourceSpan span, string what, double value) =>
        Error("DL0574", span, string.Create(CultureInfo.InvariantCulture,
            $"{what} must be above 0% and at most 100% (e.g. 'rising to 80% over 12m'), not {value * 100:0.####}%"));

    /// <summary>DL0575: a re-let's ramp whose length (<c>over M</c>) is not a whole number of months above 0 or is longer
    /// than the workout limit: <paramref name="why"/> says which.</summary>
    public static Diagnostic ReletRampMonths(SourceSpan span, string what, string why) =>
        Error("DL0575", span, $"{what} {why}");

    /// <summary>DL0576: a re-let's price (<c>price …</c>) that is not an index of money per GPU-hour, a share of one
    /// (<c>85% of H100Rent</c>) or one plus or minus a constant (<c>H100Rent - 0.30</c>): <paramref name="why"/> says
    /// what it is instead.</summary>
    public static Diagnostic ReletPriceNotPerGpuHour(SourceSpan span, string what, string why) =>
        Error("DL0576", span, $"{what} {why}: a re-let is priced at an index of money per GPU-hour, a share of one ('price 85% of H100Rent') or one plus or minus a constant ('price H100Rent - 0.30')");

    /// <summary>DL0577: a re-let priced at a share of an index (<c>price 85% of H100Rent</c>) that is not above 0: the units
    /// would be let for nothing (write <c>not relet idle</c> in a scenario for no re-let).</summary>
    public static Diagnostic ReletPriceShareNotPositive(SourceSpan span, string what, double value) =>
        Error("DL0577", span, string.Create(CultureInfo.InvariantCulture,
            $"{what} is {value * 100:0.####}% of its index: a share must be above 0% (e.g. 'price 85% of H100Rent')"));
}
