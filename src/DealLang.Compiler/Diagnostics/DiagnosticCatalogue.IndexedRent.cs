using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A lease's rent indexed to an index (docs/language.md §5 "lease", "Indexed rent"): DL0492 a base level that is not
// above zero, DL0493 an indexed rent with renewals at market; the indexation's terms ('indexed CPI yearly floor 1% cap
// 4% lag 3m'): DL0494 a floor above the cap, DL0495 a floor or cap out of range, DL0496 a lag that is not a whole number
// of months and of the deal's periods or is over 24 months, DL0497 a collar without 'yearly'. Kept together as one feature.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0492: an indexed lease whose index's level on the lease's start (the deal's own terms, a constant: the
    /// denominator of every period's ratio) is zero or below: the ratio would divide by zero or flip the rent's sign.</summary>
    /// <paramref name="on"/> says which day: the lease's start, or the day a lag before it.
    public static Diagnostic IndexedRentBaseNotPositive(SourceSpan span, string lease, string index, string on, double level) =>
        Error("DL0492", span, string.Create(CultureInfo.InvariantCulture,
            $"the rent of lease '{lease}' is indexed to '{index}', whose level on {on} is {level:G6}; the rent is scaled by the level over that one, which must be above zero"));

    /// <summary>DL0493: an indexed rent with <c>renewals … rent at market</c>: a renewal at market follows the market-rent
    /// index, not the lease's own, so the two would each claim the renewal terms' rent.</summary>
    public static Diagnostic IndexedRentRenewsAtMarket(SourceSpan span, string lease, string index) =>
        Error("DL0493", span,
            $"the rent of lease '{lease}' is indexed to '{index}' and renews at market: a renewal at market follows market_rent, not the lease's index; keep one ('renewals … at lessee option' renews the indexed rent)");

    /// <summary>The longest lag an indexed rent may read its index by: a CPI print is published a month or two late and
    /// leases lag it by up to a year; two years is past any lease on record.</summary>
    public const int MaxIndexationLagMonths = 24;

    /// <summary>DL0494: an indexation's floor above its cap: no change can lie in the collar.</summary>
    public static Diagnostic IndexationFloorAboveCap(SourceSpan span, string lease, double floor, double cap) =>
        Error("DL0494", span, SemanticText.Invariant(
            $"the indexation of lease '{lease}' has a floor of {SemanticText.FormatPercent(floor)} above its cap of {SemanticText.FormatPercent(cap)}: each reset's change is held between 1 + floor and 1 + cap, so the floor must not exceed the cap"));

    /// <summary>DL0495: a floor at or below −100% (the rent could fall to nothing or below in one reset) or a negative cap
    /// (the rent would have to fall at every reset, whatever the index does).</summary>
    public static Diagnostic IndexationBoundOutOfRange(SourceSpan span, string lease, string bound, double value, string range) =>
        Error("DL0495", span, SemanticText.Invariant(
            $"the {bound} of the indexation of lease '{lease}' is {SemanticText.FormatPercent(value)}; it must be {range}"));

    /// <summary>DL0496: an indexation's lag that is not a whole number of months, is over
    /// <see cref="MaxIndexationLagMonths"/> months, or is not a whole number of the deal's periods (a path's index is
    /// known at period starts only, so a lag reads the level a whole number of periods earlier).</summary>
    public static Diagnostic IndexationLagNotAllowed(SourceSpan span, string lease, string lag, string why) =>
        Error("DL0496", span,
            $"the lag 'lag {lag}' of the indexation of lease '{lease}' {why}");

    /// <summary>DL0497: a floor or cap without <c>yearly</c>: the collar holds the ratio's change from one anniversary to
    /// the next, and a ratio read every period has no such change.</summary>
    public static Diagnostic IndexationCollarWithoutReset(SourceSpan span, string lease, string index) =>
        Error("DL0497", span,
            $"the indexation of lease '{lease}' has a floor or cap but is not 'yearly': a collar holds the yearly change of the ratio, so reset it on the anniversaries ('indexed {index} yearly floor 1% cap 4%')");
}
