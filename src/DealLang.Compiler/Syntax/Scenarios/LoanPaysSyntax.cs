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

    /// <summary><c>then arrears capitalised</c>: the window's arrears made principal at the cure, bearing the coupon and
    /// repaid pro rata with the schedule (docs/language.md §10, "Arrears rescheduled").</summary>
    public bool ArrearsCapitalised { get; init; }

    /// <summary>Whether the window's arrears are rescheduled (<c>then arrears over D</c> or <c>then arrears capitalised</c>).</summary>
    public bool ReschedulesArrears => ArrearsOver is not null || ArrearsCapitalised;

    /// <summary><c>pays beta mean 60% sd 15% [loading F γ]…</c>: the window's share drawn per path from that beta (its
    /// loadings the share's own, as a drawn recovery's), a stochastic item; null for a fixed share. <see cref="Share"/> is
    /// then its mean (docs/language.md §10, "Partial payments").</summary>
    public BetaRecoverySyntax? Drawn { get; init; }

    /// <summary>Where <c>then arrears</c> is written (the clause's first token through its last), for its diagnostics.</summary>
    public SourceSpan? ArrearsSpan { get; init; }
}
