using System.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// What a declared name stands for: a <see cref="DeclarationKind"/> (same member, same value, so the mapping is a
/// cast; <c>KindRegistryTests</c> checks it is 1:1), or <see cref="Unknown"/>. It stays a type of its own because
/// a symbol may be what no declaration is: the name in the head of a misspelt declaration. All kinds share one
/// namespace per deal.
/// </summary>
internal enum SymbolKind
{
    Party = DeclarationKind.Party,
    Index = DeclarationKind.Index,
    Facility = DeclarationKind.Facility,
    Lease = DeclarationKind.Lease,
    Loan = DeclarationKind.Loan,
    Fleet = DeclarationKind.Fleet,
    Contract = DeclarationKind.Contract,
    Holding = DeclarationKind.Holding,
    Coins = DeclarationKind.Coins,
    Tranche = DeclarationKind.Tranche,
    Equity = DeclarationKind.Equity,
    Account = DeclarationKind.Account,
    Fee = DeclarationKind.Fee,
    Test = DeclarationKind.Test,
    Trigger = DeclarationKind.Trigger,

    /// <summary>A name in the head of a declaration whose keyword is misspelt (<c>tranch Loan {</c>, DL0109).
    /// What it was meant to be is a guess, so its uses are accepted without a word: nothing is reported about
    /// them, and nothing is bound to them (the deal is not lowered: the misspelling is an error).</summary>
    Unknown = -1,
}

internal static class SymbolKinds
{
    /// <summary>The symbol kind of a declaration kind.</summary>
    public static SymbolKind ToSymbolKind(this DeclarationKind kind) => (SymbolKind)kind;

    /// <summary>The declaration kind of a symbol kind; there is none for <see cref="SymbolKind.Unknown"/>, which
    /// every caller handles first (a symbol of unknown kind is accepted silently and never looked up further).</summary>
    public static DeclarationKind ToDeclarationKind(this SymbolKind kind) => kind == SymbolKind.Unknown
        ? throw new UnreachableException("A name of an unknown declaration has no declaration kind.")
        : (DeclarationKind)kind;

    /// <summary>The keyword that declares the kind, used in messages ("tranche 'Notes'").</summary>
    public static string Keyword(this SymbolKind kind) =>
        kind == SymbolKind.Unknown ? "unknown declaration" : ((DeclarationKind)kind).Keyword();
}
