using System.Globalization;
using CsCheck;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Small combinators the deal generator is written with. The first option of a choice and the absence of
/// an optional item come from the smallest draw, so CsCheck shrinks a failing deal towards fewer, plainer items.</summary>
internal static class GenHelpers
{
    public static Gen<string> Pick(params string[] options) => Gen.Int[0, options.Length - 1].Select(i => options[i]);

    /// <summary>The item (with its leading space) or nothing, about half the time each.</summary>
    public static Gen<string> Maybe(Gen<string> item) =>
        Gen.Int[0, 1].SelectMany(present => present == 1 ? item.Select(s => " " + s) : Gen.Const(""));

    /// <summary>One value from each generator, in order (the generators may depend on earlier choices by closure).</summary>
    public static Gen<T[]> All<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (acc, g) => acc.SelectMany(xs => g.Select(x => (T[])[.. xs, x])));

    /// <summary>Items of a block in a random order, as the language allows (each item given once).</summary>
    public static Gen<string> Shuffled(params string[] items) =>
        Gen.Shuffle(items.Where(s => s.Length > 0).Select(s => s.Trim()).ToArray()).Select(xs => string.Join("  ", xs));

    public static Gen<string> Money(int min, int max) =>
        Gen.Int[min, max].SelectMany(n => Pick(n + "m", (n * 1000).ToString(CultureInfo.InvariantCulture) + "k",
            (n / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "bn"));

    /// <summary>A rate written in percent (one or two decimals) or in basis points.</summary>
    public static Gen<string> Rate(int minBp, int maxBp) =>
        Gen.Int[minBp, maxBp].SelectMany(bp => Pick(
            (bp / 100.0).ToString("0.##", CultureInfo.InvariantCulture) + "%",
            bp.ToString(CultureInfo.InvariantCulture) + "bp"));

    /// <summary>A duration of whole months, written in months or years, or now and then in days or weeks a little
    /// short of the months (30 days, 4 weeks a month), which the checker rounds up to them with a warning: the
    /// rounding path is exercised and the limits (positive terms, the 10-year workout) still hold.</summary>
    public static Gen<string> Duration(int minMonths, int maxMonths) =>
        Gen.Select(Gen.Int[minMonths, maxMonths], Gen.Int[0, 9], (m, unit) => unit switch
        {
            8 => Text(m * 30) + "d",
            9 => Text(m * 4) + "w",
            _ when m % 12 == 0 && m > 0 => Text(m / 12) + "y",
            _ => Text(m) + "m",
        });

    public static Gen<string> DateIn(DateOnly after, DateOnly last) =>
        Gen.Int[1, Math.Max(1, last.DayNumber - after.DayNumber)].Select(d => DealFrame.Date(after.AddDays(d)));

    /// <summary>n strictly increasing dates in (after, last] (n ≤ the days between them).</summary>
    public static Gen<DateOnly[]> IncreasingDates(DateOnly after, DateOnly last, int n) =>
        Gen.Int[1, Math.Max(1, last.DayNumber - after.DayNumber)].ArrayUnique[n]
            .Select(ds => ds.Order().Select(d => after.AddDays(d)).ToArray());

    public static string Join(IEnumerable<string> parts, string separator = "\n") => string.Join(separator, parts);

    public static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
