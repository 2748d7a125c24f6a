using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Compute contracts (docs/language.md §5 "contract") on the first fleet: each takes at most half its first
/// batch (so two never exceed it, DL0466) from on or after that batch's delivery; priced fixed, at the fleet's rent
/// index plus a spread, or at market; a termination fee, flat or amortising, or none; a prepayment, applied over the
/// term or on top, or none (one above the contract's value is only a warning, DL0488); one to three renewals at the
/// customer's option (the first fleet always has a rent index, so they can be priced); members read by tests, and the
/// largest customer's share; and the scenario levers on them: utilisation, a re-let after a gap, or none, and zero or
/// one renewal taken (every contract offers at least one, so it is never more than offered, DL0475).</summary>
internal static partial class DealGen
{
    /// <summary>A termination fee (a contract's or a lease's): flat, amortising, or amortising to a floor at most the fee
    /// (DL0753).</summary>
    private static Gen<string> TerminationFee() =>
        Gen.Int[0, 300].SelectMany(m => Gen.Int[0, m].SelectMany(floor =>
            Pick("", " amortising", $" amortising to {Text(floor)}m").Select(a => $"termination_fee {Text(m)}m{a}")));

    private static Gen<string> Contract(DealFrame f, string name, string fleet, DateOnly firstDelivery, int maxUnits, string rent) =>
        from customer in Pick([.. f.PartyNames])
        from units in Gen.Int[1, Math.Max(1, maxUnits)]
        from price in Gen.OneOf(
            Gen.Int[50, 500].Select(p => $"price {(p / 100.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} per gpu_hour"),
            Gen.Int[0, 50].Select(s => $"price {rent} + {(s / 100.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} per gpu_hour"),
            Gen.Const("price at market"))
        from hours in Pick("8760", "8000", "4380")
        from takeOrPay in Rate(0, 10000)
        from starts in DateIn(firstDelivery.AddDays(-1), f.Maturity)
        from term in Gen.Int[1, 60]
        from fee in Maybe(TerminationFee())
        from renewals in Gen.Select(Gen.Int[1, 3], Gen.Int[1, 24], Pick(" x ", "x "), (n, d, x) => $"renewals {Text(n)}{x}{Text(d)}m at customer option")
        from prepayment in Maybe(Gen.Select(Money(0, 20), Pick("", " applied over term"), (m, a) => $"prepayment {m}{a}"))
        from items in Shuffled($"customer {customer}", $"units {Text(units)} gpus", price, $"hours {hours} hours per year",
            $"take_or_pay {takeOrPay}", $"starts {starts}", $"term {Text(term)}m", fee, renewals, prepayment)
        from test in Maybe(Pick(
            $"test {name}Rev = {name}.revenue",
            $"test {name}Units = {name}.units",
            $"test {name}Live = if {name}.active then 1 else 0",
            $"test {name}Share = largest_customer_share"))
        select Join(new[] { $"  contract {name} on {fleet} {{ {items} }}", test }.Where(s => s.Length > 0).Select(s => "  " + s.Trim()));

    private static IEnumerable<Gen<string>> ContractLevers(DealFrame f)
    {
        foreach (string contract in f.ContractNames)
        {
            yield return Rate(0, 10000).Select(r => $"{contract} utilisation {r}");
            yield return Gen.Int[0, 1].Select(k => $"{contract} renewals taken {k}");
            yield return Gen.OneOf(
                Gen.Select(Duration(0, 24), Rate(0, 10000), (d, r) => $"{contract} relet after {d} at {r}"),
                Gen.Const($"{contract} not relet"));
        }
    }
}
