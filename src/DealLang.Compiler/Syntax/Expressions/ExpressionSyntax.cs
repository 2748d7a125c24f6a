using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>An expression over deal state: tests, triggers, targets, fee amounts and terms.</summary>
public abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);
