namespace DealLang.Compiler.Syntax;

/// <summary>
/// The kinds of named declaration a deal holds: the key of the registry of kinds. Each stage finds a kind's
/// implementation by this value (its parsing, its binding and check rules, its lowering, its emitter component),
/// and a test per stage fails when a kind lacks one, so a new kind cannot be half added.
/// </summary>
public enum DeclarationKind
{
    Party,
    Index,
    Facility,
    Lease,
    Loan,
    Fleet,
    Contract,
    Holding,
    Coins,
    Tranche,
    Equity,
    Account,
    Fee,
    Test,
    Trigger,
}

public static class DeclarationKinds
{
    /// <summary>Every kind, in the order a deal's declarations are described, laid out and reported.</summary>
    public static readonly IReadOnlyList<DeclarationKind> All = Enum.GetValues<DeclarationKind>();

    /// <summary>The keyword that declares the kind (<c>tranche</c>), used in messages ("tranche 'Notes'").</summary>
    public static string Keyword(this DeclarationKind kind) => kind.ToString().ToLowerInvariant();
}
