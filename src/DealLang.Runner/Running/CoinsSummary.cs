using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// What a coins holding did in one scenario, unrounded: its mining margin collected over the periods run, the coins
/// the waterfall's <c>sell … to cover</c> steps sold and what they raised, the first period they sold in, the coins
/// held when the run ended, and the coins an enforcement sale sold and what it raised for them (apart, so that each
/// count matches its proceeds).
/// </summary>
/// <param name="FirstSale">The end date of the first period a sale step sold coins in; null when none did.</param>
/// <param name="SoldInEnforcement">The coins an enforcement sale sold (all it held then); 0 when none did.</param>
/// <param name="EnforcementProceeds">Their liquidation value less the sale's haircut, a part of the deal's sale
/// proceeds; 0 when none sold them.</param>
/// <param name="Kept">The mined coins a miner kept (<c>keep R</c>), in <paramref name="HeldAtEnd"/> unless sold since; 0
/// for coins that keep none.</param>
public sealed record CoinsSummary(
    string Name,
    double Mining,
    double Sold,
    double Proceeds,
    Date? FirstSale,
    double HeldAtEnd,
    double SoldInEnforcement,
    double EnforcementProceeds,
    double Kept = 0);
