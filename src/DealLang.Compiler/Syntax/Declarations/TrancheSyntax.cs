using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>tranche Notes { balance 27.3bn  coupon 6.581% fixed  interest_only until DATE  amortize level
/// maturity DATE  seniority 1 }</c></summary>
public sealed record TrancheSyntax(
    NameSyntax Name,
    ExpressionSyntax? Balance,
    ExpressionSyntax? Coupon,
    DateSyntax? InterestOnlyUntil,
    AmortizationSyntax? Amortization,
    DateSyntax? Maturity,
    SenioritySyntax? Seniority,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;
}

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
