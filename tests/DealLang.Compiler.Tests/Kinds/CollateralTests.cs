using DealLang.Compiler.Emit;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Compiler.Tests.Emit;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Kinds;

/// <summary>
/// Collateral is whatever enforcement can sell, of any kind: the checker's rule (<see cref="CollateralRules"/>), the
/// IR's and runtime's <see cref="CollateralKind"/> and the emitter component that says what a sale realises must
/// agree. These fail when a kind is made sellable in one place and not the others.
/// </summary>
public sealed class CollateralTests
{
    public static TheoryData<CollateralKind> CollateralKinds() => [.. Enum.GetValues<CollateralKind>()];

    [Theory]
    [MemberData(nameof(CollateralKinds))]
    public void EveryCollateralKindIsSellableByTheChecker(CollateralKind kind)
    {
        var sellable = CollateralRules.SellableKinds
            .Where(k => CollateralRules.TryCollateralKind(k, out CollateralKind c) && c == kind)
            .ToList();

        Assert.Single(sellable);
    }

    [Theory]
    [MemberData(nameof(CollateralKinds))]
    public void EveryCollateralKindHasTheComponentOfItsDeclarationKind(CollateralKind kind)
    {
        var components = new EmitContext(HyperionModel.Create()).Components;
        SymbolKind symbolKind = CollateralRules.SellableKinds
            .Single(k => CollateralRules.TryCollateralKind(k, out CollateralKind c) && c == kind);

        var component = Assert.Single(components, c => c.Collateral == kind);
        Assert.Equal((DeclarationKind)symbolKind, component.Kind);
        Assert.Same(component, components[kind]);
    }

    [Fact]
    public void TheKindsThatAreNotCollateralAreRefused()
    {
        // A lease, a tranche, a party… is not collateral: the checker says DL0470 (tests/corpus/malformed/240, 257).
        Assert.False(CollateralRules.TryCollateralKind(SymbolKind.Lease, out _));
        Assert.False(CollateralRules.TryCollateralKind(SymbolKind.Tranche, out _));
        Assert.False(CollateralRules.TryCollateralKind(SymbolKind.Account, out _));
        Assert.Equal([SymbolKind.Facility, SymbolKind.Loan, SymbolKind.Fleet, SymbolKind.Coins], CollateralRules.SellableKinds);
    }
}
