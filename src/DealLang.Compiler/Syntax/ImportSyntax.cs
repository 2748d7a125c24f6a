using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>import "common/parties.deal"</c>: another file of the same compilation, by a path relative to this
/// file's folder. <see cref="Path"/> is null when the string was missing (a syntax error, already reported).
/// <see cref="Misplaced"/>: the import came after a deal or scenario (DL0605) and is not followed.</summary>
public sealed record ImportSyntax(StringLiteralSyntax? Path, SourceSpan Span) : SyntaxNode(Span)
{
    public bool Misplaced { get; init; }
}
