using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>daycount 30/360</c>: the text as written; the checker maps it to a day count (DL0201).</summary>
public sealed record DayCountSyntax(string Text, SourceSpan Span) : SyntaxNode(Span);
