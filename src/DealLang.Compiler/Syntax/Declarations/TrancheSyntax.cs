using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>tranche Notes { balance 27.3bn  coupon 6.581% fixed  interest_only until DATE  amortize level
/// maturity DATE  seniority 1 }</c>. A floating coupon is a rate expression with an optional <see cref="CouponFloor"/>
/// and <see cref="CouponCap"/> (<c>coupon SOFR + 6% floor 0% cap 12%</c>); <see cref="Pik"/> capitalises interest;
/// <see cref="IssuePrice"/> is what the lender pays per unit of par (<c>issue_price 98%</c>); a delayed draw has a
/// <see cref="Commitment"/>, an <see cref="AvailableUntil"/> date, dated <see cref="Draws"/> and a
/// <see cref="CommitmentFee"/> on the undrawn amount; <see cref="StepUps"/> add to the coupon from their dates;
/// <see cref="TargetBalance"/> makes the balance above it due (a borrowing base).</summary>
public sealed record TrancheSyntax(
    NameSyntax Name,
    ExpressionSyntax? Balance,
    ExpressionSyntax? Coupon,
    DateSyntax? InterestOnlyUntil,
    AmortizationSyntax? Amortization,
    DateSyntax? Maturity,
    SenioritySyntax? Seniority,
    SourceSpan Span,
    ExpressionSyntax? CouponFloor = null,
    ExpressionSyntax? CouponCap = null,
    PikSyntax? Pik = null,
    ExpressionSyntax? IssuePrice = null,
    ExpressionSyntax? Commitment = null,
    DateSyntax? AvailableUntil = null,
    DrawsSyntax? Draws = null,
    ExpressionSyntax? CommitmentFee = null,
    ImmutableArray<StepUpSyntax> StepUps = default,
    ExpressionSyntax? TargetBalance = null,
    MarginGridSyntax? MarginGrid = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    /// <summary><c>draws against Gpus advance 80%</c>: draws tied to the fleet's deliveries; null when dated or none.</summary>
    public DrawsAgainstSyntax? DrawsAgainst { get; init; }

    /// <summary><c>margin investment_grade 6.25% else 13.00%</c>: the margin by what the balance funds; null when none.</summary>
    public ClassMarginSyntax? ClassMargin { get; init; }

    /// <summary><c>guarantor State cap 2bn fee 35bp covers interest and principal</c>: a guarantee paid to the holders; null when none.</summary>
    public GuarantorSyntax? Guarantor { get; init; }

    /// <summary><c>convertible at 12.43 against WULF [early above 130%]</c>: convertible notes; null when not.</summary>
    public ConvertibleSyntax? Convertible { get; init; }

    /// <summary><c>reset 2027-06-01, 2028-06-01 to 110% floor 8.00 per share</c>: a convertible's conversion price reset;
    /// null when none. A tranche item of its own, so a reset on notes that are not convertible is reported (DL0573).</summary>
    public ConversionResetSyntax? Reset { get; init; }

    /// <summary><c>completion Built</c>: the share of the buildings completed, a rate read at the period's start, which
    /// scales the scheduled principal before the maturity; null when the tranche amortises regardless.</summary>
    public ExpressionSyntax? Completion { get; init; }

    /// <summary><c>callable from 2027-06-01 at 104.625%, from 2028-06-01 at 102.3125% make_whole UST5Y + 50bp</c>: the
    /// notes' call schedule, the price a scenario's call pays; null when the scenario gives it.</summary>
    public CallScheduleSyntax? CallSchedule { get; init; }
}

/// <summary><c>callable from 2027-06-01 at 104.625%, from 2028-06-01 at 102.3125%, from 2029-06-01 at 100%
/// make_whole UST5Y + 50bp</c>: a call of the notes (a scenario's <c>Notes called on DATE</c>) pays the price of the
/// last step on or before its date; before the first, the make-whole price at the rate <see cref="MakeWhole"/> (read
/// at the period's start), and without one the notes are not callable then (docs/language.md §5, "A call schedule").</summary>
public sealed record CallScheduleSyntax(ImmutableArray<CallStepSyntax> Steps, ExpressionSyntax? MakeWhole, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary><c>make_whole curve { 2y UST2Y  5y UST5Y  10y UST10Y } + 50bp</c>: the Treasury curve the make-whole rate is
    /// read from at the time left to the first call date, in place of one rate <see cref="MakeWhole"/>; empty without.</summary>
    public ImmutableArray<CurvePointSyntax> Curve { get; init; } = [];

    /// <summary>The spread added to the curve's rate (<c>+ 50bp</c>; <c>- 10bp</c> is its negation); null: none.</summary>
    public ExpressionSyntax? CurveSpread { get; init; }

    /// <summary>Whether a call before the first step is at a make-whole price (one rate, or a curve).</summary>
    public bool HasMakeWhole => MakeWhole is not null || !Curve.IsDefaultOrEmpty;
}

/// <summary><c>5y UST5Y</c>: a make-whole curve's point, the rate index of that constant maturity.</summary>
public sealed record CurvePointSyntax(DurationSyntax? Tenor, ExpressionSyntax? Rate, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>from 2028-06-01 at 102.3125%</c>: from the date the issuer may call at the price, a share of the principal.</summary>
public sealed record CallStepSyntax(DateSyntax? From, ExpressionSyntax? Price, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>convertible at 12.43 against WULF early above 130%</c>: the holder converts the balance into shares at the
/// conversion price <see cref="Price"/> when the share price <see cref="SharePrice"/> (money, read at the period's
/// start) is above it at maturity, or, with <see cref="EarlyAbove"/>, as soon as it reaches that share of the
/// conversion price (docs/language.md §5 "tranche", "Convertible notes"). <see cref="Puts"/> are the holder's puts
/// (<c>put 2029-12-01 at 100%</c>), <see cref="Call"/> the issuer's provisional call (<c>call from 2028-12-01 above 130%</c>).</summary>
public sealed record ConvertibleSyntax(ExpressionSyntax? Price, ExpressionSyntax? SharePrice, ExpressionSyntax? EarlyAbove, SourceSpan Span)
    : SyntaxNode(Span)
{
    public ImmutableArray<ConvertiblePutSyntax> Puts { get; init; } = [];

    public ConvertibleCallSyntax? Call { get; init; }
}

/// <summary><c>put 2029-12-01 at 100%</c>: on that date the holder may require repayment in cash at the price, a share
/// of the principal (docs/language.md §5 "Convertible notes", the holder's put).</summary>
public sealed record ConvertiblePutSyntax(DateSyntax? Date, ExpressionSyntax? Price, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>call from 2028-12-01 above 130%</c>: from that date the issuer calls the notes once the share price
/// reaches that share of the conversion price, and the holder converts (the issuer's provisional call).</summary>
public sealed record ConvertibleCallSyntax(DateSyntax? From, ExpressionSyntax? Above, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>reset 2027-06-01, 2028-06-01 to 110% floor 8.00 per share</c>: at the start of the period holding each of
/// <see cref="Dates"/>, the conversion price falls to <see cref="Ratio"/> × the share price when that is lower, never below
/// <see cref="Floor"/> (docs/language.md §5 "Convertible notes", the conversion price reset).</summary>
public sealed record ConversionResetSyntax(ImmutableArray<DateSyntax> Dates, ExpressionSyntax? Ratio, ExpressionSyntax? Floor, SourceSpan Span)
    : SyntaxNode(Span);

/// <summary><c>draws against Gpus advance 80%</c>: on each delivery date of the fleet, the advance rate times the cost
/// of the units delivered against its contracts and not yet funded (docs/language.md §5 "tranche").</summary>
public sealed record DrawsAgainstSyntax(NameSyntax? Fleet, ExpressionSyntax? Advance, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>margin investment_grade 6.25% else 13.00%</c>: the margin on the part of the balance that funds units
/// under contracts with investment-grade customers, and on the rest.</summary>
public sealed record ClassMarginSyntax(ExpressionSyntax? InvestmentGrade, ExpressionSyntax? Else, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>pik</c> (all interest capitalises), <c>pik 50%</c> (a share of it), <c>pik when Cond</c> (all of it,
/// in periods where the condition holds at the period's start; <c>pik 50% when Cond</c> a share). A null
/// <see cref="Share"/> is all of it.</summary>
/// <c>pik unpaid</c> (<see cref="Unpaid"/>): interest is due in cash, and what the waterfall leaves unpaid capitalises.
public sealed record PikSyntax(LiteralSyntax? Share, ExpressionSyntax? Condition, SourceSpan Span, bool Unpaid = false) : SyntaxNode(Span);

/// <summary><c>draws { 2025-03-31 2bn  2025-09-30 1.5bn }</c>: the amounts drawn on the commitment, by date.</summary>
public sealed record DrawsSyntax(ImmutableArray<SchedulePointSyntax> Points, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>step_up 1% from 2030-01-01</c>: added to the coupon in every period starting on or after the date;
/// <c>step_up 2% while CashTrap</c>: in every period after one at whose end the trigger was active.</summary>
public sealed record StepUpSyntax(ExpressionSyntax? Rate, DateSyntax? From, SourceSpan Span, NameSyntax? Trigger = null) : SyntaxNode(Span);

/// <summary><c>margin grid Ltv { below 50% 6.00%  below 65% 6.50%  else 7.00% }</c>: the margin added to the coupon,
/// by the tier of the test's value at the previous period's end.</summary>
public sealed record MarginGridSyntax(NameSyntax? Test, ImmutableArray<GridTierSyntax> Tiers, ExpressionSyntax? Else, SourceSpan Span)
    : SyntaxNode(Span);

/// <summary><c>below 50% 6.00%</c>: the margin while the test's value is below the bound.</summary>
public sealed record GridTierSyntax(ExpressionSyntax? Bound, ExpressionSyntax? Margin, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>seniority 1</c>: 1 is most senior.</summary>
public sealed record SenioritySyntax(int Rank, SourceSpan Span) : SyntaxNode(Span);

public enum AmortizationKind
{
    Bullet,
    Level,
    Linear,
    Schedule,
}

/// <summary><c>amortize bullet | level | linear | schedule { DATE AMOUNT, ... }</c></summary>
public sealed record AmortizationSyntax(
    AmortizationKind Kind,
    ImmutableArray<SchedulePointSyntax> Schedule,
    SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>A loan's schedule of shares of its original balance (<c>schedule { 2027-06-30 10%  2028-06-30 90% }</c>):
    /// its first amount is written as a rate, and the others are then checked as rates too.</summary>
    public bool InShares => Kind == AmortizationKind.Schedule && !Schedule.IsDefaultOrEmpty
        && Schedule[0].Amount is LiteralSyntax { Kind: LiteralKind.Rate };
}
