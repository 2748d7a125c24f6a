using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>MetaLease breaks drawn at 60m with 20%, 120m with 30% loading Campus.value -40%</c>: the lessee (or, on a
/// contract, the customer) breaks at the first of these break dates it draws, each with its probability given no break
/// before, through a Gaussian copula with these loadings, as <see cref="LeaseBreaksSyntax"/> breaks at a fixed one (a
/// stochastic item). <c>MetaLease breaks drawn in renewal 1 at 18m with 20%</c>: among the renewal terms' own break
/// dates, counted from that renewal term's start, on a path that takes renewal <see cref="Renewal"/>.</summary>
public sealed record BreaksDrawnSyntax(NameSyntax Lease, ImmutableArray<BreakChanceSyntax> Chances, ImmutableArray<LoadingSyntax> Loadings, SourceSpan Span)
    : ScenarioItemSyntax(Span)
{
    /// <summary>The renewal term (1 the first) whose break is drawn; null for the initial term's.</summary>
    public int? Renewal { get; init; }
}

/// <summary><c>60m with 20%</c>: one date of a drawn break (a duration from the start, one of the break dates offered)
/// and the probability of breaking there given no break before.</summary>
public sealed record BreakChanceSyntax(DurationSyntax At, ExpressionSyntax Probability, SourceSpan Span) : SyntaxNode(Span);
