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

    /// <summary>The whole declaration, from its keyword to its end (an editor's outline and breadcrumbs); the
    /// name's span where that is not known.</summary>
    public SourceSpan Extent
    {
        get => extent.Line > 0 ? extent : Declaration;
        init => extent = value;
    }

    private readonly SourceSpan extent;

    /// <summary>The unit of the expression that defines it (a fee's amount, a test's value, a trigger's
    /// condition, an index's level), where it has one that could be bound; null otherwise.</summary>
    public Model.Unit? Unit { get; init; }

    /// <summary>That expression's value when it folds to a constant (a fee of <c>250k per year</c>, an index's
    /// level): money in currency units, a rate as a fraction (<c>5%</c> is 0.05), a ratio as a multiple.</summary>
    public double? Value { get; init; }

    /// <summary>What an expression reads as <c>Name.member</c> (a tranche's <c>balance</c>, a lease's <c>rent</c>),
    /// with each member's unit; empty for a kind read by its bare name or not at all.</summary>
    public IReadOnlyList<DealMember> Members { get; init; } = [];

    public override string ToString() => $"{Kind} '{Name}' at {Declaration}";
}

/// <summary>A member an expression may read after a declaration's name and a dot, and its unit.</summary>
public sealed record DealMember(string Name, Model.Unit Unit);

/// <summary>One place a symbol's name stands: its declaration or a use. <see cref="Span"/> covers the name only
/// (what a rename rewrites); <see cref="Member"/> is the member read after it (<c>balance</c> in
/// <c>Notes.balance</c>, <c>interest</c> in <c>pay Notes.interest</c>), if any, and <see cref="MemberSpan"/> where.</summary>
public sealed record SymbolReference(
    DealSymbol Symbol, SourceSpan Span, bool IsDeclaration, string? Member = null, SourceSpan? MemberSpan = null);
