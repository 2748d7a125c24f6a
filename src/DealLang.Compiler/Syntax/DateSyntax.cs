using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;

namespace DealLang.Compiler.Syntax;

/// <summary>A calendar date literal, <c>2025-10-30</c>. Invalid dates are reported while the tree is
/// built (DL0103) and replaced by the nearest valid date so later stages can keep checking.</summary>
public sealed record DateSyntax(Date Value, SourceSpan Span) : SyntaxNode(Span);
