using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// Coins as a <see cref="CoinsModel"/>: the holdings and market terms folded to constants (MW already kW, rewards per
/// day already per hour), the price index by its index, and the mining terms, when written, as a
/// <see cref="MiningModel"/> whose network, rewards and power price stay expressions read at the period's start.
/// Defaults: no market impact (a sale realises the price; no depth needed then).
/// </summary>
internal sealed class CoinsLowering : DeclarationLowering<CoinsSyntax, CoinsModel>
{
    public override DeclarationKind Kind => DeclarationKind.Coins;

    protected override CoinsModel Lower(CoinsSyntax coins, Symbol symbol, int index, Lowerer lowerer)
    {
        MiningModel? mining = coins.Mines
            && lowerer.BoundOf(coins.Network) is { } network
            && lowerer.BoundOf(coins.Rewards) is { } rewards
            && lowerer.BoundOf(coins.PowerPrice) is { } powerPrice
            ? new MiningModel(lowerer.ConstantOf(coins.Hashrate), network, rewards, lowerer.ConstantOf(coins.Power), powerPrice,
                lowerer.ConstantOf(coins.Keep))
            : null;
        return new CoinsModel(
            Name: symbol.Name,
            Index: index,
            Holdings: lowerer.ConstantOf(coins.Holdings),
            PriceIndex: lowerer.IndexOfName(coins.Price),
            Mining: mining,
            Depth: lowerer.ConstantOf(coins.Depth),
            Impact: lowerer.ConstantOf(coins.Impact));
    }
}
