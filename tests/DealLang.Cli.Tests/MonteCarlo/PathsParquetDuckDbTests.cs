using System.Globalization;
using DealLang.TestSupport;
using DuckDB.NET.Data;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang mc --paths-out</c>'s Parquet file read back by DuckDB, as docs/cli.md tells a user to
/// (<c>SELECT … FROM 'paths.parquet'</c>): one row per path, the columns' SQL types, and a column's mean equal to the
/// report's figure. Hyperion's examples/hyperion-mc.scenarios on 2,000 paths.
/// </summary>
public sealed class PathsParquetDuckDbTests : IDisposable
{
    private const int Paths = 2000;

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-duckdb-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void DuckDbReadsEveryPathsRowWithItsTypesAndTheReportsMeans()
    {
        string parquet = Path.Combine(folder, "paths.parquet");
        CliOutcome run = CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, "hyperion.deal"), "--scenarios", Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios"),
            "--scenario", "StochasticRent", "--paths", Paths.ToString(CultureInfo.InvariantCulture), "--seed", "11", "--format", "csv", "--paths-out", parquet);
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
        string[] report = run.Out.Split("\r\n");
        double Figure(string section, string metric) =>
            double.Parse(report.Single(l => l.StartsWith($"{section},{metric},", StringComparison.Ordinal)).Split(',')[2], CultureInfo.InvariantCulture);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string from = $"FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";

        // One row per path, paths 0 … n − 1 in order.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT count(*), min(path), max(path), count(DISTINCT path) {from}";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((long)Paths, reader.GetInt64(0));
            Assert.Equal(0, reader.GetInt32(1));
            Assert.Equal(Paths - 1, reader.GetInt32(2));
            Assert.Equal((long)Paths, reader.GetInt64(3));
        }

        // The types docs/cli.md promises: path int32, money and rates double (rates nullable), flags boolean.
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * {from}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.Equal("INTEGER", types["path"]);
        Assert.Equal("DOUBLE", types["Notes loss"]);
        Assert.Equal("DOUBLE", types["Notes irr"]);
        Assert.Equal("DOUBLE", types["Notes wal"]);
        Assert.Equal("BOOLEAN", types["event of default"]);
        Assert.Equal("BOOLEAN", types["Meta defaulted"]);

        // Means against the report: the expected loss is printed to the cent from exact sums of whole 1/1,024ths, so
        // the double mean of the rows agrees within a cent; the IRR mean (exact sums of 2^-32s, printed at full
        // precision) within 1e-9; P(principal loss) is the share of rows with a loss of half a cent or more, exactly;
        // Meta's simulated default rate the share of rows where it defaulted.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT avg(\"Notes loss\"), avg(\"Notes irr\"), avg(CASE WHEN \"Notes loss\" >= 0.005 THEN 1.0 ELSE 0.0 END), "
                + $"avg(CASE WHEN \"Meta defaulted\" THEN 1.0 ELSE 0.0 END) {from}";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(Figure("Notes", "expected loss"), reader.GetDouble(0), 0.01);
            Assert.Equal(Figure("Notes", "IRR mean"), reader.GetDouble(1), 1e-9);
            Assert.Equal(Figure("Notes", "P(principal loss)"), reader.GetDouble(2), 1e-12);
            Assert.Equal(Figure("Meta", "simulated default rate"), reader.GetDouble(3), 1e-12);
        }
    }
}
