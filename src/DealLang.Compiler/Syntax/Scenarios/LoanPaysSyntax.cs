using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// A loan's obligor in arrears, a scenario's lever: <c>MinerLoan pays 60% from 2027-01-01 to 2027-09-30</c> pays only
/// <see cref="Share"/> of what falls due in each period from the one holding <see cref="From"/> (the first without it)
/// through the one holding <see cref="To"/>, the rest in arrears, paid in the next period; without <see cref="To"/>, until
/// the loan's maturity or a default (docs/language.md §10, "Partial payments").
/// </summary>
public sealed record LoanPaysSyntax(NameSyntax Loan, ExpressionSyntax Share, DateSyntax? From, DateSyntax? To, SourceSpan Span)
    : ScenarioItemSyntax(Span)
{
    /// <summary>A standstill's rescheduling, <c>then arrears over 12m</c>: the window's arrears repaid in equal
    /// instalments over that many months' periods after it rather than at once (docs/language.md §10, "Arrears
    /// rescheduled"); null without it.</summary>
    public DurationSyntax? ArrearsOver { get; init; }

    /// <summary>Where <c>then arrears</c> is written (the clause's first token through its duration), for its diagnostics.</summary>
    public SourceSpan? ArrearsSpan { get; init; }
}
