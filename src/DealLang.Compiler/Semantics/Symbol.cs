using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// A declared name. <see cref="Index"/> is the declaration's position among the deal's declarations of the
/// same kind (0-based), which is also its index in the lowered model's arrays (tests are re-ordered by
/// dependency when lowered; see <see cref="Lowering.TestIndexRemapper"/>). A class, not a record: each
/// symbol is one declaration, compared by identity rather than by (deep) value.
/// <para>A symbol of kind <see cref="SymbolKind.Unknown"/> is a name in the head of an
/// <see cref="UnknownDeclarationSyntax"/> (misspelt keyword): its <see cref="Declaration"/> is that node.</para>
/// </summary>
internal sealed class Symbol(string name, SymbolKind kind, int index, DeclarationSyntax declaration, SourceSpan span)
{
    public string Name { get; } = name;

    public SymbolKind Kind { get; } = kind;

    public int Index { get; } = index;

    public DeclarationSyntax Declaration { get; } = declaration;

    /// <summary>Where the name is declared.</summary>
    public SourceSpan Span { get; } = span;

    public override string ToString() => $"{Kind.Keyword()} '{Name}'";
}
