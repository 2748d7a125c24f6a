using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>tranche Notes { balance 27.3bn  coupon 6.581% fixed  interest_only until DATE  amortize level
/// maturity DATE  seniority 1 }</c>. A floating coupon is a rate expression with an optional <see cref="CouponFloor"/>
/// and <see cref="CouponCap"/> (<c>coupon SOFR + 6% floor 0% cap 12%</c>); <see cref="Pik"/> capitalises interest.</summary>
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
    PikSyntax? Pik = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;
}

/// <summary><c>pik</c> (all interest capitalises), <c>pik 50%</c> (a share of it), <c>pik when Cond</c> (all of it,
/// in periods where the condition holds at the period's start; <c>pik 50% when Cond</c> a share). A null
/// <see cref="Share"/> is all of it.</summary>
public sealed record PikSyntax(LiteralSyntax? Share, ExpressionSyntax? Condition, SourceSpan Span) : SyntaxNode(Span);

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
    SourceSpan Span) : SyntaxNode(Span);
