namespace DealLang.Runtime;

/// <summary>Coins the deal holds: their headline terms, for reports and analytics (the cash logic is generated).
/// <see cref="PriceIndex"/> indexes <see cref="DealDescription.Indices"/> (money per coin); <see cref="Mines"/> says
/// whether the deal mines the coin; <see cref="Depth"/> (coins a period) and <see cref="Impact"/> are the market its
/// coin sales sell into (<see cref="CoinSale"/>); <see cref="Keep"/> the share of a miner's margin it keeps in coins
/// (0, the default, sells every coin as mined).</summary>
public sealed record CoinsInfo(
    string Name,
    double Holdings,
    int PriceIndex,
    bool Mines,
    double Depth,
    double Impact,
    double Keep = 0);
