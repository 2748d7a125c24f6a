using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A convertible's conversion price reset, 'reset 2027-06-01, 2028-06-01 to 110% floor 8.00 per share'
// (docs/language.md §5 "Convertible notes", the conversion price reset): DL0570–DL0573.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0570: a reset date outside the tranche's life (at or before the closing, or at or after its maturity,
    /// where the notes are repaid or convert anyway), or not after the reset date before it.</summary>
    public static Diagnostic ResetDateOutOfTurn(SourceSpan span, string tranche, string date, string why) =>
        Error("DL0570", span, $"the reset date {date} of tranche '{tranche}' {why}");

    /// <summary>DL0571: a reset ratio of zero or less: the conversion price would fall to the floor whatever the share
    /// price, or below zero.</summary>
    public static Diagnostic ResetRatioNotPositive(SourceSpan span, string tranche, double ratio) =>
        Error("DL0571", span, string.Create(CultureInfo.InvariantCulture,
            $"the reset ratio of tranche '{tranche}' is a share of the share price (e.g. 'to 110%') and must be above 0%, not {ratio * 100:0.##}%"));

    /// <summary>DL0572: a reset floor that is not a price per share above zero and below the conversion price: a
    /// floor at or above the conversion price would never let it fall, and one of zero would let it fall to nothing.</summary>
    public static Diagnostic ResetFloorOutOfRange(SourceSpan span, string tranche, string why) =>
        Error("DL0572", span, $"the reset floor of tranche '{tranche}' {why}");

    /// <summary>DL0573: a reset on a tranche that is not convertible: it has no conversion price to reset.</summary>
    public static Diagnostic ResetNotConvertible(SourceSpan span, string tranche) =>
        Error("DL0573", span,
            $"tranche '{tranche}' resets its conversion price, but it is not convertible: 'reset' goes with 'convertible at 12.43 per share against WULF'");
}
