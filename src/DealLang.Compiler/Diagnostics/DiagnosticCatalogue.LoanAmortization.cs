namespace DealLang.Compiler.Diagnostics;

// A loan's scheduled principal (docs/language.md §5 "loan"): DL0446 a schedule of amounts above the balance (the
// shares' DL0435 and the interest-only DL0436 are in DiagnosticCatalogue.LoanRecovery.cs).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0446: a loan's amortisation schedule of money amounts adding up to more than its balance: a loan is
    /// never drawn further, so the obligor would repay more than it borrowed (the run would cap each amount at what is
    /// left, silently dropping what the schedule says).</summary>
    public static Diagnostic ScheduleAmountsAboveBalance(SourceSpan span, string loan, double total, double balance) =>
        Error("DL0446", span,
            SemanticText.Invariant($"the amounts in the amortisation schedule of loan '{loan}' add up to {SemanticText.FormatMoney(total)}, more than its balance of {SemanticText.FormatMoney(balance)}: they may add up to at most the balance (what they leave is due at the maturity)"));
}
