using System.Collections.Immutable;
using System.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// The registry of the lowering of each declaration kind: the one list a new kind's lowering is added to.
/// <c>KindRegistryTests</c> fails when a kind has no lowering here, or one for another kind's syntax.
/// </summary>
internal static class KindLowerings
{
    private static readonly IKindLowering?[] ByKind = Register(
        new PartyLowering(),
        new IndexLowering(),
        new FacilityLowering(),
        new LeaseLowering(),
        new LoanLowering(),
        new FleetLowering(),
        new ContractLowering(),
        new HoldingLowering(),
        new CoinsLowering(),
        new TrancheLowering(),
        new EquityLowering(),
        new AccountLowering(),
        new FeeLowering(),
        new TestLowering(),
        new TriggerLowering());

    /// <summary>The lowering of a kind.</summary>
    public static IKindLowering For(DeclarationKind kind) =>
        (uint)kind < (uint)ByKind.Length && ByKind[(int)kind] is { } lowering
            ? lowering
            : throw new UnreachableException($"The declaration kind {kind} has no lowering: add its class to KindLowerings.");

    /// <summary>Every declaration of a kind as the model's <typeparamref name="TModel"/> records.</summary>
    public static ImmutableArray<TModel> LowerAll<TModel>(DeclarationKind kind, Lowerer lowerer) =>
        For(kind) is IKindLowering<TModel> lowering
            ? lowering.LowerAll(lowerer)
            : throw new UnreachableException($"The lowering of {kind} does not make {typeof(TModel).Name}.");

    /// <summary>Whether the kind has a lowering (for the registry test).</summary>
    public static bool Has(DeclarationKind kind) => (uint)kind < (uint)ByKind.Length && ByKind[(int)kind] is not null;

    private static IKindLowering?[] Register(params IKindLowering[] lowerings)
    {
        var byKind = new IKindLowering?[DeclarationKinds.All.Count];
        foreach (IKindLowering l in lowerings)
        {
            if (byKind[(int)l.Kind] is not null)
            {
                throw new UnreachableException($"Two lowerings for the declaration kind {l.Kind}.");
            }

            byKind[(int)l.Kind] = l;
        }

        return byKind;
    }
}
