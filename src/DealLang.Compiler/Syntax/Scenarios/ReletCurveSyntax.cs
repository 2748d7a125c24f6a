using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Semantics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>curve { 0m 30%  3m 55%  9m 75%  21m 80% }</c>: a re-let whose utilisation follows a curve in place of a straight
/// ramp (docs/language.md §9, "relet-curve"), a sale's <c>relet idle at curve { … }</c>, a scenario's <c>enforcement
/// relet idle at curve { … }</c> or a contract's <c>C relet after 3m at curve { … }</c> (§5, "contract-relet-curve").
/// The re-let's <c>Utilisation</c> is the first point's level, so that every stage asking only whether and at what level
/// a re-let starts reads it as before.
/// </summary>
public sealed record ReletCurveSyntax(ImmutableArray<ReletCurvePointSyntax> Points, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The levels written, in order (a drawn one's mean), for walks and the binder.</summary>
    public IEnumerable<ExpressionSyntax?> Levels => SyntaxWalk.Safe(Points).Select(p => p.Level);
}

/// <summary>One point of a re-let's curve, <c>3m 55%</c>: the utilisation <see cref="Level"/> at <see cref="At"/> whole
/// months from the re-let's start. <see cref="Drawn"/>: a level written as a beta (<c>3m beta mean 55% sd 10%</c>),
/// which a curve does not draw (DL0514); <see cref="Level"/> is then its mean.</summary>
public sealed record ReletCurvePointSyntax(DurationSyntax At, ExpressionSyntax? Level, SourceSpan Span) : SyntaxNode(Span)
{
    public BetaRecoverySyntax? Drawn { get; init; }
}
