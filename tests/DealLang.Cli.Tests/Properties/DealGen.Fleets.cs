using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>GPU fleets (docs/language.md §5 "fleet"): batches delivered in order within the deal or one batch at
/// closing, straight-line or declining-balance depreciation, power with PUE and a price per kWh or MWh, maintenance,
/// an idle unit's share of them (idle_cost),
/// a market value curve or the default, a generation (a rent index of its own, with a drift and a launch) or none,
/// tests reading the members (the first fleet's generation is always given when it has contracts); and the first fleet's sale into the repo market
/// (§9), with every market term or some, keeping its contracts running or not, with a reserve or not, its impact carried
/// from month to month (a half-life) or not.</summary>
internal static partial class DealGen
{
    private static Gen<string> Fleet(DealFrame f, string name) =>
        from batches in Gen.Int[1, Math.Min(3, Math.Max(1, f.Days - 1))]
        from dates in IncreasingDates(f.Closing.AddDays(-1), f.Maturity.AddDays(-1), batches)
        from units in Gen.Int[2, 20000].Array[batches]
        from costs in Gen.Int[5, 40].Array[batches]
        let deliveries = "deliveries { " + string.Join("  ", dates.Select((d, i) =>
            $"{DealFrame.Date(d)} {Text(units[i])} gpus at {Text(costs[i])}k per gpu")) + " }"
        from oneBatch in Gen.Int[0, 3].Select(n => n == 0)
        let gpus = oneBatch ? $"units {Text(units[0])} gpus  unit_cost {Text(costs[0])}k per gpu" : deliveries
        from depreciate in Gen.OneOf(
            Duration(12, 120).Select(d => "depreciate straight_line " + d),
            Rate(0, 6000).Select(r => $"depreciate declining {r} per year"))
        from power in Maybe(
            from kw in Gen.Int[1, 30]
            from pue in Pick("", "  pue 1.3", "  pue 1")
            from price in Pick("80 per MWh", "0.12 per kWh", "60 per MWh")
            select $"power {(kw / 10.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} kW per gpu{pue}  power_price {price}")
        from maintenance in Maybe(Rate(0, 500).Select(r => $"maintenance {r} per year"))
        from idleCost in Maybe(Rate(0, 10000).Select(r => $"idle_cost {r}"))
        from market in Maybe(Gen.Select(Rate(0, 10000), Rate(0, 6000), (s, d) => $"market_value {s} declining {d} per year"))
        let contracted = name == "Fl1" && f.ContractNames.Any()
        from rentIndex in (contracted ? (Func<Gen<string>, Gen<string>>)(g => g) : Maybe)(
            from level in Gen.Int[50, 800]
            from deflate in Rate(0, 4000)
            from launch in Maybe(Gen.Select(DateIn(f.Closing, f.Maturity), Rate(0, 6000), (d, r) => $"  launch {d} down {r}"))
            select $"index {name}Rent {{ level {(level / 100.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} per gpu_hour  deflate {deflate} per year{launch} }}")
        let generation = rentIndex.Length == 0 ? "" : $"generation {name}Rent"
        from items in Shuffled(gpus, depreciate, power, maintenance, idleCost, market, generation)
        from tranche in Pick([.. f.TrancheNames])
        from test in Maybe(Pick(
            $"test {name}Ltv = {tranche}.balance / {name}.market_value",
            $"test {name}Book = {name}.book_value / {name}.units",
            $"test {name}Old = {name}.age",
            $"test {name}Idle = {name}.idle_units / {name}.units",
            $"test {name}Opex = {name}.opex"))
        let first = oneBatch ? f.Closing : dates[0]
        from contracts in contracted
            ? All(f.ContractNames.Select(c => Contract(f, c, name, first, units[0] / 2, $"{name}Rent")))
            : Gen.Const(Array.Empty<string>())
        let parts = (string[])[rentIndex, $"  fleet {name} {{ {items} }}", test, .. contracts]
        select Join(parts.Where(s => s.Length > 0).Select(s => "  " + s.Trim()));

