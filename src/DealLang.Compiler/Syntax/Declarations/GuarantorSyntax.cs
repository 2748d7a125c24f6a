using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>guarantor Google cap 3.2bn until 2036-06-30</c> in a lease: a third party that pays what the lessee owes once it
/// defaults, up to the cap; in a tranche, <c>guarantor State cap 2bn fee 35bp covers interest and principal</c>: a
/// guarantee paid to the tranche's holders, for a fee a year on the guaranteed balance (docs/language.md §5,
/// "Guarantors"). <see cref="Covers"/> is null when the clause says nothing of what it covers; <see cref="Subrogation"/>
/// when it says nothing of when the guarantor recovers (beside the holders, pari passu).
/// </summary>
public sealed record GuarantorSyntax(
    NameSyntax? Guarantor,
    ExpressionSyntax? Cap,
    DateSyntax? Until,
    ExpressionSyntax? Fee,
    CoverageSyntax? Covers,
    SourceSpan Span,
    SubrogationSyntax? Subrogation = null) : SyntaxNode(Span);

/// <summary><c>subrogated after holders</c>: the guarantor recovers from the issuer only once the holders are paid in
/// full (a tranche's term).</summary>
public sealed record SubrogationSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>covers interest and principal</c>, <c>covers interest</c>, <c>covers principal</c>.</summary>
public sealed record CoverageSyntax(bool Interest, bool Principal, SourceSpan Span) : SyntaxNode(Span);
