using System.Globalization;
using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Market indices: a rate (odd names) or a rent in money per GPU-hour (even names), with a drift, stepped or
/// interpolated points anywhere around the deal's life, and launches within it, or none of them; what reads an index
/// (a fee on a rate index, a test, a trigger); and each scenario lever on an index. Levels and shifts are never
/// negative, so a fee on an index is never negative either.</summary>
internal static partial class DealGen
{
    private static Gen<string> Index(DealFrame f, string name) =>
        from level in IndexValue(name)
        from deflate in Maybe(Rate(0, 9900).Select(r => "deflate " + r + " per year"))
        from points in Maybe(IndexPoints(f, name))
        from launches in Gen.Int[0, 2].SelectMany(n => All(Enumerable.Range(0, n).Select(_ => Launch(f))))
        from items in Shuffled(["level " + level, deflate, points, .. launches])
        from tranche in Pick([.. f.TrancheNames])
        from test in Maybe(DealFrame.IsRateIndex(name)
            ? Pick($"test {name}Spread = {name} + 6%", $"test {name}Cost = {name} of {tranche}.balance")
            : Pick($"test {name}Revenue = 1000 gpus * {name} * 2190 hours", $"test {name}Rel = 2.35 per gpu_hour / ({name} + 0.01 per gpu_hour)"))
        from trigger in Maybe(Gen.Const(DealFrame.IsRateIndex(name)
            ? $"trigger {name}High when {name} > 5% => trap"
            : $"trigger {name}Low when {name} < 1.50 per gpu_hour => trap"))
        select Join(new[] { $"  index {name} {{ {items} }}", test, trigger }.Where(s => s.Length > 0).Select(s => "  " + s.Trim()));

    /// <summary>The index <c>Cpi</c> an indexed lease's rent follows (above zero on any start, as DL0492 asks), declared
    /// only when a lease reads it.</summary>
    private static string CpiIndex(IEnumerable<GeneratedDecl> leases) =>
        leases.Any(l => l.Text.Contains("indexed Cpi", StringComparison.Ordinal))
            ? "  index Cpi { level 100x  grow 3% per year  points stepped { 2027-01-01 104x } }"
            : "";

    /// <summary>A value in the index's unit: a rate up to 10%, or a rent up to 5.00 per GPU-hour.</summary>
    private static Gen<string> IndexValue(string index) => DealFrame.IsRateIndex(index)
        ? Rate(0, 1000)
        : Gen.Int[0, 500].Select(c => (c / 100.0).ToString("0.##", CultureInfo.InvariantCulture) + " per gpu_hour");

    private static Gen<string> IndexPoints(DealFrame f, string index) =>
        from kind in Pick("stepped", "interpolated")
        from n in Gen.Int[1, 3]
        from dates in IncreasingDates(f.Closing.AddYears(-1), f.Maturity.AddYears(1), n)
        from values in IndexValue(index).Array[n]
        select "points " + kind + " { " + string.Join("  ", dates.Zip(values, (d, v) => DealFrame.Date(d) + " " + v)) + " }";

    private static Gen<string> Launch(DealFrame f) =>
        from date in DateIn(f.Closing, f.Maturity)
        from down in Rate(0, 9900)
        select "launch " + date + " down " + down;

    /// <summary>A fee on a rate index: its share of a tranche's balance (none without a rate index).</summary>
    private static string[] IndexFee(string index, string tranche) => index.Length == 0 ? [] : [index + " of " + tranche + ".balance"];

    /// <summary>Every lever on each index: a new level, drift, points, an added launch and a non-negative shift.</summary>
    private static IEnumerable<Gen<string>> IndexLevers(DealFrame f)
    {
        foreach (string index in f.IndexNames)
        {
            yield return IndexValue(index).Select(v => $"{index} level {v}");
            yield return Rate(0, 9900).Select(r => $"{index} deflate {r} per year");
            yield return IndexPoints(f, index).Select(p => $"{index} {p}");
            yield return Launch(f).Select(l => $"{index} {l}");
            yield return Gen.Select(Pick("+", ""), IndexValue(index), (sign, v) => $"{index} shift {sign}{v}");
        }
    }
}
