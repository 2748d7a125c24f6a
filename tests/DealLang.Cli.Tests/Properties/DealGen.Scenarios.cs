using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Scenarios: every lever, within its limits (renewals taken at most the count, drops dated after the
/// closing, lags within the workout limit).</summary>
internal static partial class DealGen
{
    private static Gen<string> Scenario(DealFrame f, GeneratedDecl[] leases, string name, Dictionary<string, (int[] Term, int[] Renewal)> contractBreaks,
        string[] loans, string header) =>
        from levers in All(Levers(f, leases, contractBreaks).Concat(loans.Select(l => PartialPayments(f, l, header))).Select(Maybe))
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
    /// not before the start (DL0566); about a third of the time two windows that step (<see cref="SteppedPayments"/>).</summary>
    private static Gen<string> PartialPayments(DealFrame f, string loan, string header) =>
        Gen.Frequency((2, OneWindow(f, loan)), (1, SteppedPayments(f, loan, header)));

    private static Gen<string> OneWindow(DealFrame f, string loan) =>
        from share in Rate(1, 10000)
        from window in Gen.Int[0, 3]
        from dates in IncreasingDates(f.Closing, f.Maturity, 2)
        from arrears in ThenArrears(f)
        select $"{loan} pays {share}" + window switch
        {
            1 => $" from {DealFrame.Date(dates[0])}",
            2 => $" to {DealFrame.Date(dates[1])}{arrears}",
            3 => $" from {DealFrame.Date(dates[0])} to {DealFrame.Date(dates[1])}{arrears}",
            _ => "",
        };

    /// <summary>Now and then a standstill's rescheduling of a window's arrears (docs/language.md §10, "Arrears
    /// rescheduled"), written only on a loan's last window with a 'to' (DL0596, DL0597): over one to eight whole periods
    /// (DL0580), or capitalised. A window too late for the loan is warned of (DL0587) and runs as without it.</summary>
    private static Gen<string> ThenArrears(DealFrame f) =>
        Gen.Frequency(
            (2, Gen.Const("")),
            (1, Gen.Int[1, 8].Select(k => " then arrears over " + (k * MonthsPerPeriod(f.Pay)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "m")),
            (1, Gen.Const(" then arrears capitalised")));

    /// <summary>Two windows of one loan, each its own share: the first with a 'to', the second from a period after it
    /// (DL0590), with or without its own 'to'. Both after the first payment (a first period written long apart), the
    /// second's start a period and ten days or more after the first's end: a period (a month to a year, a first stub
    /// shorter) ends at most its months and three days (a month's end) after a date inside it, and a business day moves it
    /// a few days more, so the start is in a later period, the next one (adjacent windows, the arrears carried) or one
    /// after (a gap period that cures). One window when the life left after the first payment is too short.</summary>
    private static Gen<string> SteppedPayments(DealFrame f, string loan, string header)
    {
        var firstPayment = System.Text.RegularExpressions.Regex.Match(header, @"\bfirst_payment (\d{4}-\d\d-\d\d)");
        DateOnly regular = firstPayment.Success ? DateOnly.ParseExact(firstPayment.Groups[1].Value, "yyyy-MM-dd") : f.Closing;
        int months = MonthsPerPeriod(f.Pay);
        // The first window's end at the latest whose second window still fits before the maturity.
        DateOnly latest = f.Maturity.AddMonths(-months).AddDays(-14);
        if (latest.DayNumber - regular.DayNumber < 2)
        {
            return OneWindow(f, loan);
        }

        return from first in Rate(1, 10000)
               from second in Rate(1, 10000)
               from end in Gen.Int[1, latest.DayNumber - regular.DayNumber].Select(d => regular.AddDays(d))
               from start in Gen.Int[1, Math.Max(1, (end.DayNumber - regular.DayNumber) / 2)].Select(d => regular.AddDays(d))
               from since in Maybe(Gen.Const($"from {DealFrame.Date(start)}"))
               let earliest = end.AddMonths(months).AddDays(10)
               from next in Gen.Frequency((2, Gen.Const(earliest)), (1, Gen.Int[0, f.Maturity.DayNumber - earliest.DayNumber].Select(d => earliest.AddDays(d))))
               from to in Maybe(Gen.Int[0, f.Maturity.DayNumber - next.DayNumber].Select(d => $"to {DealFrame.Date(next.AddDays(d))}"))
               from arrears in ThenArrears(f)
               select $"{loan} pays {first}{since} to {DealFrame.Date(end)}\n  {loan} pays {second} from {DealFrame.Date(next)}{to}{(to.Length == 0 ? "" : arrears)}";
    }

    /// <summary>The names of the generated loans.</summary>
    private static string[] LoanNames(string[] loans) =>
        [.. loans.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\bloan (\S+) \{")).Where(m => m.Success).Select(m => m.Groups[1].Value)];
}
