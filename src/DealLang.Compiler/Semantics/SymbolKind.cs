namespace DealLang.Compiler.Semantics;

/// <summary>What a declared name stands for. All kinds share one namespace per deal.</summary>
internal enum SymbolKind
{
    Party,
    Facility,
    Lease,
    Tranche,
    Equity,
    Account,
    Fee,
    Test,
    Trigger,
}

internal static class SymbolKinds
{
    /// <summary>The keyword that declares the kind, used in messages ("tranche 'Notes'").</summary>
    public static string Keyword(this SymbolKind kind) => kind switch
    {
        SymbolKind.Party => "party",
        SymbolKind.Facility => "facility",
        SymbolKind.Lease => "lease",
        SymbolKind.Tranche => "tranche",
        SymbolKind.Equity => "equity",
        SymbolKind.Account => "account",
        SymbolKind.Fee => "fee",
        SymbolKind.Test => "test",
        SymbolKind.Trigger => "trigger",
        _ => "declaration",
    };
}
