using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// What enforcement can sell: the kinds whose entities are collateral, each with its kind in the IR and the runtime
/// (<see cref="CollateralKind"/>). A kind becomes sellable by one line here and an override of
/// <c>EmitterComponent.CollateralValue</c> (what selling it realises) in its emitter component; naming anything
/// else in a sale is DL0470.
/// </summary>
internal static class CollateralRules
{
    private static readonly Dictionary<SymbolKind, CollateralKind> Sellable = new()
    {
        [SymbolKind.Facility] = CollateralKind.Facility,
        [SymbolKind.Loan] = CollateralKind.Loan,
        [SymbolKind.Fleet] = CollateralKind.Fleet,
        [SymbolKind.Coins] = CollateralKind.Coins,
    };

    /// <summary>The collateral kind of a symbol kind, if enforcement can sell it.</summary>
    public static bool TryCollateralKind(SymbolKind kind, out CollateralKind collateral) => Sellable.TryGetValue(kind, out collateral);

    /// <summary>The sellable kinds as the language names them, in declaration order ("facilities").</summary>
    public static IReadOnlyList<SymbolKind> SellableKinds { get; } = [.. Sellable.Keys.Order()];
}
