using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>index H100Rent { level 2.35 per gpu_hour  deflate 15% per year  points stepped { … }
/// launch 2027-06-30 down 20% }</c>: a market series (a rate, a rent, a price) that expressions read by its bare
/// name, at the level of the period's start (docs/language.md §5, "index"). Its drift is <see cref="Deflate"/> or
/// <see cref="Grow"/> (<c>grow 5% per year</c>), one drift falling or rising: giving both is DL0766.</summary>
public sealed record IndexSyntax(
    NameSyntax Name,
    ExpressionSyntax? Level,
    ExpressionSyntax? Deflate,
    IndexPointsSyntax? Points,
    ImmutableArray<LaunchSyntax> Launches,
    SourceSpan Span,
    ExpressionSyntax? Grow = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Index;
}

/// <summary>How an index's dated points make its base curve between and after them.</summary>
public enum PointsKind
{
    /// <summary>The last point at or before the date (the level before the first).</summary>
    Stepped,

    /// <summary>Linear in days between points, flat after the last (the level before the first).</summary>
    Interpolated,
}

/// <summary><c>points stepped { 2027-06-30 2.10 per gpu_hour  2028-06-30 1.80 per gpu_hour }</c>, in a deal's
/// index or as a scenario's override of it.</summary>
public sealed record IndexPointsSyntax(PointsKind Kind, ImmutableArray<SchedulePointSyntax> Points, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>launch 2027-06-30 down 20%</c>: a new generation's launch, which steps the level down by a share
/// from that date on; in a deal's index, or added by a scenario.</summary>
public sealed record LaunchSyntax(DateSyntax Date, ExpressionSyntax? Down, SourceSpan Span) : SyntaxNode(Span);
