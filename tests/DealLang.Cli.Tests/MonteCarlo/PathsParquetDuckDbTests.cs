using System.Globalization;
using DealLang.Runner.MonteCarlo;
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
        Assert.Equal("INTEGER", types["MetaLease renewals taken"]); // StochasticRent draws MetaLease's renewals: what each path took

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

        // The losses sliced by the renewals MetaLease took, as an analyst would: every path in one of the groups of 0 to 4
        // renewals (its four options), several of them drawn (PathDrawsColumnsTests checks each row against its replay).
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT \"MetaLease renewals taken\" AS k, count(*), avg(\"Notes loss\") {from} GROUP BY k ORDER BY k";
            using var reader = command.ExecuteReader();
            var groups = new List<(int Taken, long Paths)>();
            while (reader.Read())
            {
                groups.Add((reader.GetInt32(0), reader.GetInt64(1)));
            }

            Assert.True(groups.Count >= 3, string.Join(", ", groups));
            Assert.All(groups, g => Assert.InRange(g.Taken, 0, 4));
            Assert.Equal((long)Paths, groups.Sum(g => g.Paths));
        }
    }

    [Fact]
    public void DuckDbReadsAChainsRowsWithEveryEntitysColumnsAndTheirReportsMeans()
    {
        // Valid 026: the SPV (entity 1) and its parent (entity 2) on the same drawn paths; each column is prefixed by its
        // entity, and each entity's column means are that entity's report figures (as for one deal, above).
        const int paths = 1500;
        string parquet = Path.Combine(folder, "chain.parquet");
        string deal = Path.Combine(RepoPaths.Tests, "corpus", "valid", "026-stochastic-chain-run-by-mc.deal");
        CliOutcome run = CliHarness.Run("mc", deal, "--scenario", "TenantRisk", "--paths", paths.ToString(CultureInfo.InvariantCulture), "--seed", "26",
            "--format", "csv", "--threads", "2", "--paths-out", parquet);
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
        Assert.Contains($"wrote {parquet}", run.Err, StringComparison.Ordinal);

        // The CSV holds the SPV's report, then the parent's, each after a "# title" line.
        string[] lines = run.Out.Split(["\r\n", "\n"], StringSplitOptions.None);
        int parentAt = Array.FindIndex(lines, l => l.StartsWith("# StochasticParent: entity 2 of 2", StringComparison.Ordinal));
        Assert.True(parentAt > 0, run.Out);
        double Figure(bool parent, string section, string metric) =>
            double.Parse((parent ? lines[parentAt..] : lines[..parentAt]).Single(l => l.StartsWith($"{section},{metric},", StringComparison.Ordinal)).Split(',')[2], CultureInfo.InvariantCulture);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string from = $"FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";
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
        Assert.Equal("DOUBLE", types["Spv.SpvNotes loss"]);
        Assert.Equal("DOUBLE", types["StochasticParent.ParentNotes loss"]);
        Assert.Equal("DOUBLE", types["StochasticParent.ParentEquity irr"]);
        Assert.Equal("BOOLEAN", types["Spv.Tenant defaulted"]);
        Assert.Equal("BOOLEAN", types["StochasticParent.Tenant defaulted"]);
        Assert.Equal("BOOLEAN", types["StochasticParent.event of default"]);
        Assert.DoesNotContain("SpvNotes loss", types.Keys);
        Assert.DoesNotContain(types.Keys, k => k.EndsWith(" renewals taken", StringComparison.Ordinal) || k.EndsWith(" delay months", StringComparison.Ordinal)); // TenantRisk draws neither

        // One row per path in order; one Tenant: defaulted in the SPV exactly when in the parent. Means against the
        // reports: expected losses within a cent (exact sums of 1/1,024ths), P(principal loss) and the default rate exactly.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT count(*), min(path), max(path), count(DISTINCT path), "
                + "count(*) FILTER (WHERE \"Spv.Tenant defaulted\" <> \"StochasticParent.Tenant defaulted\"), "
                + "avg(\"Spv.SpvNotes loss\"), avg(\"StochasticParent.ParentNotes loss\"), "
                + "avg(CASE WHEN \"StochasticParent.ParentNotes loss\" >= 0.005 THEN 1.0 ELSE 0.0 END), "
                + $"avg(CASE WHEN \"Spv.Tenant defaulted\" THEN 1.0 ELSE 0.0 END) {from}";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((long)paths, reader.GetInt64(0));
            Assert.Equal(0, reader.GetInt32(1));
            Assert.Equal(paths - 1, reader.GetInt32(2));
            Assert.Equal((long)paths, reader.GetInt64(3));
            Assert.Equal(0L, reader.GetInt64(4));
            Assert.Equal(Figure(false, "SpvNotes", "expected loss"), reader.GetDouble(5), 0.01);
            Assert.Equal(Figure(true, "ParentNotes", "expected loss"), reader.GetDouble(6), 0.01);
            Assert.Equal(Figure(true, "ParentNotes", "P(principal loss)"), reader.GetDouble(7), 1e-12);
            Assert.Equal(Figure(false, "Tenant", "simulated default rate"), reader.GetDouble(8), 1e-12);
        }
    }

    [Fact]
    public void DuckDbReadsAChainsDrawnDelayAsTheTopsColumnAndItTellsTheLosingPaths()
    {
        // TeraWulf's chain under a drawn delay of its Built index (DrawnDelayTests): Lake Mariner's notes lose on exactly
        // the paths that draw 12 months. The column is the top's, last, an int32.
        const int paths = 64;
        string scenarios = Path.Combine(folder, "delay.scenarios");
        File.WriteAllText(scenarios, "scenario Delay for TeraWulf {\n  seed 3\n  Built delayed drawn 0m with 50%, 12m with 50%\n}\n");
        string parquet = Path.Combine(folder, "delay.parquet");
        CliOutcome run = CliHarness.Run("mc", Path.Combine(RepoPaths.Examples, "terawulf.deal"), "--scenarios", scenarios, "--scenario", "Delay",
            "--paths", paths.ToString(CultureInfo.InvariantCulture), "--format", "csv", "--paths-out", parquet);
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string from = $"FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";
        var types = new List<(string Name, string Type)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * {from}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                types.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal(("TeraWulf.Built delay months", "INTEGER"), types[^1]);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FILTER (WHERE \"TeraWulf.Built delay months\" = 12), "
                + "count(*) FILTER (WHERE \"TeraWulf.Built delay months\" NOT IN (0, 12)), "
                + $"count(*) FILTER (WHERE (\"TeraWulf.Built delay months\" = 12) <> (\"LakeMariner.Notes loss\" > 0)) {from}";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            int late = Enumerable.Range(0, paths).Count(i => new PathStream(3, (uint)i, mirrored: false).Uniform() >= 0.5); // each path's delay uniform
            Assert.Equal((long)late, reader.GetInt64(0));
            Assert.Equal(0L, reader.GetInt64(1));
            Assert.Equal(0L, reader.GetInt64(2));
        }
    }

    [Fact]
    public void DuckDbReadsEachPathsDrawnRecoveriesAsShares()
    {
        // Valid 044's AnchorDefaultsRecoveryDrawn: Hyper's dated default with a beta(mean 45%, sd 20%) recovery, Cloud's
        // drawn default with a beta(mean 30%, sd 15%) one. The columns come last, in the deal's party order, as doubles.
        const int paths = 512;
        string parquet = Path.Combine(folder, "recovery.parquet");
        CliOutcome run = CliHarness.Run("mc", Path.Combine(RepoPaths.Tests, "corpus", "valid", "044-dated-default-with-a-drawn-recovery.deal"),
            "--scenario", "AnchorDefaultsRecoveryDrawn", "--paths", paths.ToString(CultureInfo.InvariantCulture), "--format", "csv", "--paths-out", parquet);
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string from = $"FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";
        var types = new List<(string Name, string Type)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * {from}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                types.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal([("Hyper recovery", "DOUBLE"), ("Cloud recovery", "DOUBLE"), ("Cloud default date", "DATE")], types[^3..]);

        // Every path's a share in (0, 1), none missing; the means those of the betas within 4 standard errors (the
        // draws' sd / √512: 20% / 22.6 = 0.88% for Hyper, 15% / 22.6 = 0.66% for Cloud).
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(\"Hyper recovery\"), count(\"Cloud recovery\"), "
                + "least(min(\"Hyper recovery\"), min(\"Cloud recovery\")), greatest(max(\"Hyper recovery\"), max(\"Cloud recovery\")), "
                + $"avg(\"Hyper recovery\"), avg(\"Cloud recovery\") {from}";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((long)paths, reader.GetInt64(0));
            Assert.Equal((long)paths, reader.GetInt64(1));
            Assert.True(reader.GetDouble(2) > 0);
            Assert.True(reader.GetDouble(3) < 1);
            Assert.Equal(0.45, reader.GetDouble(4), 4 * 0.2 / Math.Sqrt(paths));
            Assert.Equal(0.30, reader.GetDouble(5), 4 * 0.15 / Math.Sqrt(paths));
        }
    }

    [Fact]
    public void DuckDbReadsAChainsDrawnRecoveryAsTheTopsColumnEqualToEachPathsReplay()
    {
        // Valid 026's chain under a parent scenario drawing its (imported) Tenant's default with a drawn recovery: the
        // column is the top's, last, and on each path the recovery that path's `--replay-path` prints for Tenant in both
        // entities (the party summary's `recovery`, printed to round-trip).
        const int paths = 64;
        string deal = Path.Combine(RepoPaths.Tests, "corpus", "valid", "026-stochastic-chain-run-by-mc.deal");
        string scenarios = Path.Combine(folder, "recovered.scenarios");
        File.WriteAllText(scenarios, "scenario Recovered for StochasticParent {\n  seed 26\n  Tenant defaults drawn pd 8% per year recovery beta mean 40% sd 20%\n}\n");
        string parquet = Path.Combine(folder, "recovered.parquet");
        string[] common = ["mc", deal, "--scenarios", scenarios, "--scenario", "Recovered", "--paths", paths.ToString(CultureInfo.InvariantCulture), "--format", "csv"];
        CliOutcome run = CliHarness.Run([.. common, "--paths-out", parquet]);
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string from = $"FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";
        var types = new List<(string Name, string Type)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * {from}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                types.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal([("StochasticParent.Tenant recovery", "DOUBLE"), ("StochasticParent.Tenant default date", "DATE")], types[^2..]);
        var recovery = new double[paths];
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT path, \"StochasticParent.Tenant recovery\" {from} ORDER BY path";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                recovery[reader.GetInt32(0)] = reader.GetDouble(1);
            }
        }

        Assert.Equal(paths, recovery.Distinct().Count());
        foreach (int path in new[] { 0, 3, 41 })
        {
            CliOutcome replay = CliHarness.Run([.. common, "--replay-path", path.ToString(CultureInfo.InvariantCulture)]);
            Assert.True(replay.Exit == ExitCodes.Ok, replay.ToString());
            string[] printed = [.. replay.Out.Split(["\r\n", "\n"], StringSplitOptions.None).Where(l => l.StartsWith("Tenant (BB),recovery,", StringComparison.Ordinal))];
            Assert.Equal(2, printed.Length); // the SPV's summary, then the parent's
            Assert.All(printed, l => Assert.Equal(recovery[path], double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)));
        }
    }
}
