using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// Coins the deal holds (docs/language.md §5 "coins"): <see cref="Holdings"/> coins at closing, valued at the index
/// <see cref="PriceIndex"/> (money per coin). With <see cref="Mining"/>, its miners earn their share of the network's
/// rewards each period, sold as mined, less the power they burn. <see cref="Depth"/> (coins a period) and
/// <see cref="Impact"/> are the market a <see cref="SellStep"/> sells into (<see cref="CoinSale"/>).
/// </summary>
public sealed record CoinsModel(
    string Name,
    int Index,
    double Holdings,
    int PriceIndex,
    MiningModel? Mining,
    double Depth,
    double Impact)
{
    public CoinsInfo ToInfo() => new(Name, Holdings, PriceIndex, Mining is not null, Depth, Impact, Mining?.Keep ?? 0);
}

/// <summary>A miner's terms: <see cref="Hashrate"/> (EH/s, constant), the network's hashrate (EH/s) and rewards (coins
/// per hour) and the power price (money per kWh), each read at the period's start, <see cref="Power"/> (kW), and
/// <see cref="Keep"/>, the share of the margin kept in coins (0: every coin sold as mined).</summary>
public sealed record MiningModel(
    double Hashrate,
    BoundExpression Network,
    BoundExpression Rewards,
    double Power,
    BoundExpression PowerPrice,
    double Keep);
