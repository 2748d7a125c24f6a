using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>Obligor workout drawn 6m with 30%, 18m with 50%, 36m with 20% loading Campus.value 50%</c>: the workout lag
/// of each loan the party owes with <c>recovery R after D</c> drawn per path from the outcomes, in place of D, through a
/// Gaussian copula with these loadings as a drawn delay's (a stochastic item). The outcomes are a drawn delay's
/// (<see cref="DelayOutcomeSyntax"/>).</summary>
public sealed record WorkoutDrawnSyntax(NameSyntax Party, ImmutableArray<DelayOutcomeSyntax> Outcomes, SourceSpan Span)
    : ScenarioItemSyntax(Span)
{
    /// <summary><c>loading F β</c>…: the lag's loadings on the scenario's factors, as a drawn delay's; empty, the lag is
    /// independent of them.</summary>
    public ImmutableArray<LoadingSyntax> Loadings { get; init; } = [];
}
