using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Scenarios: every lever, within its limits (renewals taken at most the count, drops dated after the
/// closing, lags within the workout limit).</summary>
internal static partial class DealGen
{
    private static Gen<string> Scenario(DealFrame f, GeneratedDecl[] leases, string name, Dictionary<string, (int[] Term, int[] Renewal)> contractBreaks,
        string[] loans) =>
        from levers in All(Levers(f, leases, contractBreaks).Concat(loans.Select(l => PartialPayments(f, l))).Select(Maybe))
        select Join([$"scenario {name} for {f.Name} {{", .. levers.Where(l => l.Length > 0).Select(l => "  " + l.Trim()), "}"]);

    private static IEnumerable<Gen<string>> Levers(DealFrame f, GeneratedDecl[] leases, Dictionary<string, (int[] Term, int[] Renewal)> contractBreaks)
    {
        foreach (var lease in leases)
        {
            // A lease is broken in its term or renewed, not both (DL0429); broken in a renewal term it has taken (DL0223).
            Gen<string> renewals = Gen.Int[0, lease.Renewals].Select(n => $"{lease.Name} renewals taken {Text(n)}");
            var choices = new List<Gen<string>> { renewals };
            if (lease.Breaks.Length > 0)
            {
                choices.Add(Pick([.. lease.Breaks.Select(m => Text(m) + "m")]).Select(at => $"{lease.Name} breaks at {at}"));
            }

            if (lease.RenewalBreaks.Length > 0)
            {
                choices.Add(
                    from taken in Gen.Int[1, lease.Renewals]
                    from k in Gen.Int[1, taken]
                    from at in Pick([.. lease.RenewalBreaks.Select(m => Text(m) + "m")])
                    select $"{lease.Name} renewals taken {Text(taken)}\n  {lease.Name} breaks in renewal {Text(k)} at {at}");
            }

            yield return choices.Count == 1 ? renewals : Gen.OneOf([.. choices]);
        }

        foreach (string facility in f.FacilityNames)
        {
            yield return Rate(0, 3000).Select(r => $"{facility}.value deflate {r} per year");
            yield return Gen.Select(Rate(0, 10000), DateIn(f.Closing, f.Maturity.AddYears(2)), (r, d) => $"{facility}.value drop {r} by {d}");
        }

        yield return Rate(0, 2000).Select(r => $"market_rent deflate {r} per year");
        foreach (Gen<string> lever in IndexLevers(f))
        {
            yield return lever;
        }

        yield return Gen.Select(Pick([.. f.PartyNames]), DateIn(f.Closing, f.Maturity), (p, d) => $"{p} defaults on {d}");
        yield return Gen.OneOf(
            Gen.Select(Rate(0, 10000), Maybe(Duration(0, 120).Select(d => "lag " + d)), (r, lag) => $"enforcement haircut {r}{lag}"),
            Duration(0, 120).Select(d => "enforcement lag " + d));
        if (f.Fleets > 0)
        {
            yield return MarketLever();
        }

        if (f.ContractNames.Any())
        {
            yield return KeepContractsLever();
        }

        if (f.ReletsIdle)
        {
            yield return ReletLever(f);
        }

        foreach (Gen<string> lever in ContractLevers(f, contractBreaks))
        {
            yield return lever;
        }
    }

    /// <summary>A loan's obligor paying in part (docs/language.md, "partial-payments"): a share in (0, 100%] (DL0565), with
    /// or without a window's start and end, dated after the closing and not after the deal's maturity (DL0567), the end
    /// not before the start (DL0566).</summary>
    private static Gen<string> PartialPayments(DealFrame f, string loan) =>
        from share in Rate(1, 10000)
        from window in Gen.Int[0, 3]
        from dates in IncreasingDates(f.Closing, f.Maturity, 2)
        select $"{loan} pays {share}" + window switch
        {
            1 => $" from {DealFrame.Date(dates[0])}",
            2 => $" to {DealFrame.Date(dates[1])}",
            3 => $" from {DealFrame.Date(dates[0])} to {DealFrame.Date(dates[1])}",
            _ => "",
        };

    /// <summary>The names of the generated loans.</summary>
    private static string[] LoanNames(string[] loans) =>
        [.. loans.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\bloan (\S+) \{")).Where(m => m.Success).Select(m => m.Groups[1].Value)];
}
