namespace DealLang.Compiler.Diagnostics;

// A fee's 'until repaid' (docs/language.md "fee", §11 "Nothing owed"): DL0593, a deal without a tranche, whose fee so
// written never stops. Written twice it is DL0105, as any single-valued item is.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0593 (warning): a fee written <c>until repaid</c> in a deal that declares no tranche. The fee stops
    /// accruing once every tranche is repaid; with no tranche there is no debt to repay, so it accrues in every period
    /// as a fee without the term does. The fee runs as written; the warning says the term does nothing.</summary>
    public static Diagnostic FeeUntilRepaidWithoutDebt(SourceSpan span, string fee, string deal) =>
        Warning("DL0593", span,
            $"fee '{fee}' is 'until repaid', but deal '{deal}' has no tranche, so there is no debt to repay and the fee never stops; remove 'until repaid', or declare the tranche whose repayment ends it");
}
