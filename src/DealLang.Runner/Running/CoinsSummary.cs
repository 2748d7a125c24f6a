using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// What a coins holding did in one scenario, unrounded: its mining margin collected over the periods run, the coins
/// the waterfall's <c>sell … to cover</c> steps sold and what they raised, the first period they sold in, and the
/// coins held when the run ended.
/// </summary>
/// <param name="FirstSale">The end date of the first period a sale step sold coins in; null when none did.</param>
public sealed record CoinsSummary(
    string Name,
    double Mining,
    double Sold,
    double Proceeds,
    Date? FirstSale,
    double HeldAtEnd);
