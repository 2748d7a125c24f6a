using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>loan MinerLoan { obligor Miner  balance 400m  coupon 11% fixed  interest_only until DATE
/// amortize level  maturity DATE  recovery 40% }</c>: a receivable the deal owns. Its coupon (fixed, or floating with
/// a floor and a cap, with step-ups and a margin grid) and its amortisation (<see cref="AmortizationSyntax"/>) are
/// written as a tranche's.</summary>
public sealed record LoanSyntax(
    NameSyntax Name,
    NameSyntax? Obligor,
    ExpressionSyntax? Balance,
    ExpressionSyntax? Coupon,
    DateSyntax? InterestOnlyUntil,
    AmortizationSyntax? Amortization,
    DateSyntax? Maturity,
    ExpressionSyntax? Recovery,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Loan;

    /// <summary>A floating coupon's floor (<c>coupon SOFR + 3.5% floor 4%</c>), as a tranche's; null when none.</summary>
    public ExpressionSyntax? CouponFloor { get; init; }

    /// <summary>A floating coupon's cap, as a tranche's; null when none.</summary>
    public ExpressionSyntax? CouponCap { get; init; }

    /// <summary>The loan's own instalment frequency after <c>amortize level</c> or <c>amortize linear</c>
    /// (<c>amortize level semiannual</c>), a word as the header's <c>pay</c>; null when its principal follows the
    /// deal's periods.</summary>
    public NameSyntax? AmortizationFrequency { get; init; }

    /// <summary>The workout lag of <c>recovery 40% after 18m</c>: how long after the default the recovery is
    /// received; null when the recovery comes in the default period itself.</summary>
    public DurationSyntax? RecoveryLag { get; init; }

    /// <summary><c>accruing 8%</c> (or <c>accruing coupon</c>): what the recovery claim grows at until it is
    /// received; null when it earns nothing.</summary>
    public RecoveryAccrualSyntax? RecoveryAccrual { get; init; }

    /// <summary><c>in 4 instalments</c>: the claim received in equal parts over that many periods; null when it is
    /// received whole.</summary>
    public RecoveryInstalmentsSyntax? RecoveryInstalments { get; init; }

    /// <summary><c>step_up 2% from DATE</c>, <c>step_up 2% while Trigger</c>: added to the coupon, as a tranche's
    /// (<see cref="StepUpSyntax"/>); empty when none.</summary>
    public ImmutableArray<StepUpSyntax> StepUps { get; init; } = [];

    /// <summary><c>margin grid Leverage { below 3x 5.00%  else 6.50% }</c>: added to the coupon, as a tranche's
    /// (<see cref="MarginGridSyntax"/>); null when none.</summary>
    public MarginGridSyntax? MarginGrid { get; init; }

    /// <summary><c>default_interest +2%</c>: the margin over the coupon at which what the obligor owes accrues after
    /// its default (the default rate); null when none.</summary>
    public ExpressionSyntax? DefaultInterest { get; init; }
}
