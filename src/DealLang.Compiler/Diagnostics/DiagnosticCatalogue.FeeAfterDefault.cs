namespace DealLang.Compiler.Diagnostics;

// A fee after an event of default (docs/language.md "fee", "until default"): DL0228, a fee (or a guarantee fee) that
// keeps accruing through the workout while the enforcement waterfall never pays it; DL0229, 'until default' in a deal
// that cannot default, whose fee so written never stops.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0228 (warning): a fee that accrues after an event of default (it is not written <c>until default</c>;
    /// <c>until repaid</c> does not stop a fee in the workout), or a tranche's guarantee fee the regular waterfall pays
    /// (<paramref name="guaranteeFee"/>: <paramref name="name"/> is the tranche; the guarantee runs through the workout, so
    /// the fee accrues on the holders' balance), while the deal's enforcement waterfall has no step that pays it: its
    /// accruals from the default on can only end unpaid (the summary's <c>unpaid at end</c>).</summary>
    public static Diagnostic FeeUnpaidInEnforcement(SourceSpan span, string name, bool guaranteeFee, bool untilRepaid = false) =>
        Warning("DL0228", span, guaranteeFee
            ? $"the guarantee fee of tranche '{name}' keeps accruing after an event of default (the guarantee runs through the workout), but the enforcement waterfall never pays it: what it accrues from the default on can only end unpaid; add 'pay {name}.guarantee_fee' to the enforcement waterfall where the term sheet ranks it"
            : $"fee '{name}' keeps accruing after an event of default{(untilRepaid ? " ('until repaid' does not stop it in the workout)" : "")}, but the enforcement waterfall never pays it: what it accrues from the default on can only end unpaid; add 'pay {name}' to the enforcement waterfall where the indenture ranks it (a trustee's fees and enforcement costs come first), or, if the fee ends at the enforcement (an asset manager's), write 'until default'");

    /// <summary>DL0229 (warning): a fee written <c>until default</c> in a deal with no default rule and no trigger
    /// with <c>event_of_default</c>: no event of default can happen, so the fee accrues in every period as one
    /// without the term does. The fee runs as written; the warning says the term does nothing.</summary>
    public static Diagnostic FeeUntilDefaultWithoutDefault(SourceSpan span, string fee, string deal) =>
        Warning("DL0229", span,
            $"fee '{fee}' is 'until default', but deal '{deal}' has no default rule and no trigger with 'event_of_default', so no event of default can end it and the fee never stops; remove 'until default', or write the default rule ('default when ...') whose event of default ends it");
}
