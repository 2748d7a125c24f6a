using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>in 4 instalments</c> after a loan's <c>recovery</c>: the claim is received in this many equal parts,
/// one a period, the first when the workout lag has run; or <c>in instalments { 50% 30% 20% }</c>: in parts of unequal
/// size, <see cref="Shares"/> of the claim (empty for equal parts), as many as there are shares.</summary>
public sealed record RecoveryInstalmentsSyntax(int Count, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>Each instalment's share of the claim, in order (<c>{ 50% 30% 20% }</c>); empty for equal parts.</summary>
    public ImmutableArray<ExpressionSyntax> Shares { get; init; } = [];

    /// <summary>Written as a list of shares (<c>in instalments { … }</c>), even an empty one.</summary>
    public bool Listed { get; init; }
}
