using System.Globalization;
using DealLang.Cli.Tests.Commands;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang mc --paths-out FILE.csv</c> (docs/cli.md, <c>mc</c>): the format by the file's extension, in any case —
/// a <c>paths.csv</c> was a Parquet file under that name, garbage in a spreadsheet. The CSV's rows are the report's
/// figures path by path (checked by hand on Hyperion's five paths), the same bytes on one or two threads and across
/// three shards, the Parquet file's cells to the bit; any other extension is a usage error before any work.
/// </summary>
public sealed class PathsCsvTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string HyperionMc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-paths-csv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string[] Mc(int paths, params string[] more) =>
        ["mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--seed", "42",
         "--paths", paths.ToString(CultureInfo.InvariantCulture), .. more];

    private static CliOutcome Ok(CliOutcome outcome)
    {
        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        return outcome;
    }

    [Fact]
    public void The_rows_are_the_reports_figures_path_by_path()
    {
        string csv = Path.Combine(folder, "paths.Csv"); // the extension in any case
        CliOutcome run = Ok(CliHarness.Run(Mc(5, "--threads", "1", "--format", "csv", "--paths-out", csv)));
        Assert.Contains($"wrote {csv}", run.Err, StringComparison.Ordinal);

        string text = File.ReadAllText(csv);
        Assert.False(text.StartsWith('\uFEFF'), "no byte-order mark");
        string[] records = text.Split("\r\n"); // RFC 4180's CRLF after every record, the last too
        Assert.Equal(7, records.Length);
        Assert.Equal("", records[6]);
        Assert.Equal(
            "path,Notes loss,Notes loss share,Notes unpaid interest,Notes irr,Notes wal,Sponsor irr,event of default,sale,Meta defaulted,"
            + "BlueOwl defaulted,Trustee unpaid at end,AssetMgmt unpaid at end,MetaLease renewals taken,Campus.value shock,market_rent shock,"
            + "Campus.value deflation,market_rent deflation,Meta default date",
            records[0]);
        string[][] rows = [.. records[1..6].Select(r => r.Split(','))];
        Assert.Equal(["0", "1", "2", "3", "4"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(19, r.Length));

        // Path 1 loses 16,137,823,347.71506 of the Notes' principal, the other four nothing; it alone has an event of
        // default and a sale (flags 1 and 0). Report: expected loss 16,137,823,347.71506 / 5 = 3,227,564,669.54,
        // P(principal loss) 1 / 5 = 0.2; IRR mean (0.0668549 + 0.0517138 + 0.0668588 + 0.0668528 + 0.0668588) / 5 = 0.0638278.
        Assert.Equal(["0", "16137823347.71506", "0", "0", "0"], rows.Select(r => r[1]));
        Assert.Equal(["0", "1", "0", "0", "0"], rows.Select(r => r[7]));
        Assert.Equal(["0", "1", "0", "0", "0"], rows.Select(r => r[8]));
        string[] report = run.Out.ReplaceLineEndings("\n").Split('\n');
        double[] loss = [.. rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture))];
        double[] irr = [.. rows.Select(r => double.Parse(r[4], CultureInfo.InvariantCulture))];
        Assert.Contains("Notes,expected loss,3227564669.54,", report[2], StringComparison.Ordinal);
        Assert.Equal("3227564669.54", (loss.Sum() / 5).ToString("F2", CultureInfo.InvariantCulture));
        Assert.StartsWith("Notes,P(principal loss),0.2,", report[1], StringComparison.Ordinal);
        Assert.Equal(0.2, loss.Count(l => l >= 0.005) / 5.0);
        double reportIrr = double.Parse(report.Single(l => l.StartsWith("Notes,IRR mean,", StringComparison.Ordinal)).Split(',')[2], CultureInfo.InvariantCulture);
        Assert.Equal(0.0638278, reportIrr, 7);
        Assert.Equal(reportIrr, irr.Average(), 9); // the report's mean is of each IRR rounded to 2⁻³² (MeasureStatistics): within 10⁻⁹

        // Each number to the bit: path 0's campus shock Z = 0.2870419004300949 (FactorDrawsColumnsTests builds it by
        // hand), its deflation 4% + 4% Z = 0.0514816760172038; path 1, antithetic, mirrors it, −Z and 4% − 4% Z.
        Assert.Equal("0.2870419004300949", rows[0][14]);
        Assert.Equal("-0.2870419004300949", rows[1][14]);
        Assert.Equal(0.04 + (0.04 * 0.2870419004300949), double.Parse(rows[0][16], CultureInfo.InvariantCulture), 15);
        Assert.Equal(0.04 - (0.04 * 0.2870419004300949), double.Parse(rows[1][16], CultureInfo.InvariantCulture), 15);
        Assert.All(rows, r => Assert.Equal("", r[18])); // Meta defaults on none of the five paths: no date, an empty field
    }

    [Fact]
    public void The_csv_is_the_same_bytes_on_any_threads_and_shards_and_the_parquet_cell_by_cell()
    {
        // 9,000 paths: three of the engine's 4,096-path blocks, which two threads finish out of order.
        const int paths = 9000;
        string one = Path.Combine(folder, "one.csv"), two = Path.Combine(folder, "two.csv"), parquet = Path.Combine(folder, "two.parquet");
        Ok(CliHarness.Run(Mc(paths, "--threads", "1", "--paths-out", one)));
        Ok(CliHarness.Run(Mc(paths, "--threads", "2", "--paths-out", two)));
        Ok(CliHarness.Run(Mc(paths, "--threads", "2", "--paths-out", parquet)));
        byte[] bytes = File.ReadAllBytes(one);
        Assert.Equal(bytes, File.ReadAllBytes(two));

        // Three shards' files: each the header and its paths' rows, together the whole run's file.
        string[] whole = File.ReadAllText(one).Split("\r\n");
        var joined = new List<string> { whole[0] };
        for (int i = 1; i <= 3; i++)
        {
            string rows = Path.Combine(folder, $"shard{i}.csv");
            Ok(CliHarness.Run(Mc(paths, "--threads", i == 2 ? "2" : "1", "--shard", $"{i}/3", "--out", Path.Combine(folder, $"shard{i}.json"), "--paths-out", rows)));
            string[] part = File.ReadAllText(rows).Split("\r\n");
            Assert.Equal(whole[0], part[0]);
            joined.AddRange(part[1..^1]);
        }

        joined.Add("");
        Assert.Equal(whole, joined);

        // Every cell the Parquet file's: int32 and a count as the number, a flag 1 or 0, a double to the bit, null empty.
        Dictionary<string, Array> columns = PathsParquetFile.Read(parquet, out string[] names);
        Assert.Equal(names, whole[0].Split(','));
        Assert.Equal(paths + 2, whole.Length);
        int compared = 0;
        for (int p = 0; p < paths; p++)
        {
            string[] cells = whole[p + 1].Split(',');
            Assert.Equal(names.Length, cells.Length);
            for (int c = 0; c < names.Length; c++)
            {
                string expected = columns[names[c]].GetValue(p) switch
                {
                    null => "",
                    int n => n.ToString(CultureInfo.InvariantCulture),
                    bool b => b ? "1" : "0",
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double x when double.IsNaN(x) => "",
                    double x => x.ToString("R", CultureInfo.InvariantCulture),
                    var other => throw new InvalidOperationException($"a {other.GetType()} cell"),
                };
                Assert.True(expected == cells[c], $"path {p}, {names[c]}: CSV '{cells[c]}', Parquet '{expected}'");
                if (cells[c].Length > 0 && columns[names[c]] is double[] or double?[])
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Convert.ToDouble(columns[names[c]].GetValue(p), CultureInfo.InvariantCulture)),
                        BitConverter.DoubleToInt64Bits(double.Parse(cells[c], CultureInfo.InvariantCulture))); // the text reads back as the bits
                }

                compared++;
            }
        }

        Assert.Equal(paths * 19, compared);
    }

    // Refused before any work (Execute checks it once the deal is read, before it is built and run), exit 2, one
    // line naming both extensions, nothing written; a file named .csv.gz is not CSV either, and paths.csv is suggested.
    [Theory]
    [InlineData("paths.txt", "'.txt' is neither: name it {0}.parquet or {0}.csv")]
    [InlineData("paths", "it has no extension: name it {0}.parquet or {0}.csv")]
    [InlineData("paths.csv.gz", "'.gz' is neither: name it {0}.parquet or {0}.csv")]
    public void Any_other_extension_is_a_usage_error_before_any_work(string name, string why)
    {
        string output = Path.Combine(folder, name);
        CliOutcome outcome = CliHarness.Run(Mc(5, "--paths-out", output));

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        string stem = Path.Combine(folder, "paths");
        Assert.Equal(
            $"deallang: error: cannot write {output}: --paths-out writes Parquet or CSV, chosen by the file's extension (.parquet or .csv), and "
            + string.Format(CultureInfo.InvariantCulture, why, stem) + "; nothing was written",
            outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
        UsageErrorTests.AssertNoStackTrace(outcome);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
