using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Convertible tranches, and amortisation as buildings are completed (the index <c>Bld</c> and a scenario
/// delaying it). Convertible tranches (docs/language.md §5 "tranche", "Convertible notes"): a conversion price per share,
/// against the share price index <c>Shr</c> (declared when a tranche converts against it: a level, a drift, a
/// stepped point), that index scaled by a ratio, or a constant; at maturity or early above a threshold; with holder's
/// puts, an issuer's provisional call and a conversion price reset.</summary>
internal static partial class DealGen
{
    private static Gen<string> Convertible(DealFrame f, DateOnly maturity) =>
        from price in Gen.Int[1, 40]
        from against in Pick("Shr", "Shr * 1.2x", "15 per share")
        from early in Maybe(Rate(10000, 20000).Select(r => "early above " + r))
        from puts in Puts(f, maturity)
        from call in ConvertibleCall(f, maturity)
        from reset in ConversionReset(f, maturity, price)
        select $"convertible at {Text(price)} per share against {against} {early.Trim()}{puts}{call}".TrimEnd() + reset;

    /// <summary>A conversion price reset ("A conversion price that resets"), or none: one or two dates inside the
    /// tranche's life in increasing order (DL0570), a ratio of 50% to 150% (above 0%: DL0571), a floor of 5% to 95% of
    /// the conversion price (above zero and below it: DL0572); none when the life is too short to hold a date.</summary>
    private static Gen<string> ConversionReset(DealFrame f, DateOnly maturity, int price) =>
        maturity.DayNumber - f.Closing.DayNumber < 4
            ? Gen.Const("")
            : Maybe(from n in Gen.Int[1, 2]
                    from dates in IncreasingDates(f.Closing, maturity.AddDays(-1), n)
                    from ratio in Rate(5000, 15000)
                    from floor in Gen.Int[5, 95]
                    select $"reset {string.Join(", ", dates.Select(DealFrame.Date))} to {ratio} floor "
                        + (price * floor / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " per share");

    /// <summary>Up to two holder's puts, dated inside the tranche's life (after the closing, before its maturity:
    /// DL0770) in increasing order (DL0771), at 50% to 120% of par (a discount and a premium); none when the life is
    /// too short to hold them.</summary>
    private static Gen<string> Puts(DealFrame f, DateOnly maturity) =>
        maturity.DayNumber - f.Closing.DayNumber < 4
            ? Gen.Const("")
            : from n in Gen.Int[0, 2]
              from dates in IncreasingDates(f.Closing, maturity.AddDays(-1), n)
              from prices in All(dates.Select(_ => Rate(5000, 12000)))
              select string.Concat(dates.Zip(prices, (d, p) => $" put {DealFrame.Date(d)} at {p}"));

    /// <summary>An issuer's provisional call, from a date inside the tranche's life, above 100% to 200% of the
    /// conversion price (DL0775), or none.</summary>
    private static Gen<string> ConvertibleCall(DealFrame f, DateOnly maturity) =>
        maturity.DayNumber - f.Closing.DayNumber < 4
            ? Gen.Const("")
            : Maybe(from d in DateIn(f.Closing, maturity.AddDays(-1)) from r in Rate(10000, 20000) select $"call from {d} above {r}");

    /// <summary>A scenario in which the issuer calls the first convertible tranche in cash (a hard call, docs/language.md
    /// §5 "The issuer's hard call") on a date inside its life (DL0770), at 90% to 110% of par: the holder converts or
    /// takes the cash as the share price says; or calls a part of it (10% to 99%, "A partial hard call") and, when the
    /// life holds a date 25 months after it and after the <paramref name="header"/>'s first payment (a later period at any
    /// frequency, a long stub included: DL0560), may call it again (in part or
    /// whole); the holders may convert only a part of it (10% to 100%, "A partial conversion"). Without a convertible,
    /// the first tranche, plain notes, is called so (in cash, "Calling plain notes"; no conversion). None when the
    /// tranche's life is too short to hold a date. Notes with a call schedule are called at its price, on or after its first
    /// step without a make-whole. With a rate index, a third of the calls are decided in the run instead
    /// (<see cref="RefinancingRate"/>), from the date or from the closing, at the same price and part.</summary>
    private static Gen<string> HardCall(DealFrame f, string[] tranches, string header)
    {
        if ((tranches.FirstOrDefault(t => t.Contains("convertible at", StringComparison.Ordinal)) ?? tranches.FirstOrDefault()) is not { } tranche)
        {
            return Gen.Const("");
        }

        bool convertible = tranche.Contains("convertible at", StringComparison.Ordinal);

        string name = tranche.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        // The tranche's own maturity ('maturity' followed by a date; the deal's otherwise).
        var own = System.Text.RegularExpressions.Regex.Match(tranche, @"\bmaturity (\d{4}-\d\d-\d\d)");
        DateOnly maturity = own.Success ? DateOnly.ParseExact(own.Groups[1].Value, "yyyy-MM-dd") : f.Maturity;
        var firstPayment = System.Text.RegularExpressions.Regex.Match(header, @"\bfirst_payment (\d{4}-\d\d-\d\d)");
        DateOnly regular = firstPayment.Success ? DateOnly.ParseExact(firstPayment.Groups[1].Value, "yyyy-MM-dd") : f.Closing;
        // Notes with a call schedule are called at its price (no 'at': DL0561), and without a make-whole not before its
        // first step (DL0562).
        bool scheduled = tranche.Contains("callable from", StringComparison.Ordinal);
        DateOnly after = FirstCallWithoutMakeWhole(tranche) is { } first ? first.AddDays(-1) : f.Closing;
        return maturity.DayNumber - after.DayNumber < 4
            ? Gen.Const("")
            : from d in DateIn(after, maturity.AddDays(-1))
              from p in scheduled ? Gen.Const("") : Rate(9000, 11000).Select(r => " at " + r)
              from part in Maybe(Rate(1000, 9900).Select(r => "part " + r))
              from again in part.Length == 0 ? Gen.Const("") : CalledAgain(name, Later(DateOnly.ParseExact(d, "yyyy-MM-dd"), regular), maturity)
              from converts in convertible ? Maybe(Rate(1000, 10000).Select(r => $"\n  {name} converts {r}")) : Gen.Const("")
              from when in RefinancingRate(f)
              from since in Pick("", $" from {d}")
              select when.Length > 0
                  ? $"scenario Called for {f.Name} {{\n  {name} called when {when}{since}{p}{part}{converts.TrimStart(' ')}\n}}"
                  : $"scenario Called for {f.Name} {{\n  {name} called on {d}{p}{part}{again}{converts.TrimStart(' ')}\n}}";
    }

    /// <summary>A call decided in the run (docs/language.md §10, "A call decided in the run") in about a third of the
    /// calls of a deal with a rate index: the first rate index plus a spread of 0% to 5%, below (or at) 1% to 15% (some
    /// paths then call, some never). "" for a call on a date.</summary>
    private static Gen<string> RefinancingRate(DealFrame f) =>
        f.RateIndexNames.FirstOrDefault() is not { } index
            ? Gen.Const("")
            : Gen.Frequency(
                (2, Gen.Const("")),
                (1, from spread in Rate(0, 500)
                    from op in Pick("<", "<=")
                    from below in Rate(100, 1500)
                    select $"{index} + {spread} {op} {below}"));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A second call after a partial one, 25 months or more after <paramref name="after"/> (the first call or
    /// the first payment, whichever is later) and before the maturity, in part or whole; none when the life left is
    /// shorter.</summary>
    private static Gen<string> CalledAgain(string name, DateOnly after, DateOnly maturity) =>
        maturity.DayNumber - after.AddMonths(25).DayNumber < 2
            ? Gen.Const("")
            : Maybe(from d in DateIn(after.AddMonths(25), maturity.AddDays(-1))
                    from part in Maybe(Rate(1000, 9900).Select(r => "part " + r))
                    select $"\n  {name} called on {d}{part}").Select(s => s.TrimStart(' '));

    /// <summary>The share price index, declared only when a tranche converts against it (an unread index is legal, but
    /// the deals would all gain a line).</summary>
    private static string SharePriceIndex(string[] tranches) =>
        tranches.Any(t => t.Contains("against Shr", StringComparison.Ordinal))
            ? "  index Shr { level 12 per share  deflate 10% per year  points stepped { 2027-01-01 30 per share } }"
            : "";

    /// <summary>The completion index <c>Bld</c> (a share of buildings completed, stepped at two dates within the deal),
    /// declared only when a tranche reads it.</summary>
    private static string CompletionIndex(DealFrame f, string[] tranches) =>
        tranches.Any(t => t.Contains("completion Bld", StringComparison.Ordinal))
            ? $"  index Bld {{ level 0%  points stepped {{ {DealFrame.Date(f.Closing.AddMonths(6))} 40%  {DealFrame.Date(f.Closing.AddMonths(12))} 100% }} }}"
            : "";

    /// <summary>A scenario delaying the completions by <paramref name="months"/> (none at 0, or without a completion).</summary>
    private static string CompletionDelay(DealFrame f, string[] tranches, int months) =>
        months == 0 || !tranches.Any(t => t.Contains("completion Bld", StringComparison.Ordinal))
            ? ""
            : $"scenario Late for {f.Name} {{\n  Bld delayed {Text(months)}m\n}}";
}
