using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>Notes</c>, <c>Notes.balance</c>, <c>cfads</c>: a declared name or built-in quantity, with at most one member.</summary>
public sealed record ReferenceSyntax(NameSyntax Name, NameSyntax? Member, SourceSpan Span) : ExpressionSyntax(Span)
{
    public override string ToString() => Member is null ? Name.Text : $"{Name.Text}.{Member.Text}";
}
