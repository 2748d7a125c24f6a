using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The one namespace of a deal: every named declaration by name (case-sensitive), plus each kind's
/// declarations in file order. Duplicates and built-in names are reported and left out, so every
/// symbol here has a unique name and a dense per-kind index. The names in the heads of unknown declarations
/// (misspelt keywords, DL0109) come last, as <see cref="SymbolKind.Unknown"/>, and only where no declaration
/// of a known kind has the name: they are guesses, so they never clash with anything and are never reported.
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<SymbolKind, List<Symbol>> _byKind = [];
    private readonly HashSet<(string, SymbolKind)> _duplicates = [];

    /// <summary>Every symbol in declaration order (those of unknown declarations last).</summary>
    public List<Symbol> All { get; } = [];

    public static SymbolTable Declare(DealSyntax deal, DiagnosticBag diagnostics)
    {
        var table = new SymbolTable();
        foreach (DeclarationSyntax? declaration in SyntaxWalk.Safe(deal.Declarations))
        {
            if (declaration is not NamedDeclarationSyntax named || named.Name is null || string.IsNullOrEmpty(named.Name.Text))
            {
                continue;
            }

            string name = named.Name.Text;
            SymbolKind kind = named.Kind.ToSymbolKind();
            if (Builtins.IsReserved(name))
            {
                diagnostics.Add(DiagnosticCatalogue.NameIsBuiltin(named.Name.Span, name, kind.Keyword()));
                continue;
            }

            if (table._byName.TryGetValue(name, out Symbol? previous))
            {
                diagnostics.Add(DiagnosticCatalogue.DuplicateName(named.Name.Span, name, previous.Kind.Keyword(), previous.Span));
                table._duplicates.Add((name, kind));
                continue;
            }

            table.Add(name, kind, named, named.Name.Span);
        }

        // After every real declaration, so that a real one of the same name wins wherever it stands.
        foreach (UnknownDeclarationSyntax unknown in SyntaxWalk.Safe(deal.Declarations).OfType<UnknownDeclarationSyntax>())
        {
            foreach (NameSyntax name in SyntaxWalk.Safe(unknown.Names))
            {
                if (!string.IsNullOrEmpty(name.Text) && !Builtins.IsReserved(name.Text) && !table._byName.ContainsKey(name.Text))
                {
                    table.Add(name.Text, SymbolKind.Unknown, unknown, name.Span);
                }
            }
        }

        return table;
    }

    /// <summary>Whether a duplicate (reported, left out) declared the name as <paramref name="kind"/>: a use that
    /// expects that kind then points at the duplicate, and "wrong kind" would only repeat the duplicate error.</summary>
    public bool WasAlsoDeclaredAs(string name, SymbolKind kind) => _duplicates.Contains((name, kind));

    public IReadOnlyList<Symbol> OfKind(SymbolKind kind) =>
        _byKind.TryGetValue(kind, out List<Symbol>? list) ? list : [];

    public bool TryLookup(string? name, out Symbol symbol)
    {
        if (name is not null && _byName.TryGetValue(name, out Symbol? found))
        {
            symbol = found;
            return true;
        }

        symbol = null!;
        return false;
    }

    /// <summary>The symbol declared by this exact syntax node, if it was declared (not a duplicate).</summary>
    public Symbol? For(NamedDeclarationSyntax declaration) =>
        declaration.Name is { } name && TryLookup(name.Text, out Symbol s) && ReferenceEquals(s.Declaration, declaration) ? s : null;

    /// <summary>The closest declared name, preferring those of <paramref name="preferred"/> kinds.</summary>
    public string? Suggest(string name, params SymbolKind[] preferred)
    {
        if (preferred.Length > 0)
        {
            string? best = NameSuggestions.Closest(name, All.Where(s => preferred.Contains(s.Kind)).Select(s => s.Name));
            if (best is not null)
            {
                return best;
            }
        }

        return NameSuggestions.Closest(name, All.Select(s => s.Name));
    }

    private void Add(string name, SymbolKind kind, DeclarationSyntax declaration, SourceSpan span)
    {
        if (!_byKind.TryGetValue(kind, out List<Symbol>? list))
        {
            list = [];
            _byKind[kind] = list;
        }

        var symbol = new Symbol(name, kind, list.Count, declaration, span);
        list.Add(symbol);
        All.Add(symbol);
        _byName[name] = symbol;
    }
}
