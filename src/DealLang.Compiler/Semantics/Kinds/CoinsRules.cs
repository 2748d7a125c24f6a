using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// <c>coins Bitcoin { holdings 1500 coins  price BTC  hashrate 12 EH/s  network 800 EH/s  rewards 450 coins per day
/// power 250 MW  power_price 0.05 per kWh  depth 2000 coins  impact 10% }</c> (docs/language.md §5 "coins"). Its terms
/// are in the compute units of the unit checker, coins and EH/s added (DL0750): holdings and depth in coins, hashrate
/// in EH/s, the network's hashrate in EH/s and its rewards in coins per hour (or per day), power in kW, the power price
/// in money per kWh; the price is an index in money per coin (DL0751). The mining items go together; a share of the
/// margin kept in coins (<c>keep 50%</c>) goes with them (DL0779).
/// </summary>
internal sealed class CoinsRules : DeclarationRules<CoinsSyntax>
{
    internal static readonly Dimension Coins = new(0, 0, 0, 0, Coins: 1);
    internal static readonly Dimension Hashrate = new(0, 0, 0, 0, Hash: 1);
    internal static readonly Dimension MoneyPerCoin = new(1, 0, 0, 0, Coins: -1);
    internal static readonly Dimension CoinsPerHour = new(0, 0, -1, 0, Coins: 1);
    internal static readonly Dimension Kw = new(0, 0, 0, 1);

    public override DeclarationKind Kind => DeclarationKind.Coins;

    // Every member is worked out in the period's collections (1 of the loop) from the holdings at the period's start
    // and the indices' levels then, so any expression may read it; the coins a sale step sells this period show in
    // the next period's units.
    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("units", Quantity.CoinsUnits, Unit.Measure, false, Coins),
        new("value", Quantity.CoinsValue, Unit.Money, false),
        new("mined", Quantity.CoinsMined, Unit.Measure, true, Coins),
        new("revenue", Quantity.CoinsRevenue, Unit.Money, true),
        new("power_cost", Quantity.CoinsPowerCost, Unit.Money, true),
    ]);

    protected override void Bind(CoinsSyntax coins, Binder binder)
    {
        binder.RequireKind(coins.Price, SymbolKind.Index, $"the price of coins '{coins.Name?.Text}' must be an index (its price in money per coin)");
        binder.BindTerms(coins.Holdings, coins.Hashrate, coins.Network, coins.Rewards, coins.Power, coins.PowerPrice, coins.Depth, coins.Impact, coins.Keep);
    }

    protected override void CheckTerms(CoinsSyntax coins, TypeChecker checker)
    {
        string c = $"coins '{coins.Name?.Text}'";
        TypeChecker.UnitMisuse misuse = DiagnosticCatalogue.CoinsTermUnit;
        checker.MeasureTerm(coins.Holdings, Coins, $"the holdings of {c}", "1500 coins", misuse);
        double? hashrate = checker.MeasureTerm(coins.Hashrate, Hashrate, $"the hashrate of {c}", "12 EH/s", misuse);
        BoundExpression? network = checker.MeasureValue(coins.Network, Hashrate,
            new ExpressionContext(ContextKind.PeriodStart, $"the network hashrate of {c}"), "800 EH/s", misuse);
        checker.MeasureValue(coins.Rewards, CoinsPerHour,
            new ExpressionContext(ContextKind.PeriodStart, $"the network rewards of {c}"), "450 coins per day", misuse);
        checker.MeasureTerm(coins.Power, Kw, $"the power of {c}", "250 MW", misuse);
        checker.MeasureValue(coins.PowerPrice, FleetRules.MoneyPerKwh,
            new ExpressionContext(ContextKind.PeriodStart, $"the power_price of {c}"), "0.05 per kWh", misuse);
        checker.MeasureTerm(coins.Depth, Coins, $"the market depth of {c}", "2000 coins", misuse);
        checker.Term(coins.Impact, Unit.Rate, $"the price impact of {c}", TypeChecker.Range.Fraction);
        checker.Term(coins.Keep, Unit.Rate, $"the share of the mining margin {c} keep in coins", TypeChecker.Range.Fraction);
        if (hashrate is { } h && network is ConstantExpression { Value: var n } && h > n)
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.HashrateAboveNetwork(coins.Hashrate!.Span, coins.Name?.Text ?? "", h, n));
        }

        CheckPrice(coins, checker);
    }

    // The price index's level is what a coin is worth: money per coin, or the value and a sale's proceeds are not money.
    private static void CheckPrice(CoinsSyntax coins, TypeChecker checker)
    {
        if (coins.Price is not { } price
            || !checker.Analysis.Names.TryGetValue(price, out Symbol? symbol)
            || symbol.Declaration is not IndexSyntax index)
        {
            return;
        }

        BoundExpression level = checker.IndexLevel(index);
        if (level is BadExpression || (level.Unit == Unit.Measure && level.Dimension == MoneyPerCoin))
        {
            return;
        }

        checker.Diagnostics.Add(DiagnosticCatalogue.CoinPriceNotPerCoin(price.Span, coins.Name?.Text ?? "", price.Text, UnitNames.Described(level)));
    }

    protected override void CheckStructure(CoinsSyntax coins, DealChecks checks)
    {
        if (coins.Holdings is null)
        {
            checks.Missing(coins, "its holdings (e.g. 'holdings 1500 coins'; 'holdings 0 coins' for a miner that sells all it mines)");
        }

        if (coins.Price is null)
        {
            checks.Missing(coins, "a price index (e.g. 'price BTC', with 'index BTC { level 95k per coin }')");
        }

        if (coins.Mines)
        {
            (ExpressionSyntax? Item, string Example)[] mining =
            [
                (coins.Hashrate, "a hashrate (e.g. 'hashrate 12 EH/s')"),
                (coins.Network, "the network's hashrate (e.g. 'network 800 EH/s')"),
                (coins.Rewards, "the network's rewards (e.g. 'rewards 450 coins per day')"),
                (coins.Power, "the miners' power (e.g. 'power 250 MW')"),
                (coins.PowerPrice, "a power_price (e.g. 'power_price 0.05 per kWh')"),
            ];
            foreach (var (item, example) in mining)
            {
                if (item is null)
                {
                    checks.Missing(coins, example + " for its mining");
                }
            }
        }

        if (coins.Keep is not null && !coins.Mines)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.KeepWithoutMining(coins.Keep.Span, coins.Name?.Text ?? ""));
        }

        if (coins.Impact is not null && coins.Depth is null)
        {
            checks.Missing(coins, "a market depth for its price impact (e.g. 'depth 2000 coins')");
        }
    }
}
