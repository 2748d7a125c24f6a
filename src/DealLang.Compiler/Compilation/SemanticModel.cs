using System.Collections.Concurrent;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler;

/// <summary>
/// What a compilation knows about its names and units, for tools (a language server, a linter): every symbol
/// with its declaration, every reference to it with its span, and the unit of any expression. Built by
/// <see cref="SemanticModelBuilder"/> from what the semantic passes record, whatever the errors: a name that did
/// not resolve simply has no symbol. Positions are 1-based lines and columns (UTF-16 code units, as editors count
/// and as diagnostics report them); a path matches the file however it is spelt (<c>a/./b.deal</c> is
/// <c>a/b.deal</c>).
/// </summary>
public sealed class SemanticModel
{
    private readonly IReadOnlyList<SymbolReference> _references;
    private readonly IReadOnlyDictionary<ExpressionSyntax, BoundExpression> _bound;
    private readonly ConcurrentDictionary<string, string> _identities = new(StringComparer.Ordinal); // queries may come from several threads

    internal SemanticModel(IReadOnlyList<DealSymbol> symbols, IReadOnlyList<SymbolReference> references,
        IReadOnlyDictionary<ExpressionSyntax, BoundExpression> bound)
    {
        Symbols = symbols;
        _references = references;
        _bound = bound;
    }

    /// <summary>Every symbol: the deal, its declarations in file order, then the scenarios in compilation order.</summary>
    public IReadOnlyList<DealSymbol> Symbols { get; }

    /// <summary>The symbol whose name (declared or used) covers the position, or null. On <c>Notes.balance</c>,
    /// both <c>Notes</c> and <c>balance</c> give tranche Notes.</summary>
    public DealSymbol? SymbolAt(string path, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = Identity(path);
        foreach (SymbolReference reference in _references)
        {
            if (Positions.Contains(reference.Span, line, column) && Identity(reference.Span.Path) == file)
            {
                return reference.Symbol;
            }
        }

        foreach (SymbolReference reference in _references)
        {
            if (reference.MemberSpan is { } member && Positions.Contains(member, line, column) && Identity(member.Path) == file)
            {
                return reference.Symbol;
            }
        }

        return null;
    }

    /// <summary>The symbol's declaration and every use, in file order (by path, then line and column).</summary>
    public IReadOnlyList<SymbolReference> ReferencesOf(DealSymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return [.. _references.Where(r => ReferenceEquals(r.Symbol, symbol))
            .OrderBy(r => r.Span.Path, StringComparer.Ordinal).ThenBy(r => r.Span.Line).ThenBy(r => r.Span.Column)];
    }

    /// <summary>The unit of the smallest expression at the position (money, rate, ratio, date, bool, number), as
    /// the type checker inferred it; null outside any expression, in one that could not be bound (an error was
    /// reported), or inside a constant the checker folded where the piece is not a literal (<c>(2 * 3)</c> in
    /// <c>100m * (2 * 3)</c>: only the whole was kept).</summary>
    public Unit? UnitAt(string path, int line, int column) => BoundAt(path, line, column)?.Unit;

    /// <summary>What the smallest expression at the position measures when <see cref="UnitAt"/> is
    /// <see cref="Unit.Measure"/> (money per GPU-hour is money¹ GPU⁻¹ hour⁻¹; a bare number adopts the measure it
    /// meets: the <c>0.30</c> of <c>H100Rent - 0.30</c> is money per GPU-hour), else null.</summary>
    public Dimension? DimensionAt(string path, int line, int column) =>
        BoundAt(path, line, column) is { Unit: Unit.Measure } bound ? bound.Dimension : null;

    private BoundExpression? BoundAt(string path, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = Identity(path);
        ExpressionSyntax? root = null;
        foreach (ExpressionSyntax candidate in _bound.Keys)
        {
            if (Positions.Contains(candidate.Span, line, column) && Identity(candidate.Span.Path) == file
                && (root is null || Positions.Within(candidate.Span, root.Span)))
            {
                root = candidate;
            }
        }

        return root is null ? null : ExpressionUnits.BoundAt(root, _bound[root], line, column);
    }

    private string Identity(string path) => _identities.GetOrAdd(path, ImportPaths.Identity);
}
