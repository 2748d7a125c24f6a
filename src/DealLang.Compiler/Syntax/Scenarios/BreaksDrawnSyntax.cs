using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>MetaLease breaks drawn at 60m with 20%, 120m with 30% loading Campus.value -40%</c>: the lessee (or, on a
/// contract, the customer) breaks at the first of these break dates it draws, each with its probability given no break
/// before, through a Gaussian copula with these loadings, as <see cref="LeaseBreaksSyntax"/> breaks at a fixed one (a
/// stochastic item).</summary>
public sealed record BreaksDrawnSyntax(NameSyntax Lease, ImmutableArray<BreakChanceSyntax> Chances, ImmutableArray<LoadingSyntax> Loadings, SourceSpan Span)
    : ScenarioItemSyntax(Span);

/// <summary><c>60m with 20%</c>: one date of a drawn break (a duration from the start, one of the break dates offered)
/// and the probability of breaking there given no break before.</summary>
public sealed record BreakChanceSyntax(DurationSyntax At, ExpressionSyntax Probability, SourceSpan Span) : SyntaxNode(Span);
