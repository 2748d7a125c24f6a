using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// A declared name. <see cref="Index"/> is the declaration's position among the deal's declarations of the
/// same kind (0-based), which is also its index in the lowered model's arrays (tests are re-ordered by
/// dependency when lowered; see <see cref="Lowering.TestIndexRemapper"/>). A class, not a record: each
/// symbol is one declaration, compared by identity rather than by (deep) value.
/// </summary>
internal sealed class Symbol(string name, SymbolKind kind, int index, NamedDeclarationSyntax declaration)
{
    public string Name { get; } = name;

    public SymbolKind Kind { get; } = kind;

    public int Index { get; } = index;

    public NamedDeclarationSyntax Declaration { get; } = declaration;

    public SourceSpan Span => Declaration.Name?.Span ?? Declaration.Span;

    public override string ToString() => $"{Kind.Keyword()} '{Name}'";
}
