using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>A tranche's call schedule (docs/language.md §5, "A call schedule"): one to three steps dated inside the
/// tranche's life (DL0770) in increasing order (DL0563), at 90% to 110% of par (above 0%: DL0564), and now and then a
/// make-whole at a rate index of the deal plus a spread (a constant rate without one). A scenario's call of such notes
/// gives no price (DL0561) and, without a make-whole, is dated on or after the first step (DL0562): <see cref="HardCall"/>.</summary>
internal static partial class DealGen
{
    private static Gen<string> CallSchedule(DealFrame f, DateOnly maturity) =>
        maturity.DayNumber - f.Closing.DayNumber < 4
            ? Gen.Const("")
            : from n in Gen.Int[1, 3]
              from dates in IncreasingDates(f.Closing, maturity.AddDays(-1), n)
              from prices in All(dates.Select(_ => Rate(9000, 11000)))
              from comma in Pick(",", "")
              from makeWhole in Maybe(MakeWholeRate(f))
              select "callable" + string.Join(comma, dates.Zip(prices, (d, p) => $" from {DealFrame.Date(d)} at {p}")) + makeWhole;

    /// <summary>A rate index of the deal plus a spread, or a Treasury curve of one to three of its rate indices at
    /// increasing tenors (docs/language.md, "make-whole-curve"), or a constant rate when the deal has none.</summary>
    private static Gen<string> MakeWholeRate(DealFrame f) =>
        from spread in Rate(0, 200)
        from index in f.RateIndexNames.Any() ? Pick([.. f.RateIndexNames]) : Gen.Const("")
        from curve in index.Length == 0 ? Gen.Const("") : Maybe(MakeWholeCurve(f))
        select index.Length == 0 ? "make_whole " + spread : curve.Length > 0 ? $"make_whole {curve.Trim()} + {spread}" : $"make_whole {index} + {spread}";

    /// <summary>One to three points, each a tenor (6 months to 10 years, increasing: DL0589) and a rate index.</summary>
    private static Gen<string> MakeWholeCurve(DealFrame f) =>
        from n in Gen.Int[1, 3]
        from tenors in Gen.Int[1, 20].Array[n]
        from indices in All(Enumerable.Range(0, n).Select(_ => Pick([.. f.RateIndexNames])))
        from comma in Pick(",", "")
        select "curve { " + string.Join(comma + " ", tenors.Distinct().Order().Zip(indices, (months6, index) => $"{months6 * 6}m {index}")) + " }";

    /// <summary>The first call date of a tranche's call schedule, when it has one and no make-whole: a call before it
    /// would be DL0562.</summary>
    private static DateOnly? FirstCallWithoutMakeWhole(string tranche)
    {
        var first = System.Text.RegularExpressions.Regex.Match(tranche, @"\bcallable from (\d{4}-\d\d-\d\d)");
        return first.Success && !tranche.Contains("make_whole", StringComparison.Ordinal)
            ? DateOnly.ParseExact(first.Groups[1].Value, "yyyy-MM-dd")
            : null;
    }
}