    // The first fleet sold into the repo market (a sale of its own); the depth is required, the rest optional.
    private static Gen<string> MarketSale(DealFrame f) =>
        from haircut in Maybe(Rate(0, 10000).Select(r => "haircut " + r))
        from lag in Maybe(Duration(0, 120).Select(d => "lag " + d))
        from depth in Gen.Int[1, 5000]
        from impactBp in Gen.Int[0, 20000]
        from impact in Maybe(Rate(impactBp, impactBp).Select(r => "impact " + r))
        // A half-life carries the impact from month to month: only on an impact above 0 (else DL0558), whole months.
        from halfLife in impact.Length > 0 && impactBp > 0 ? Maybe(Gen.Int[1, 36].Select(n => $"half_life {Text(n)}m")) : Gen.Const("")
        from limit in Maybe(Gen.Int[1, 8000].Select(n => $"limit {Text(n)} gpus per month"))
        from costs in Maybe(Gen.Int[0, 3000].Select(n => $"costs {Text(n)} per gpu"))
        // The workout's terms: keep the contracts running (only meaningful, and only written, with contracts: else DL0326).
        from keep in f.ContractNames.Any() ? Maybe(Gen.Const("keep contracts")) : Gen.Const("")
        from reserve in Maybe(Gen.Int[0, 40].Select(n => $"reserve {Text(n)}k per gpu"))
        from relet in f.ReletsIdle ? ReletIdle(f) : Gen.Const("")
        from terms in Shuffled(haircut, lag, $"depth {Text(depth)} gpus per month", impact, halfLife, limit, costs, keep, reserve, relet)
        select $"    sell {f.FleetNames.First()} {terms}";

    // A re-let of the idle units (docs/language.md §9, "relet-idle", "relet-ramp"): a utilisation, perhaps ramping up or
    // down (past the window or not), a window or none, and a price of its own or the generation's: a share of a rent
    // index, the index plus or minus a spread, or another rent index (Ix2) of the deal.
    private static Gen<string> ReletIdle(DealFrame f) =>
        from at in Gen.Int[1, 100]
        from ramp in Maybe(Gen.Select(Gen.Int[1, 100], Gen.Int[1, 36], (to, months) => $"rising to {Text(to)}% over {Text(months)}m"))
        from window in Maybe(Gen.Int[1, 36].Select(months => $"for {Text(months)}m"))
        from price in Maybe(ReletPrice(f))
        select $"relet idle at {Text(at)}%{ramp}{window}{price}";

    private static Gen<string> ReletPrice(DealFrame f)
    {
        string rent = f.FleetNames.First() + "Rent";
        string[] indices = f.Indices >= 2 ? [rent, "Ix2"] : [rent];
        return Gen.Select(Pick(indices), Gen.Int[0, 3], Gen.Int[1, 150], (index, shape, n) => shape switch
        {
            0 => $"price {index}",
            1 => $"price {Text(n)}% of {index}",
            2 => $"price {index} - 0.{n % 100:00}",
            _ => $"price {index} + 0.{n % 100:00} per gpu_hour",
        });
    }

    // A scenario's re-let lever (only in a deal whose sale re-lets, else DL0549): all its parts, or none at all.
    private static Gen<string> ReletLever(DealFrame f) => Gen.OneOf(ReletIdle(f).Select(r => "enforcement " + r), Gen.Const("enforcement not relet idle"));

    // The repo market's levers in a scenario (the deal's first fleet, if any, is sold into it).
    private static Gen<string> MarketLever() =>
        from depth in Maybe(Gen.Int[1, 5000].Select(n => $"depth {Text(n)} gpus per month"))
        from impact in Maybe(Rate(0, 20000).Select(r => "impact " + r))
        from limit in Maybe(Gen.Int[1, 8000].Select(n => $"limit {Text(n)} gpus per month"))
        from costs in Gen.Int[0, 3000].Select(n => $"costs {Text(n)} per gpu")
        from reserve in Maybe(Gen.Int[0, 40].Select(n => $"reserve {Text(n)}k per gpu"))
        select "enforcement " + Join(new[] { depth, impact, limit, costs, reserve }.Where(s => s.Length > 0), "  ");

    // A scenario's switch of the lender keeping the contracts running (only with contracts on the fleet sold, else DL0510).
    private static Gen<string> KeepContractsLever() => Pick("enforcement keep contracts", "enforcement sell all");
}
