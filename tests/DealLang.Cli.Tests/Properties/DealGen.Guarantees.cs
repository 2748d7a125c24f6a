using System.Text.RegularExpressions;
using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

// Guarantors (docs/language.md §5 "Guarantors", §10 their levers), added to a generated deal once its parties, leases,
// contracts, tranches and scenarios are written: a contract's guarantor (another party than its customer, with a cap), a lease's guarantor (another party than its lessee, with a cap and now and then
// an end date), a tranche's (a cap, a fee now and then, what it covers now and then), the waterfall paying each fee
// about half the time (an unpaid fee is a warning, DL0732: worth generating too), and each scenario's levers on the
// guarantors the deal names (honoured in full or in part, disowned outright or from a date).
internal static partial class DealGen
{
    private static Gen<string> Guarantors(string deal) =>
        from choices in Gen.Int[0, 999].Array[64]
        from caps in Money(0, 3000).Array[8]
        from fees in Rate(0, 200).Array[8]
        from shares in Rate(0, 10000).Array[8]
        select AddGuarantors(deal, choices, caps, fees, shares);

    private static string AddGuarantors(string deal, int[] choices, string[] caps, string[] fees, string[] shares)
    {
        int next = 0;
        int Choice(int n) => choices[next++ % choices.Length] % n;
        string[] parties = [.. Regex.Matches(deal, @"(?m)^  party (P\d) ").Select(m => m.Groups[1].Value)];
        if (parties.Length == 0)
        {
            return deal;
        }

        Match closing = Regex.Match(deal, @"\n  closing (\d{4}-\d\d-\d\d)");
        deal = Regex.Replace(deal, @"(?m)^  lease (L\d) on (F\d) \{(.*) \}$", m =>
        {
            string lessee = Regex.Match(m.Groups[3].Value, @"lessee (P\d)").Groups[1].Value;
            string[] others = [.. parties.Where(p => p != lessee)];
            if (others.Length == 0 || Choice(3) == 0)
            {
                return m.Value;
            }

            Match starts = Regex.Match(m.Groups[3].Value, @"starts (\d{4})-(\d\d-\d\d)");
            string until = Choice(2) == 0 || !starts.Success ? "" : $" until {int.Parse(starts.Groups[1].Value) + 1 + Choice(10)}-{NotLeapDay(starts.Groups[2].Value)}";
            return $"  lease {m.Groups[1].Value} on {m.Groups[2].Value} {{{m.Groups[3].Value}  guarantor {others[Choice(others.Length)]} cap {caps[Choice(caps.Length)]}{until} }}";
        });

        deal = Regex.Replace(deal, @"(?m)^  contract (\S+) on (\S+) \{(.*) \}$", m =>
        {
            string customer = Regex.Match(m.Groups[3].Value, @"customer (P\d)").Groups[1].Value;
            string[] others = [.. parties.Where(p => p != customer)];
            return others.Length == 0 || Choice(3) == 0
                ? m.Value
                : $"  contract {m.Groups[1].Value} on {m.Groups[2].Value} {{{m.Groups[3].Value}  guarantor {others[Choice(others.Length)]} cap {caps[Choice(caps.Length)]} }}";
        });

        var feeTranches = new List<string>();
        deal = Regex.Replace(deal, @"(?m)^  tranche (T\d) \{(.*) \}$", m =>
        {
            if (Choice(3) != 0)
            {
                return m.Value;
            }

            string fee = Choice(2) == 0 ? "" : " fee " + fees[Choice(fees.Length)];
            if (fee.Length > 0)
            {
                feeTranches.Add(m.Groups[1].Value);
            }

            string covers = Choice(4) switch { 0 => " covers interest", 1 => " covers principal", 2 => " covers interest and principal", _ => "" };
            string until = Choice(3) == 0 && closing.Success ? $" until {int.Parse(closing.Groups[1].Value[..4]) + 1 + Choice(8)}-{NotLeapDay(closing.Groups[1].Value[5..])}" : "";
            return $"  tranche {m.Groups[1].Value} {{{m.Groups[2].Value}  guarantor {parties[Choice(parties.Length)]} cap {caps[Choice(caps.Length)]}{fee}{covers}{until} }}";
        });

        foreach (string tranche in feeTranches.Where(_ => Choice(2) == 0))
        {
            deal = deal.Replace("  waterfall {\n", "  waterfall {\n    pay " + tranche + ".guarantee_fee\n", StringComparison.Ordinal);
        }

        string[] guarantors = [.. Regex.Matches(deal, @"guarantor (P\d) cap").Select(m => m.Groups[1].Value).Distinct()];
        if (guarantors.Length == 0)
        {
            return deal;
        }

        return Regex.Replace(deal, @"(?m)^scenario (S\d) for Gen \{\n", m =>
        {
            string lever = Choice(5) switch
            {
                0 => "",
                1 => $"  {guarantors[Choice(guarantors.Length)]} guarantees honoured\n",
                2 => $"  {guarantors[Choice(guarantors.Length)]} guarantees honoured {shares[Choice(shares.Length)]}\n",
                3 => $"  {guarantors[Choice(guarantors.Length)]} guarantees disowned\n",
                _ => closing.Success
                    ? $"  {guarantors[Choice(guarantors.Length)]} guarantees disowned from {int.Parse(closing.Groups[1].Value[..4]) + Choice(6)}{closing.Groups[1].Value[4..]}\n"
                    : "",
            };
            return m.Value + lever;
        });
    }

    // A later year on the same month and day: 29 February becomes the 28th, a date every year has.
    private static string NotLeapDay(string monthDay) => monthDay == "02-29" ? "02-28" : monthDay;
}
