namespace DealLang.Compiler.Diagnostics;

// A loan's scheduled principal (docs/language.md §5 "loan"): DL0446 a schedule of amounts above the balance (the
// shares' DL0435 and the interest-only DL0436 are in DiagnosticCatalogue.LoanRecovery.cs); its instalments at its own
// frequency ('amortize level semiannual'): DL0447 a word that is no frequency or follows bullet or a schedule (DL0448, a
// frequency finer than the deal's, is retired: such instalments are followed within a period); and its recovery in
// unequal instalments: DL0449 shares that do not add up to 100%; DL0568 a word after the recovery instalments
// ('in 8 instalments monthly') that is no frequency, DL0569 (a warning) one spacing a claim received in one part.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0446: a loan's amortisation schedule of money amounts adding up to more than its balance: a loan is
    /// never drawn further, so the obligor would repay more than it borrowed (the run would cap each amount at what is
    /// left, silently dropping what the schedule says).</summary>
    public static Diagnostic ScheduleAmountsAboveBalance(SourceSpan span, string loan, double total, double balance) =>
        Error("DL0446", span,
            SemanticText.Invariant($"the amounts in the amortisation schedule of loan '{loan}' add up to {SemanticText.FormatMoney(total)}, more than its balance of {SemanticText.FormatMoney(balance)}: they may add up to at most the balance (what they leave is due at the maturity)"));

    /// <summary>DL0447: the word after a loan's <c>amortize</c> kind is not a frequency the deal header could name, or
    /// follows <c>bullet</c> or a <c>schedule</c> (whose dates are their own): only level or linear instalments are
    /// dated at a frequency.</summary>
    public static Diagnostic AmortizationFrequencyUnknown(SourceSpan span, string loan, string word, string kind, string? suggestion) =>
        Error("DL0447", span, kind is "level" or "linear"
            ? SemanticText.Invariant($"'{word}' after 'amortize {kind}' of loan '{loan}' is not a frequency: write monthly, quarterly, semiannual or annual{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}")
            : SemanticText.Invariant($"'amortize {kind}' of loan '{loan}' takes no frequency ('{word}'): only level or linear instalments are dated at the loan's own frequency ({(kind == "bullet" ? "a bullet is paid at the maturity" : "a schedule's dates are its own")})"));

    /// <summary>DL0568: the word after a loan's recovery instalments (<c>in 8 instalments monthly</c>) is not a
    /// frequency the deal header could name: the parts would have no spacing.</summary>
    public static Diagnostic RecoveryFrequencyUnknown(SourceSpan span, string loan, string word, string? suggestion) =>
        Error("DL0568", span,
            SemanticText.Invariant($"'{word}' after the recovery instalments of loan '{loan}' is not a frequency: write monthly, quarterly, semiannual or annual{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}, or nothing for one part a deal period"));

    /// <summary>DL0569 (warning): a frequency after recovery instalments that are one part (<c>in 1 instalment
    /// monthly</c>): there is nothing to space, so the word changes nothing (the claim is received whole).</summary>
    public static Diagnostic RecoveryFrequencyOfOnePart(SourceSpan span, string loan, string word) =>
        Warning("DL0569", span,
            SemanticText.Invariant($"the recovery of loan '{loan}' is received in one part, so '{word}' spaces nothing: the claim is received whole when the lag has run (write more instalments, or leave the word out)"));

    /// <summary>DL0449: a loan's recovery instalments of unequal size (<c>in instalments { 50% 30% 20% }</c>) whose
    /// shares of the claim do not add up to 100%: less would leave part of the claim never received, more would receive
    /// more than the claim.</summary>
    public static Diagnostic RecoveryInstalmentSharesNotWhole(SourceSpan span, string loan, double total) =>
        Error("DL0449", span,
            SemanticText.Invariant($"the recovery instalments of loan '{loan}' take shares of the claim adding up to {SemanticText.FormatPercent(total)}: they must add up to 100%, the whole claim (each instalment is its share of the claim, the last what is left)"));
}
