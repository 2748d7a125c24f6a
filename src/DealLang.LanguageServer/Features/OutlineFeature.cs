using DealLang.Compiler;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/documentSymbol: the outline of the document's own declarations, by kind. The deal holds one
/// group per kind in the order the kinds first appear (<c>party</c>, <c>lease</c>, <c>tranche</c>…), each group
/// its declarations in file order; scenarios follow at the top level. The semantic model keeps where each name is
/// declared, so a symbol's range is its name.
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
        Protocol.Range range = TextPositions.ToRange(symbol.Declaration);
        return new DocumentSymbol(symbol.Name, symbol.Kind, KindOf(symbol.Kind), range, range, children);
    }

    private static DocumentSymbol Group(string kind, DocumentSymbol[] members) =>
        new(kind, $"{members.Length}", SymbolKinds.Namespace, members[0].Range, members[0].SelectionRange, members);

    /// <summary>The protocol's symbol kind nearest each declaration kind, for the editor's icons.</summary>
    public static int KindOf(string kind) => kind switch
    {
        "deal" => SymbolKinds.Module,
        "scenario" => SymbolKinds.Event,
        "party" or "customer" => SymbolKinds.Object,
        "index" => SymbolKinds.Constant,
        "test" => SymbolKinds.Function,
        "trigger" => SymbolKinds.Boolean,
        "fee" => SymbolKinds.Property,
        "account" => SymbolKinds.Variable,
        _ => SymbolKinds.Class, // the deal's assets and liabilities: leases, loans, fleets, tranches, equity…
    };
}
