namespace DealLang.Compiler.Semantics;

/// <summary>Where a name is being looked up; decides which names are visible besides the deal's symbols.</summary>
internal enum ScopeKind
{
    /// <summary>Declarations' terms, tests, triggers, the default rule: symbols and the deal-wide quantities.</summary>
    Deal,
    /// <summary>Waterfall steps: as the deal, with pay/fill/... targets checked for their kind.</summary>
    Waterfall,
    /// <summary>Scenario items: the deal's symbols and <c>market_rent</c>.</summary>
    Scenario,
}

/// <summary>A lookup scope over one deal's namespace.</summary>
internal sealed class Scope(ScopeKind kind, SymbolTable symbols)
{
    public ScopeKind Kind { get; } = kind;

    public SymbolTable Symbols { get; } = symbols;

    /// <summary>Every name visible here, for "did you mean" suggestions.</summary>
    public IEnumerable<string> VisibleNames()
    {
        foreach (Symbol s in Symbols.All)
        {
            yield return s.Name;
        }

        foreach (MemberInfo builtin in Builtins.DealWide)
        {
            yield return builtin.Name;
        }

        if (Kind == ScopeKind.Scenario)
        {
            yield return Builtins.MarketRent;
        }
    }

    public string? Suggest(string name) => NameSuggestions.Closest(name, VisibleNames());
}
