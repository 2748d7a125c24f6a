using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>facility Campus { cost 27bn  value straight_line 30y floor 20% from 2029-11-30 }</c></summary>
public sealed record FacilitySyntax(
    NameSyntax Name,
    ExpressionSyntax? Cost,
    ValueCurveSyntax? Value,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Facility;
}

/// <summary>How a facility's value evolves before any scenario stress is applied.</summary>
public abstract record ValueCurveSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>value straight_line 30y floor 20% from DATE</c>: linear from cost to the floor over the life.</summary>
public sealed record StraightLineValueSyntax(
    DurationSyntax Life,
    ExpressionSyntax? Floor,
    DateSyntax? From,
    SourceSpan Span) : ValueCurveSyntax(Span);

/// <summary><c>value schedule { 2030-01-01 25bn, ... }</c>: interpolated linearly between points.</summary>
public sealed record ScheduleValueSyntax(ImmutableArray<SchedulePointSyntax> Points, SourceSpan Span)
    : ValueCurveSyntax(Span);

/// <summary>One dated amount in a value or amortisation schedule.</summary>
public sealed record SchedulePointSyntax(DateSyntax Date, ExpressionSyntax Amount, SourceSpan Span) : SyntaxNode(Span);
