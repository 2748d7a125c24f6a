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

    /// <summary>A name in the head of a declaration whose keyword is misspelt (<c>tranch Loan {</c>, DL0109).
    /// What it was meant to be is a guess, so its uses are accepted without a word: nothing is reported about
    /// them, and nothing is bound to them (the deal is not lowered: the misspelling is an error).</summary>
    Unknown,
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
        SymbolKind.Unknown => "unknown declaration",
        _ => "declaration",
    };
}
