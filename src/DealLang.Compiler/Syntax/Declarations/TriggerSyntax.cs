using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>trigger CashTrap when Dscr &lt; 1.10x from 2030-11-30 trips after 2 cures after 2 =&gt; trap</c>:
/// <see cref="TripsAfter"/> and <see cref="CuresAfter"/> are the consecutive period ends the condition must hold to
/// trip it and fail to cure it (null: one, as written without them).</summary>
public sealed record TriggerSyntax(
    NameSyntax Name,
    ExpressionSyntax Condition,
    DateSyntax? From,
    NameSyntax Effect,
    SourceSpan Span,
    int? TripsAfter = null,
    int? CuresAfter = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;
}
