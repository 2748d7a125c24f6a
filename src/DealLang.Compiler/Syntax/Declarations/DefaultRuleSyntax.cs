using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>default when Notes.interest_shortfall &gt; 0</c>: the event-of-default rule.</summary>
public sealed record DefaultRuleSyntax(ExpressionSyntax Condition, SourceSpan Span) : DeclarationSyntax(Span);
