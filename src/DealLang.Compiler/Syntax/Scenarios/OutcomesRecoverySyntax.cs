using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>recovery drawn at 0% with 30%, 60% with 70%</c>: a default's recovery drawn per path from these outcomes
/// (a discrete distribution: no buyer, or a buyer at a price), in place of a beta (docs/language.md §10, "Drawn recovery
/// outcomes").</summary>
public sealed record OutcomesRecoverySyntax(ImmutableArray<RecoveryOutcomeSyntax> Outcomes, SourceSpan Span) : RecoveryDrawSyntax(Span)
{
    /// <summary><c>else beta mean 55% sd 20%</c>: the beta that takes the probability the outcomes leave (a mixture:
    /// no buyer, or else a price drawn from the beta); null when the outcomes are the whole distribution.</summary>
    public BetaRecoverySyntax? Rest { get; init; }
}

/// <summary><c>60% with 70%</c>: one outcome of a drawn recovery, its rate and its probability.</summary>
public sealed record RecoveryOutcomeSyntax(ExpressionSyntax Recovery, ExpressionSyntax Probability, SourceSpan Span) : SyntaxNode(Span);
