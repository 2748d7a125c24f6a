using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>in 4 instalments</c> after a loan's <c>recovery</c>: the claim is received in this many equal parts,
/// one a period, the first when the workout lag has run.</summary>
public sealed record RecoveryInstalmentsSyntax(int Count, SourceSpan Span) : SyntaxNode(Span);
