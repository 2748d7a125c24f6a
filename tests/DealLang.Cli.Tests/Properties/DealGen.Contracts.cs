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

    /// <summary>A lease's renewal terms' termination fee: one amount for every term (<see cref="TerminationFee"/>) or, with
    /// two renewals or more, now and then one per renewal term ('300m, 150m', DL0578), each at least the one floor they
    /// amortise to (DL0753).</summary>
    private static Gen<string> RenewalTerminationFee(int renewals) =>
        renewals < 2 ? TerminationFee() : Gen.Frequency((1, TerminationFee()), (1,
            Gen.Int[0, 300].SelectMany(floor => Gen.Int[floor, 300].Array[renewals].SelectMany(fees =>
                Pick("", " amortising", $" amortising to {Text(floor)}m")
                    .Select(a => "termination_fee " + string.Join(", ", fees.Select(m => Text(m) + "m")) + a)))));

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
        from renewalCount in Gen.Int[1, 3]
        from renewalMonths in Gen.Int[1, 24]
        from times in Pick(" x ", "x ")
        // Now and then a break option in the term (its fee in months of revenue only on a fixed price, DL0438) and in the
        // renewal terms (an amount: a renewal is priced at market, DL0224), each with a notice no longer than the time to
        // its first date (DL0221); a scenario may exercise either (ContractLevers, which reads them back from the text).
        from termBreaks in Gen.Frequency((1, BreakMonths(term)), (3, Gen.Const(Array.Empty<int>())))
        from termNotice in termBreaks.Length == 0 ? Gen.Const(0) : Gen.Int[0, termBreaks[0]]
        from termFee in price.StartsWith("price at", StringComparison.Ordinal) || price.Contains('+', StringComparison.Ordinal)
            ? Pick("", " fee 5m") : Pick("", " fee 5m", " fee 3m of revenue")
        from renewalBreaks in Gen.Frequency((1, BreakMonths(renewalMonths)), (3, Gen.Const(Array.Empty<int>())))
        from renewalNotice in renewalBreaks.Length == 0 ? Gen.Const(0) : Gen.Int[0, renewalBreaks[0]]
        from renewalFee in Pick("", " fee 4m")
        let renewals = $"renewals {Text(renewalCount)}{times}{Text(renewalMonths)}m at customer option" + BreakOption(renewalBreaks, renewalNotice, renewalFee, " with ")
        from prepayment in Maybe(Gen.Select(Money(0, 20), Pick("", " applied over term"), (m, a) => $"prepayment {m}{a}"))
        from items in Shuffled($"customer {customer}", $"units {Text(units)} gpus", price, $"hours {hours} hours per year",
            $"take_or_pay {takeOrPay}", $"starts {starts}", $"term {Text(term)}m", fee, renewals, prepayment,
            BreakOption(termBreaks, termNotice, termFee, ""))
        from test in Maybe(Pick(
            $"test {name}Rev = {name}.revenue",
            $"test {name}Units = {name}.units",
            $"test {name}Live = if {name}.active then 1 else 0",
            $"test {name}Share = largest_customer_share"))
        select Join(new[] { $"  contract {name} on {fleet} {{ {items} }}", test }.Where(s => s.Length > 0).Select(s => "  " + s.Trim()));

    /// <summary>A break option's text (<paramref name="lead"/> before it: " with " after a renewals clause), or none
    /// without dates.</summary>
    private static string BreakOption(int[] months, int notice, string fee, string lead) =>
        months.Length == 0 ? ""
            : lead + "break_option at " + string.Join(", ", months.Select(m => Text(m) + "m")) + (notice == 0 ? "" : " notice " + Text(notice) + "m") + fee;

    /// <summary>Each generated contract's break dates in its term and in its renewal terms, read back from the deal's
    /// fleets' text (the contracts are written inside the fleet that carries them).</summary>
    private static Dictionary<string, (int[] Term, int[] Renewal)> ContractBreaks(IEnumerable<string> fleets)
    {
        var breaks = new Dictionary<string, (int[] Term, int[] Renewal)>();
        foreach (System.Text.RegularExpressions.Match contract in System.Text.RegularExpressions.Regex.Matches(string.Join("\n", fleets), @"contract (Ct\d+) on \w+ \{([^\n]*)\}"))
        {
            static int[] Months(System.Text.RegularExpressions.Match m) =>
                m.Success ? [.. m.Groups[1].Value.Split(", ").Select(x => int.Parse(x[..^1], System.Globalization.CultureInfo.InvariantCulture))] : [];
            string items = contract.Groups[2].Value;
            breaks[contract.Groups[1].Value] = (
                Months(System.Text.RegularExpressions.Regex.Match(items, @"(?<!with )break_option at ((?:\d+m, )*\d+m)")),
                Months(System.Text.RegularExpressions.Regex.Match(items, @"with break_option at ((?:\d+m, )*\d+m)")));
        }

        return breaks;
    }

    /// <summary>Each generated contract's renewal options (one to three), read back from the deal's fleets' text, for a
    /// stochastic scenario that draws them.</summary>
    private static Dictionary<string, int> ContractRenewals(IEnumerable<string> fleets) =>
        System.Text.RegularExpressions.Regex.Matches(string.Join("\n", fleets), @"contract (Ct\d+) on \w+ \{[^\n]*?\brenewals (\d+)")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<Gen<string>> ContractLevers(DealFrame f, Dictionary<string, (int[] Term, int[] Renewal)> breaks)
    {
        foreach (string contract in f.ContractNames)
        {
            yield return Rate(0, 10000).Select(r => $"{contract} utilisation {r}");
            // Renewals taken, or a break in the term, or a break in the first renewal taken (DL0223): one of them.
            var renewed = new List<Gen<string>> { Gen.Int[0, 1].Select(k => $"{contract} renewals taken {k}") };
            if (breaks.TryGetValue(contract, out var dates) && dates.Term.Length > 0)
            {
                renewed.Add(Pick([.. dates.Term.Select(m => Text(m) + "m")]).Select(at => $"{contract} breaks at {at}"));
            }

            if (dates.Renewal is { Length: > 0 })
            {
                renewed.Add(Pick([.. dates.Renewal.Select(m => Text(m) + "m")]).Select(at => $"{contract} renewals taken 1\n  {contract} breaks in renewal 1 at {at}"));
            }

            yield return renewed.Count == 1 ? renewed[0] : Gen.OneOf([.. renewed]);
            // A re-let flat at the spot index, or ramping up or down, at a price of its own or not (the sale's re-let's
            // price shapes, ReletPrice).
            yield return Gen.OneOf(
                from d in Duration(0, 24)
                from r in Rate(0, 10000)
                from ramp in Maybe(Gen.Select(Gen.Int[1, 100], Gen.Int[1, 36], (to, months) => $"rising to {Text(to)}% over {Text(months)}m"))
                from price in Maybe(ReletPrice(f))
                select $"{contract} relet after {d} at {r}{ramp}{price}",
                Gen.Const($"{contract} not relet"));
        }
    }
}
