using System.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// The registry of the semantic rules of each declaration kind: the one list a new kind's rules are added to.
/// <c>KindRegistryTests</c> fails when a kind has no rules here, or rules for another kind's syntax.
/// </summary>
internal static class KindRules
{
    private static readonly IKindRules?[] ByKind = Register(
        new PartyRules(),
        new IndexRules(),
        new FacilityRules(),
        new LeaseRules(),
        new LoanRules(),
        new FleetRules(),
        new ContractRules(),
        new HoldingRules(),
        new CoinsRules(),
        new TrancheRules(),
        new EquityRules(),
        new AccountRules(),
        new FeeRules(),
        new TestRules(),
        new TriggerRules());

    /// <summary>The rules of a kind.</summary>
    public static IKindRules For(DeclarationKind kind) =>
        (uint)kind < (uint)ByKind.Length && ByKind[(int)kind] is { } rules
            ? rules
            : throw new UnreachableException($"The declaration kind {kind} has no semantic rules: add its class to KindRules.");

    /// <summary>The rules of the kind of a symbol; a symbol of unknown kind has none (callers accept it first).</summary>
    public static IKindRules For(SymbolKind kind) => For(kind.ToDeclarationKind());

    /// <summary>Whether the kind has rules (for the registry test).</summary>
    public static bool Has(DeclarationKind kind) => (uint)kind < (uint)ByKind.Length && ByKind[(int)kind] is not null;

    private static IKindRules?[] Register(params IKindRules[] rules)
    {
        var byKind = new IKindRules?[DeclarationKinds.All.Count];
        foreach (IKindRules r in rules)
        {
            if (byKind[(int)r.Kind] is not null)
            {
                throw new UnreachableException($"Two rule classes for the declaration kind {r.Kind}.");
            }

            byKind[(int)r.Kind] = r;
        }

        return byKind;
    }
}
