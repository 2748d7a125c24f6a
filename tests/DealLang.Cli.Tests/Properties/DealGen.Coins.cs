using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Coins the deal holds (docs/language.md §5 "coins"): a price index in money per coin, holdings, mining or
/// not (a hashrate at most the network's, rewards per day or per hour, power in MW or kW, a constant or index power
/// price, keeping a share of its margin in coins or not), a market for sales with or without an impact; what reads its members (a test on its value, its margin, its
/// coins mined); and a <c>sell Cn1 to cover</c> step at the start or the end of the regular waterfall.</summary>
internal static partial class DealGen
{
    private static Gen<string> Coins(DealFrame f, string name) =>
        from price in Gen.Int[1, 150]
        from deflate in Maybe(Rate(0, 6000).Select(r => $"deflate {r} per year"))
        from holdings in Gen.Int[0, 5000]
        from network in Gen.Int[100, 1000]
        from hashrate in Gen.Int[0, 100]
        from rewards in Pick("450 coins per day", "18.75 coins per hour", "225 coin per day")
        from power in Pick("200 MW", "50000 kW", "5 MW")
        from powerPrice in Pick("0.05 per kWh", "60 per MWh", $"{name}Power")
        from mines in Gen.Bool
        from keep in Maybe(Rate(0, 10000).Select(r => $" keep {r}"))
        from depth in Gen.Int[1, 3000]
        from impact in Maybe(Rate(0, 5000).Select(r => $"impact {r}"))
        from market in Gen.Frequency((3, Gen.Const($"depth {Text(depth)} coins{impact}")), (1, Gen.Const("")))
        from items in Shuffled($"holdings {Text(holdings)} coins", $"price {name}Price",
            mines ? $"hashrate {Text(hashrate)} EH/s  network {Text(network)} EH/s  rewards {rewards}  power {power}  power_price {powerPrice}{keep}" : "",
            market)
        from tranche in Pick([.. f.TrancheNames])
        from test in Maybe(Pick(
            $"test {name}Ltv = {tranche}.balance / {name}.value",
            $"test {name}Margin = {name}.revenue - {name}.power_cost",
            $"test {name}Mined = {name}.mined",
            $"test {name}Held = {name}.units"))
        select Join(new[]
        {
            $"index {name}Price {{ level {Text(price)}k per coin {deflate.Trim()} }}",
            $"index {name}Power {{ level 0.05 per kWh }}",
            $"coins {name} {{ {items} }}",
            test.Trim(),
        }.Where(s => s.Length > 0), "\n  ");

    /// <summary>An enforcement that also sells the coins, in a sale of their own (docs/language.md §9), when the deal
    /// holds some (a sale of coins that hold none is DL0754's warning); <paramref name="spread"/> spreads it over 3
    /// periods (within the workout limit at every frequency, DL0757), its market remembering each period into the next
    /// with <paramref name="halfLife"/> (<c>half_life 2m</c>, or "") when the coins have an impact above 0 to carry (else DL0558).</summary>
    private static string WithCoinsCollateral(string enforcement, string coins, bool spread, string halfLife = "") =>
        enforcement.Length == 0 || coins.Length == 0 || coins.Contains("holdings 0 coins", StringComparison.Ordinal)
            ? enforcement
            : enforcement.Replace("enforcement {\n", $"enforcement {{\n    sell Cn1{(spread ? " over 3 periods" : "")}"
                + (spread && HasCoinImpact(coins) ? halfLife : "") + " haircut 15% lag 3m\n", StringComparison.Ordinal);

    // An impact written with a depth and above 0 ('impact 0%', 'impact 0bp' carry nothing).
    private static bool HasCoinImpact(string coins) =>
        System.Text.RegularExpressions.Regex.IsMatch(coins, @"\bdepth \S+ coins impact (?!0%|0bp)\d");

    /// <summary>The regular waterfall with a <c>sell Cn1 to cover T1.interest</c> first or a <c>sell Cn1 to cover
    /// T1.principal</c> just before its final <c>distribute rest to Eq</c> (or neither).</summary>
    private static string WithCoinSale(string waterfall, string where, DealFrame f) => where switch
    {
        "first" => waterfall.Replace("  waterfall {\n", $"  waterfall {{\n    sell Cn1 to cover {f.TrancheNames.First()}.interest\n", StringComparison.Ordinal),
        "last" => waterfall.Replace("\n    distribute rest to Eq\n  }", $"\n    sell Cn1 to cover {f.TrancheNames.First()}.principal\n    distribute rest to Eq\n  }}", StringComparison.Ordinal),
        _ => waterfall,
    };
}
