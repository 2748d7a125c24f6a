using DealLang.Compiler;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/completion: the keywords the parser expects at the cursor (<see cref="CompletionProbe"/>, so the
/// list is the grammar's), and, where a name may stand, the names declared in the compilation of the kinds that
/// fit the place: a party after <c>lessee</c>, an account after <c>fill</c>, a facility after a lease's
/// <c>on</c>, an index after its <c>phased</c> or a rent's <c>indexed</c>, the deal after a scenario's <c>for</c>, anything readable in an expression. Where a declaration's
/// own new name is being typed (after <c>tranche</c>), no name is offered.
/// </summary>
internal static class CompletionFeature
{
    private static readonly string[] DeclarationKeywords =
        ["deal", "scenario", .. DeclarationKinds.All.Select(k => k.Keyword())];

    private static readonly string[] Parties = ["party"];
    private static readonly string[] Accounts = ["account"];
    private static readonly string[] Payees = ["tranche", "fee", "equity", "account", "fleet"];
    private static readonly string[] Residuals = ["equity", "tranche", "account"];
    private static readonly string[] Collateral = ["facility", "loan", "fleet", "coins"]; // what an enforcement block sells (docs/language.md §9)
    private static readonly string[] Deals = ["deal"];
    private static readonly string[] ScenarioItemNames = ["lease", "party", "index", "contract", "facility", "loan", "fleet", "tranche"];

    public static CompletionList At(OpenDocument document, Compilation compilation, Position position)
    {
        string text = document.Text;
        int start = TextPositions.WordStart(text, TextPositions.ToOffset(text, position));
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(text, start);
        if (start > 0 && text[start - 1] == '.')
        {
            return new CompletionList(false, Members(compilation, text, start - 1, expected));
        }

        var items = new List<CompletionItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (expected.RvgPartsLeft is { } parts)
        {
            // 'rvg cap 28bn |': the parser has left the rvg item for the lease's, but on the rvg's own line what
            // comes next is one of its parts not yet written (a lease's next item starts a line of its own).
            return new CompletionList(false, [.. parts.Select(part => new CompletionItem(part, CompletionItemKinds.Keyword, "keyword", "1" + part))]);
        }

        if (expected.Name && NameKinds(expected) is { } kinds)
        {
            foreach (DealSymbol symbol in compilation.SemanticModel.Symbols)
            {
                if ((kinds.Length == 0 ? symbol.Kind is not ("deal" or "scenario") : kinds.Contains(symbol.Kind)) && seen.Add(symbol.Name))
                {
                    items.Add(new CompletionItem(symbol.Name, symbol.Kind == "deal" ? CompletionItemKinds.Module : CompletionItemKinds.Variable,
                        symbol.Kind, "0" + symbol.Name));
                }
            }
        }

        foreach (string keyword in expected.Keywords.Concat(ReletUtilisationKeywords(expected)))
        {
            if (seen.Add(keyword))
            {
                items.Add(new CompletionItem(keyword, CompletionItemKinds.Keyword, "keyword", "1" + keyword));
            }
        }

        return new CompletionList(false, [.. items]);
    }

    // After a re-let's 'at' ('C relet after 3m at |', a sale's or a scenario's 'relet idle at |') stands its utilisation:
    // an expression, a 'curve { … }' or a 'beta …' (docs/language.md "relet-curve", "drawn-relet-utilisation"), not a
    // name of its own, so these two are offered though a name may stand there: the general rule (a keyword that may be
    // a name is not offered where a name may stand, CompletionProbe) is lifted for this place alone. Only a re-let
    // takes 'curve' after 'at'.
    private static IEnumerable<string> ReletUtilisationKeywords(ExpectedAtCursor expected) =>
        expected.Previous == "at" && expected.NameKeywords.Contains("curve")
            ? expected.NameKeywords.Where(k => k is "curve" or "beta")
            : [];

    // After 'Notes.' in an expression: what an expression reads of that declaration (its members and their units).
    // A waterfall's 'pay Notes.' takes what a step pays instead, which the semantic model does not list: nothing then.
    private static CompletionItem[] Members(Compilation compilation, string text, int dot, ExpectedAtCursor expected)
    {
        int nameStart = TextPositions.WordStart(text, dot);
        string name = text[nameStart..dot];
        if (name.Length == 0 || !expected.Rules.Contains("expr")
            || compilation.SemanticModel.Symbols.FirstOrDefault(s => s.Name == name && s.Kind != "scenario") is not { } symbol)
        {
            return [];
        }

        return [.. symbol.Members.Select(m => new CompletionItem(m.Name, CompletionItemKinds.Field, HoverFeature.UnitName(m.Unit), "0" + m.Name))];
    }

    /// <summary>The kinds of names that fit (empty: any declaration), or null where a new name is declared.</summary>
    internal static string[]? NameKinds(ExpectedAtCursor expected)
    {
        string? previous = expected.Previous;
        bool In(string rule) => expected.Rules.Contains(rule);
        if (expected.Expression)
        {
            return [];
        }

        if (previous is not null && DeclarationKeywords.Contains(previous))
        {
            return null; // 'tranche |': the declaration's own name
        }

        return previous switch
        {
            "lessee" or "obligor" or "customer" or "guarantor" => Parties,
            "on" when In("leaseDecl") => ["facility"],
            "phased" or "indexed" when In("leaseDecl") => ["index"],
            "on" when In("contractDecl") => ["fleet"],
            "for" when In("scenarioDecl") => Deals,
            "fill" or "release" or "in" or "using" => Accounts,
            "pay" or "cover" => Payees,
            "to" when In("step") || In("triggerEffect") => Residuals,
            "sell" when In("step") => ["coins"],
            "sell" or "," when In("enforcementItem") => Collateral,
            "accelerate" or "prepaying" => ["tranche"],
            "from" when In("holdingItem") => ["equity"],
            "," when In("cureDestination") => ["tranche"],
            "into" when In("cureDestination") => Accounts,
            _ when In("scenarioItem") => ScenarioItemNames,
            _ => [],
        };
    }
}
