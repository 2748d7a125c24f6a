using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>Obligor workout drawn 6m with 30%, 18m with 50%, 36m with 20%</c>: the workout lag of each loan the party
/// owes with <c>recovery R after D</c> drawn per path from the outcomes, in place of D (a stochastic item). The outcomes
/// are a drawn delay's (<see cref="DelayOutcomeSyntax"/>).</summary>
public sealed record WorkoutDrawnSyntax(NameSyntax Party, ImmutableArray<DelayOutcomeSyntax> Outcomes, SourceSpan Span)
    : ScenarioItemSyntax(Span);
