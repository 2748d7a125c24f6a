using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// Re-letting a fleet's idle units in enforcement ('relet idle at R for D', docs/language.md §9): DL0439 its terms,
// DL0549 where it cannot re-let. A 'relet idle' on a sale of anything but one fleet, or without a depth, is the repo
// market's DL0464 or DL0465: it is one of the market's terms.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0439: a re-let of idle units whose utilisation is outside (0, 100%], or whose window is not whole
    /// months or is longer than the workout limit (the schedule's room for it).</summary>
    public static Diagnostic ReletIdleTermOutOfRange(SourceSpan span, string what, string why) =>
        Error("DL0439", span, $"{what} {why}");

    /// <summary>DL0439's utilisation: re-let at 0 earns nothing and above 100% more than the units can.</summary>
    public static Diagnostic ReletIdleUtilisationOutOfRange(SourceSpan span, string where, double value) =>
        ReletIdleTermOutOfRange(span, $"the re-let utilisation {where}",
            string.Create(CultureInfo.InvariantCulture, $"must be above 0% and at most 100% (e.g. 'relet idle at 60%'), not {value * 100:0.####}% (write 'not relet idle' in a scenario for none)"));

    /// <summary>DL0439's window: whole months, at most the workout limit.</summary>
    public static Diagnostic ReletIdleWindowOutOfRange(SourceSpan span, string where, string window, bool whole, int limitYears) =>
        ReletIdleTermOutOfRange(span, $"the re-let window {where}", whole
            ? string.Create(CultureInfo.InvariantCulture, $"of {window} is longer than the workout limit of {limitYears}y: the schedule has no room to sell after it")
            : $"of {window} is not a whole number of months (e.g. 'for 6m'): the sale starts at the end of a period");

    /// <summary>DL0549: a re-let of idle units that cannot be priced or reaches nothing: the sold fleet has no generation
    /// index (its spot price), or a scenario re-lets (or stops re-letting) with no sale of the deal re-letting idle units.</summary>
    public static Diagnostic ReletIdleWithoutSpot(SourceSpan span, string fleet) =>
        Error("DL0549", span,
            $"the sale re-lets fleet '{fleet}''s idle units at its spot price, but the fleet has no generation index to price them (give the fleet 'generation H100Rent')");

    /// <summary>DL0549 in a scenario: its re-let lever reaches only a sale that re-lets idle units, and the deal has none.</summary>
    public static Diagnostic ReletIdleLeverUnused(SourceSpan span, string scenario) =>
        Error("DL0549", span,
            $"scenario '{scenario}' sets the re-let of idle units, but no enforcement sale of the deal re-lets them (give the fleet's sale 'relet idle at 60% for 6m')");
}
