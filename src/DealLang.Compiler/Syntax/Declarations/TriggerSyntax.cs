using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>trigger CashTrap when Dscr &lt; 1.10x from 2030-11-30 =&gt; trap</c></summary>
public sealed record TriggerSyntax(
    NameSyntax Name,
    ExpressionSyntax Condition,
    DateSyntax? From,
    NameSyntax Effect,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;
}
