using System.Globalization;
using System.Text.Json;
using DealLang.Runner.MonteCarlo;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A drawn default's date in its path's <c>--paths-out</c> row (<c>P default date</c>, a nullable Parquet date, the last
/// columns) and in its replay's <c>drawn</c> rows (docs/cli.md, <c>mc</c>; docs/language.md §10, "What a path's row
/// shows of its factors"): rebuilt by hand from the documented generator on valid corpus 077, the replay's party row,
/// CSV and JSON the row's date, and a default the run reached always dated.
/// </summary>
public sealed class DefaultDateColumnsTests : IDisposable
{
    private static readonly string Deal = Path.Combine(RepoPaths.Tests, "corpus", "valid",
        "077-a-neocloud-gpu-loan-amortising-monthly-defaulting-mid-quarter.deal");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-defaultdates-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_drawn_default_date_is_the_closing_plus_the_days_its_survival_draw_gives()
    {
        // Corpus 077's DrawnDefault: seed 77, no factors, no antithetic, one drawn default (Neocloud, pd 15% a year). Path p
        // draws one normal η from stream p; with no loading Z = η, the survival S = Φ(−η), the time
        // τ = ln S / ln(1 − 15%) years (a constant hazard −ln 0.85 a year), and the date closing (2026-03-31) + ⌈365 τ⌉
        // days (at least 1) when it falls in the deal's calendar (docs/language.md §10, "Defaults"). Path 0, for one:
        // checked below against these steps, the row's date is what they give.
        string parquet = Path.Combine(folder, "077.parquet");
        Ok(CliHarness.Run("mc", Deal, "--scenario", "DrawnDefault", "--paths", "400", "--paths-out", parquet));
        Dictionary<string, Array> rows = PathsParquetFile.Read(parquet, out string[] names);
        Assert.Equal("Neocloud default date", names[^1]);

        var dates = (DateOnly?[])rows["Neocloud default date"];
        var defaulted = (bool[])rows["Neocloud defaulted"];
        var maturity = new DateOnly(2030, 3, 31);
        int dated = 0;
        for (int p = 0; p < dates.Length; p++)
        {
            double eta = new PathStream(77, (uint)p, mirrored: false).Normal();
            double years = Math.Log(NormalQuantile.Cdf(-eta)) / Math.Log(1 - 0.15);
            var byHand = new DateOnly(2026, 3, 31).AddDays((int)Math.Max(1.0, Math.Ceiling(years * 365.0)));
            if (byHand <= maturity)
            {
                Assert.Equal(byHand, dates[p]);
                dated++;
            }
            else
            {
                Assert.True(dates[p] is null || dates[p] > maturity, $"path {p}: {dates[p]}, by hand {byHand}");
            }

            // A default the run reached has its date; a date after the run leaves the flag false.
            Assert.True(!defaulted[p] || dates[p] is not null, $"path {p} defaulted without a date");
        }

        // About 1 − 0.85⁴ = 47.8% of paths default by the maturity (four years): within 5 binomial errors of 400 paths.
        Assert.InRange(dated, 400 * 0.478 - (5 * 10), 400 * 0.478 + (5 * 10));
    }

    [Fact]
    public void A_replayed_paths_default_date_is_its_rows_in_the_party_table_csv_and_json()
    {
        string parquet = Path.Combine(folder, "replay.parquet");
        Ok(CliHarness.Run("mc", Deal, "--scenario", "DrawnDefault", "--paths", "40", "--paths-out", parquet));
        var dates = (DateOnly?[])PathsParquetFile.Read(parquet, out _)["Neocloud default date"];
        int withDate = Array.FindIndex(dates, d => d is not null && d <= new DateOnly(2030, 3, 31));
        int without = Array.FindIndex(dates, d => d is null);
        Assert.True(withDate >= 0 && without >= 0, "40 paths at 15% a year give both");

        foreach (int path in new[] { withDate, without })
        {
            string p = path.ToString(CultureInfo.InvariantCulture);
            string expected = dates[path]?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

            string table = Ok(CliHarness.Run("mc", Deal, "--scenario", "DrawnDefault", "--paths", "40", "--replay-path", p));
            string[] lines = table.ReplaceLineEndings("\n").Split('\n');
            Assert.Contains(lines, l => l.Contains("Neocloud default date", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + expected, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("defaults on", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + expected, StringComparison.Ordinal));

            string json = Ok(CliHarness.Run("mc", Deal, "--scenario", "DrawnDefault", "--paths", "40", "--replay-path", p, "--format", "json"));
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement draw = document.RootElement.EnumerateObject().Single(o => o.Name.EndsWith(".summary", StringComparison.Ordinal))
                .Value.GetProperty("scenarios")[0].GetProperty("draws").GetProperty("Neocloud default date");
            Assert.Equal(dates[path]?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), draw.ValueKind == JsonValueKind.Null ? null : draw.GetString());
        }
    }

    private static string Ok(CliOutcome outcome)
    {
        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        return outcome.Out;
    }
}
