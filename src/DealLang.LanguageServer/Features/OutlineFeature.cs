using DealLang.Compiler;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/documentSymbol: the outline of the document's own declarations, by kind. The deal holds one
/// group per kind in the order the kinds first appear (<c>party</c>, <c>lease</c>, <c>tranche</c>…), each group
/// its declarations in file order; scenarios follow at the top level. A symbol's range is its whole declaration
/// (<see cref="DealSymbol.Extent"/>, what breadcrumbs and folding-by-outline follow) and its selection range its
/// name; a group's range runs from its first declaration's start to its last one's end.
/// </summary>
internal static class OutlineFeature
{
    public static DocumentSymbol[] For(OpenDocument document, Compilation compilation)
    {
        DealSymbol[] own = [.. compilation.SemanticModel.Symbols.Where(s => DocumentUris.SameFile(s.Declaration.Path, document.Path))];
        var result = new List<DocumentSymbol>();
        DealSymbol? deal = own.FirstOrDefault(s => s.Kind == "deal");
        DocumentSymbol[] groups = [.. own.Where(s => s.Kind is not ("deal" or "scenario"))
            .GroupBy(s => s.Kind)
            .Select(g => Group(g.Key, [.. g.Select(s => Leaf(s))]))];
        if (deal is not null)
        {
            result.Add(Leaf(deal, groups));
        }
        else
        {
            result.AddRange(groups); // declarations outside a deal's name (a deal whose name is missing)
        }

        result.AddRange(own.Where(s => s.Kind == "scenario").Select(s => Leaf(s)));
        return [.. result];
    }

    private static DocumentSymbol Leaf(DealSymbol symbol, DocumentSymbol[]? children = null)
    {
        Protocol.Range name = TextPositions.ToRange(symbol.Declaration);
        Protocol.Range whole = TextPositions.ToRange(symbol.Extent);
        // The protocol requires the range to hold the selection; a declaration the parser recovered may not.
        return new DocumentSymbol(symbol.Name, symbol.Kind, KindOf(symbol.Kind), Holds(whole, name) ? whole : name, name, children);
    }

    private static DocumentSymbol Group(string kind, DocumentSymbol[] members)
    {
        Protocol.Range first = members[0].Range, last = members[^1].Range;
        return new(kind, $"{members.Length}", SymbolKinds.Namespace, new Protocol.Range(first.Start, Before(last.End, first.End) ? first.End : last.End),
            members[0].SelectionRange, members);
    }

    private static bool Holds(Protocol.Range outer, Protocol.Range inner) =>
        !Before(inner.Start, outer.Start) && !Before(outer.End, inner.End);

    private static bool Before(Position a, Position b) => a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character);

    /// <summary>The protocol's symbol kind nearest each declaration kind, for the editor's icons.</summary>
    public static int KindOf(string kind) => kind switch
    {
        "deal" => SymbolKinds.Module,
        "scenario" => SymbolKinds.Event,
        "party" => SymbolKinds.Object,
        "index" => SymbolKinds.Constant,
        "test" => SymbolKinds.Function,
        "trigger" => SymbolKinds.Boolean,
        "fee" => SymbolKinds.Property,
        "account" => SymbolKinds.Variable,
        _ => SymbolKinds.Class, // the deal's assets and liabilities: leases, loans, fleets, tranches, equity…
    };
}
