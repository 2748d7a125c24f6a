using System.Collections;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// The registry of emitter components: every <see cref="DeclarationKind"/> maps to the component that writes its
/// code. A kind without one is refused here, when a deal is emitted, and by <c>EmitterComponentsTests</c>, which
/// iterates <see cref="DeclarationKinds.All"/>: a new kind cannot be half added.
/// </summary>
internal static class EmitterComponents
{
    private static readonly Dictionary<DeclarationKind, Func<EmitContext, EmitterComponent>> Factories = new()
    {
        [DeclarationKind.Party] = ctx => new PartyComponent(ctx),
        [DeclarationKind.Index] = ctx => new IndexComponent(ctx),
        [DeclarationKind.Facility] = ctx => new FacilityComponent(ctx),
        [DeclarationKind.Lease] = ctx => new LeaseComponent(ctx),
        [DeclarationKind.Loan] = ctx => new LoanComponent(ctx),
        [DeclarationKind.Fleet] = ctx => new FleetComponent(ctx),
        [DeclarationKind.Contract] = ctx => new ContractComponent(ctx),
        [DeclarationKind.Holding] = ctx => new HoldingComponent(ctx),
        [DeclarationKind.Coins] = ctx => new CoinsComponent(ctx),
        [DeclarationKind.Tranche] = ctx => new TrancheComponent(ctx),
        [DeclarationKind.Equity] = ctx => new EquityComponent(ctx),
        [DeclarationKind.Account] = ctx => new AccountComponent(ctx),
        [DeclarationKind.Fee] = ctx => new FeeComponent(ctx),
        [DeclarationKind.Test] = ctx => new TestComponent(ctx),
        [DeclarationKind.Trigger] = ctx => new TriggerComponent(ctx),
    };

    /// <summary>Whether <paramref name="kind"/> has a component.</summary>
    public static bool Has(DeclarationKind kind) => Factories.ContainsKey(kind);

    /// <summary>A component per kind for one deal, in <see cref="DeclarationKinds.All"/> order.</summary>
    public static ComponentSet Create(EmitContext ctx) =>
        new([.. DeclarationKinds.All.Select(kind => Factories.TryGetValue(kind, out var create)
            ? create(ctx)
            : throw new InvalidOperationException("Internal error: the " + kind.Keyword() + " kind has no emitter component."))]);
}

/// <summary>One deal's components, in registry order (<see cref="DeclarationKinds.All"/>): the order in which every
/// phase asks them for code, so the order of kinds in the generated class, the sums and the ledger sections.</summary>
internal sealed class ComponentSet : IEnumerable<EmitterComponent>
{
    private readonly EmitterComponent[] _components;

    public ComponentSet(EmitterComponent[] components)
    {
        _components = components;
        for (int i = 0; i < components.Length; i++)
        {
            if (components[i].Kind != DeclarationKinds.All[i])
            {
                throw new InvalidOperationException("Internal error: the " + DeclarationKinds.All[i].Keyword() + " kind's component is a "
                    + components[i].Kind.Keyword() + "'s.");
            }
        }
    }

    public EmitterComponent this[DeclarationKind kind] => _components.First(c => c.Kind == kind);

    /// <summary>The component whose entities are collateral of <paramref name="kind"/>: an enforcement sale asks it
    /// what selling one realises (<see cref="EmitterComponent.CollateralValue"/>).</summary>
    public EmitterComponent this[CollateralKind kind] => _components.SingleOrDefault(c => c.Collateral == kind)
        ?? throw new InvalidOperationException("Internal error: no emitter component sells collateral of kind " + kind + ".");

    /// <summary>The component of type <typeparamref name="T"/>: how one kind reaches another's handles
    /// (<c>ctx.Components.Of&lt;AccountComponent&gt;()[a].Balance</c>).</summary>
    public T Of<T>() where T : EmitterComponent => _components.OfType<T>().Single();

    /// <summary>The terms every kind gives to a deal-wide sum, kinds in registry order.</summary>
    public List<string> Terms(DealSum sum) => [.. _components.SelectMany(c => c.Terms(sum))];

    public IEnumerator<EmitterComponent> GetEnumerator() => ((IEnumerable<EmitterComponent>)_components).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
