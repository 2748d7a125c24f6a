using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>One .deal file: its imports, its deal declaration(s) and scenarios, in file order, and the top-level
/// declarations whose keyword is misspelt (<c>dael Mini {</c>, <c>scenaro Stress for Mini {</c>; reported as
/// DL0109). A <see cref="Compilation"/> holds one per file.</summary>
public sealed record CompilationUnitSyntax(
    ImmutableArray<DealSyntax> Deals,
    ImmutableArray<ScenarioSyntax> Scenarios,
    ImmutableArray<UnknownDeclarationSyntax> UnknownDeclarations,
    SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The parse stopped before the end of the file (nesting too deep, DL0108): what is missing from the
    /// tree was not read, so it must not be reported missing (no "this file declares no deal").</summary>
    public bool Unread { get; init; }

    /// <summary>The file's <c>import "…"</c> lines, in file order (the compilation follows them).</summary>
    public ImmutableArray<ImportSyntax> Imports { get; init; } = [];
}
