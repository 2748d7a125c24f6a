using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A re-let whose utilisation follows a curve ('at curve { 0m 30%  3m 55%  9m 75% }', docs/language.md §9,
// "relet-curve"; a contract's §5, "contract-relet-curve"): DL0514 a level that is not a fixed utilisation above 0% and
// at most 100%, DL0515 points whose months do not make a curve (or a straight ramp written after it). A curve's price and window are a straight ramp's
// (DL0576, DL0577, DL0439).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0514: a level of a re-let's curve outside (0, 100%] (at 0 nothing would be let that month, above 100%
    /// more than the units), or drawn per path (<c>3m beta mean 55% sd 10%</c>): a curve is one figure per month, the same
    /// on every path; a drawn utilisation is a flat or straight re-let's (<c>at beta …</c>). <paramref name="what"/>
    /// names the curve; <paramref name="value"/> is the level (a drawn one's mean).</summary>
    public static Diagnostic ReletCurveLevel(SourceSpan span, string what, string at, double value, bool drawn)
    {
        string level = (value * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
        return Error("DL0514", span, drawn
            ? $"the level at {at} of {what} is drawn per path: a curve's levels are fixed utilisations (write its mean, '{at} {level}'); a drawn utilisation is a flat or straight re-let's ('at beta mean … sd …')"
            : $"the level at {at} of {what} must be above 0% and at most 100% (e.g. '{at} 55%'), not {level}");
    }

    /// <summary>DL0515: a re-let's curve whose points do not make one: fewer than two, a first point not at 0m (the re-let's
    /// start), a point not a whole number of months, not after the one before it, or past the workout limit; or a curve
    /// followed by a straight ramp (<c>rising to … over …</c>), two shapes for one re-let. <paramref name="why"/> says which.</summary>
    public static Diagnostic ReletCurvePoints(SourceSpan span, string what, string why) =>
        Error("DL0515", span, $"{what} {why}");
}
