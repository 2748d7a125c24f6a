using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>An identifier as written: a declaration's name or a use of one.</summary>
public sealed record NameSyntax(string Text, SourceSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}
