using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler;

/// <summary>A name declared in a compilation: the deal, one of its declarations (<see cref="Kind"/> is the
/// declaring keyword: <c>tranche</c>, <c>lease</c>, <c>test</c>…), or a scenario. A class, compared by identity:
/// each symbol is one declaration.</summary>
public sealed class DealSymbol(string name, string kind, SourceSpan declaration)
{
    public string Name { get; } = name;

    /// <summary><c>deal</c>, <c>scenario</c>, or the keyword of the declaration (<c>party</c> … <c>trigger</c>).</summary>
    public string Kind { get; } = kind;

    /// <summary>Where the name is declared (its path is the file's).</summary>
    public SourceSpan Declaration { get; } = declaration;

    public override string ToString() => $"{Kind} '{Name}' at {Declaration}";
}

/// <summary>One place a symbol's name stands: its declaration or a use. <see cref="Span"/> covers the name only
/// (what a rename rewrites); <see cref="Member"/> is the member read after it (<c>balance</c> in
/// <c>Notes.balance</c>, <c>interest</c> in <c>pay Notes.interest</c>), if any, and <see cref="MemberSpan"/> where.</summary>
public sealed record SymbolReference(
    DealSymbol Symbol, SourceSpan Span, bool IsDeclaration, string? Member = null, SourceSpan? MemberSpan = null);
