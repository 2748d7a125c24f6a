using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>A quoted string with its escapes already resolved.</summary>
public sealed record StringLiteralSyntax(string Value, SourceSpan Span) : SyntaxNode(Span);
