using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>default when Notes.interest_shortfall &gt; 0 [grace 30d]</c>: the event-of-default rule. With a
/// grace period the condition must hold without a break for at least that long before it is an event of default.</summary>
public sealed record DefaultRuleSyntax(ExpressionSyntax Condition, DurationSyntax? Grace, SourceSpan Span) : DeclarationSyntax(Span);
