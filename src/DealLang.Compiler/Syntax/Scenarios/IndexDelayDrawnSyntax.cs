using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>Built delayed drawn 0m with 50%, 6m with 30%, 12m with 20% loading Campus.value 60%</c>: the index's
/// dated points move later by a delay drawn per path from the outcomes, as <see cref="IndexDelayedSyntax"/> moves them by
/// a fixed one, through a Gaussian copula with these loadings (a stochastic item).</summary>
public sealed record IndexDelayDrawnSyntax(NameSyntax Index, ImmutableArray<DelayOutcomeSyntax> Outcomes, SourceSpan Span)
    : ScenarioItemSyntax(Span)
{
    /// <summary><c>from DATE</c>: only the dated points on or after it move (the later buildings); null, every point.</summary>
    public DateSyntax? From { get; init; }

    /// <summary><c>loading F β</c>…: the delay's loadings on the scenario's factors, as a drawn break's; empty, the delay
    /// is independent of them.</summary>
    public ImmutableArray<LoadingSyntax> Loadings { get; init; } = [];
}

/// <summary><c>6m with 30%</c>: one outcome of a drawn delay. <see cref="Negative"/>: written with a minus sign, which
/// the checks refuse (DL0768) rather than the parser, so the message says what is wrong.</summary>
public sealed record DelayOutcomeSyntax(DurationSyntax Delay, bool Negative, ExpressionSyntax Probability, SourceSpan Span)
    : SyntaxNode(Span);
