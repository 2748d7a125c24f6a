using System.Globalization;
using System.Text.Json;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// What a path's factors drew, in its <c>--paths-out</c> row and its replay's summary (docs/language.md §10, "What a
/// path's row shows of its factors"; docs/cli.md, <c>mc</c>): each factor's shock Z, each drawn rate, each index's jumps
/// and the stressed share, rebuilt here by hand from the documented generator on two example scenarios (Hyperion's
/// drawn rates, CoreWeave's index processes with jumps and regimes), the replayed summary's <c>drawn</c> rows the row's
/// to the bit in CSV and JSON, and the columns the same on one or two threads and in three shards.
/// </summary>
public sealed class FactorDrawsColumnsTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");
    private static readonly string HyperionMc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");
    private static readonly string CoreWeave = Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal");

    private static readonly string[] CoreWeaveColumns = ["H100Rent shock", "SOFR shock", "H100Rent jumps", "stressed share"];

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-factordraws-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Drawn_rates_are_their_means_plus_volatility_times_the_cholesky_shocks_of_the_paths_normals()
    {
        // examples/hyperion-mc.scenarios' StochasticRent at seed 42: every factor a drawn rate, one regime, so path 0
        // draws its path shocks directly from the stream's first two normals ξ (docs/language.md §10, "Factors"):
        // Z = L ξ, L the Cholesky factor of [[1, 0.8], [0.8, 1]], Z₁ = ξ₁ and Z₂ = 0.8 ξ₁ + 0.6 ξ₂ (√(1 − 0.8²) = 0.6);
        // Campus.value deflates at 4% + 4% Z₁, market_rent at 3% + 5% Z₂. Antithetic: path 1 mirrors stream 0, −ξ.
        // ξ = (0.28704, −1.45214): Z = (0.28704, −0.64165), the campus 5.148% a year and the market rent −0.208% (a rise).
        var rng = new PathStream(42, 0, mirrored: false);
        double xi1 = rng.Normal(), xi2 = rng.Normal();
        Assert.Equal(0.28704, xi1, 5);
        Assert.Equal(-1.45214, xi2, 5);

        string parquet = Path.Combine(folder, "hyperion.parquet");
        Ok(CliHarness.Run("mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "4", "--paths-out", parquet));
        Dictionary<string, Array> rows = PathsParquetFile.Read(parquet, out string[] names);

        // After every draw column before them (MetaLease's renewals): the shocks in factor order, then the rates, then the
        // drawn default's date (DefaultDateColumnsTests).
        Assert.Equal(["MetaLease renewals taken", "Campus.value shock", "market_rent shock", "Campus.value deflation", "market_rent deflation", "Meta default date"], names[^6..]);
        for (int path = 0; path < 2; path++)
        {
            double sign = path == 0 ? 1 : -1;
            double z1 = sign * xi1, z2 = (0.8 * z1) + (0.6 * sign * xi2);

            // Z₁ is ξ₁ itself (L₁₁ = 1), bit for bit; Z₂'s second weight is the Cholesky's √(1 − 0.64), which may be
            // 0.6's neighbour: within 1e-15.
            Assert.Equal(z1, ((double[])rows["Campus.value shock"])[path]);
            Assert.Equal(z2, ((double[])rows["market_rent shock"])[path], 1e-15);
            Assert.Equal(0.04 + (0.04 * z1), ((double?[])rows["Campus.value deflation"])[path]);
            Assert.Equal(0.03 + (0.05 * z2), ((double?[])rows["market_rent deflation"])[path]!.Value, 1e-16);
        }

        Assert.Equal(0.05148, ((double?[])rows["Campus.value deflation"])[0]!.Value, 5);
        Assert.Equal(-0.00208, ((double?[])rows["market_rent deflation"])[0]!.Value, 5);
    }

    [Fact]
    public void An_index_process_with_jumps_and_regimes_shows_its_shocks_jumps_and_stressed_share()
    {
        // examples/coreweave-ddtl2.deal's Stochastic at seed 42 (antithetic): H100Rent log-OU with jumps 40% a year, SOFR
        // OU, correlated 20% (stress 60%), regimes stress 20% a year normal 100% a year. Per period t of the deal's
        // calendar (Δ_t its years, T their sum; the workout periods after the 2029-05-31 maturity included, whether or not
        // a path's run reaches them) a path draws: the regime's uniform (switch when below 1 − e^{−λΔ_t}), H100Rent's normal, SOFR's,
        // H100Rent's jump uniform (docs/language.md §10, "The generator"). ε = L ξ with the regime's Cholesky factor
        // (L₂₁ = ρ, L₂₂ = √(1 − ρ²)); Z_k = Σ_t √(Δ_t / T) ε_{k,t}; the stressed share Σ Δ_t / T over the stressed
        // periods; the jumps Σ N_t over the periods the path's run read but its last (t = 0 … run − 2, run its replay's
        // periodsRun), N_t the Poisson(0.4 Δ_t) inversion of its uniform.
        using DealHost host = Compiled(CoreWeave, null);
        DealDescription deal = host.Program.Description;

        string parquet = Path.Combine(folder, "coreweave.parquet");
        Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--paths", "4", "--paths-out", parquet));
        Dictionary<string, Array> rows = PathsParquetFile.Read(parquet, out string[] names);
        // The factors' columns, then the drawn defaults' dates, last (DefaultDateColumnsTests).
        Assert.Equal([.. CoreWeaveColumns, "Microsoft default date", "AiLab default date"], names[^6..]);
        for (int path = 0; path < 4; path++)
        {
            (double z1, double z2, int jumps, double stressed) = CoreWeaveByHand(deal, path, PeriodsRun(path));
            Assert.Equal(z1, ((double[])rows["H100Rent shock"])[path], 1e-12);
            Assert.Equal(z2, ((double[])rows["SOFR shock"])[path], 1e-12);
            Assert.Equal(jumps, ((int[])rows["H100Rent jumps"])[path]);
            Assert.Equal(stressed, ((double?[])rows["stressed share"])[path]!.Value, 1e-15);
        }
    }

    [Fact]
    public void A_replayed_paths_drawn_rows_are_its_parquet_rows_to_the_bit()
    {
        // CSV and JSON print the summary's numbers at full precision (round-trip), so each drawn value reads back as the
        // row's double; the table shows them to two decimals, a rate as a percentage.
        string parquet = Path.Combine(folder, "replay.parquet");
        Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--paths", "8", "--paths-out", parquet));
        Dictionary<string, Array> rows = PathsParquetFile.Read(parquet, out _);
        foreach (int path in new[] { 0, 5 })
        {
            string p = path.ToString(CultureInfo.InvariantCulture);
            string csv = Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--paths", "8", "--replay-path", p, "--format", "csv"));
            // The factors' rows, then the drawn defaults' dates (DefaultDateColumnsTests checks those).
            Dictionary<string, double> drawn = csv.ReplaceLineEndings("\n").Split('\n')
                .Where(l => l.StartsWith("drawn,", StringComparison.Ordinal) && !l.Contains(" default date,", StringComparison.Ordinal))
                .ToDictionary(l => l.Split(',')[1], l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture));
            Assert.Equal(CoreWeaveColumns, drawn.Keys);

            string json = Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--paths", "8", "--replay-path", p, "--format", "json"));
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement draws = document.RootElement.EnumerateObject().Single(o => o.Name.EndsWith(".summary", StringComparison.Ordinal))
                .Value.GetProperty("scenarios")[0].GetProperty("draws");
            Assert.Equal([.. CoreWeaveColumns, "Microsoft default date", "AiLab default date"], draws.EnumerateObject().Select(o => o.Name));

            double[] expected =
            [
                ((double[])rows["H100Rent shock"])[path], ((double[])rows["SOFR shock"])[path],
                ((int[])rows["H100Rent jumps"])[path], ((double?[])rows["stressed share"])[path]!.Value,
            ];
            for (int c = 0; c < CoreWeaveColumns.Length; c++)
            {
                Assert.Equal(expected[c], drawn[CoreWeaveColumns[c]]);
                Assert.Equal(expected[c], draws.GetProperty(CoreWeaveColumns[c]).GetDouble());
            }

            // The table: item 'drawn', the column's name as the metric.
            string table = Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--paths", "8", "--replay-path", p));
            string shock = expected[0].ToString("F2", CultureInfo.InvariantCulture);
            Assert.Contains(table.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("drawn", StringComparison.Ordinal)
                && l.Contains("H100Rent shock", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + shock, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_factor_columns_are_the_same_on_one_or_two_threads_and_in_shards()
    {
        // 9,000 paths: two blocks of 4,096 and a part, so two threads really share the work; three shards' files, read
        // in shard order, are the one run's rows.
        string[] Mc(params string[] more) => ["mc", CoreWeave, "--scenario", "Stochastic", "--paths", "9000", .. more];
        string one = Path.Combine(folder, "one.parquet"), two = Path.Combine(folder, "two.parquet");
        Ok(CliHarness.Run(Mc("--threads", "1", "--paths-out", one)));
        Ok(CliHarness.Run(Mc("--threads", "2", "--paths-out", two)));
        var shards = new Dictionary<string, Array>[3];
        for (int i = 1; i <= 3; i++)
        {
            string rows = Path.Combine(folder, $"shard{i}.parquet");
            Ok(CliHarness.Run(Mc("--threads", i == 2 ? "2" : "1", "--shard", $"{i}/3", "--out", Path.Combine(folder, $"shard{i}.json"), "--paths-out", rows)));
            shards[i - 1] = PathsParquetFile.Read(rows, out _);
        }

        Dictionary<string, Array> single = PathsParquetFile.Read(one, out _), threaded = PathsParquetFile.Read(two, out _);
        foreach (string column in CoreWeaveColumns.Prepend("path"))
        {
            object[] expected = [.. single[column].Cast<object>()];
            Assert.Equal(9000, expected.Length);
            Assert.Equal(expected, threaded[column].Cast<object>());
            Assert.Equal(expected, shards.SelectMany(s => s[column].Cast<object>()));
        }

        // The columns tell the paths apart: shocks all different, jumps and the stressed share taking many values.
        Assert.Equal(9000, ((double[])single["H100Rent shock"]).Distinct().Count());
        Assert.True(((int[])single["H100Rent jumps"]).Distinct().Count() >= 4);
        Assert.Contains(0.0, ((double?[])single["stressed share"]).Select(s => s!.Value));
    }

    [Fact]
    public void A_path_whose_run_ends_early_counts_only_the_jumps_of_the_periods_it_ran()
    {
        // CoreWeave's path 0 runs 34 of the calendar's periods (its collateral sold before the workout's end): its row's
        // jumps are N_0 + … + N_32, those that moved a level the run read (5), not the whole calendar's N_0 + … + N_{P−2}
        // (13), which count launches in workout periods the path never reached (docs/language.md §10).
        using DealHost host = Compiled(CoreWeave, null);
        DealDescription deal = host.Program.Description;
        int run = PeriodsRun(0);
        Assert.Equal(34, run);
        Assert.True(run < deal.Periods);
        string csv = Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--replay-path", "0", "--format", "csv"));
        string row = csv.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("drawn,H100Rent jumps,", StringComparison.Ordinal));
        Assert.Equal("drawn,H100Rent jumps,5", row);
        Assert.Equal(5, CoreWeaveByHand(deal, 0, run).Jumps);
        Assert.Equal(13, CoreWeaveByHand(deal, 0, deal.Periods).Jumps);

        // 'run' of the scenario is its path 0, and says the same.
        string ran = Ok(CliHarness.Run("run", CoreWeave, "--scenario", "Stochastic", "--format", "csv"));
        Assert.Contains("drawn,H100Rent jumps,5", ran.ReplaceLineEndings("\n").Split('\n'));
    }

    /// <summary>The periods CoreWeave's Stochastic path <paramref name="path"/> ran (its replay's JSON <c>periodsRun</c>).</summary>
    private static int PeriodsRun(int path)
    {
        string json = Ok(CliHarness.Run("mc", CoreWeave, "--scenario", "Stochastic", "--replay-path", path.ToString(CultureInfo.InvariantCulture), "--format", "json"));
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Single(o => o.Name.EndsWith(".summary", StringComparison.Ordinal))
            .Value.GetProperty("scenarios")[0].GetProperty("periodsRun").GetInt32();
    }

    /// <summary>CoreWeave's Stochastic path <paramref name="path"/> at seed 42 by hand (the test above says how), its
    /// jumps over the first <paramref name="run"/> periods.</summary>
    private static (double Rent, double Sofr, int Jumps, double Stressed) CoreWeaveByHand(DealDescription deal, int path, int run)
    {
        var rng = new PathStream(42, (uint)(path >> 1), mirrored: (path & 1) == 1); // antithetic: path 2k+1 mirrors stream k
        Date[] b = deal.Boundaries;
        int periods = b.Length - 1;
        double horizon = Date.DaysBetween(b[0], b[^1]) / 365.0;
        bool stressed = false;
        double rent = 0, sofr = 0, share = 0;
        int jumps = 0;
        for (int t = 0; t < periods; t++)
        {
            double dt = Date.DaysBetween(b[t], b[t + 1]) / 365.0, weight = Math.Sqrt(dt / horizon);
            if (rng.Uniform() < -double.ExpM1(-(stressed ? 1.0 : 0.2) * dt))
            {
                stressed = !stressed;
            }

            double xi1 = rng.Normal(), xi2 = rng.Normal(), rho = stressed ? 0.6 : 0.2;
            rent += weight * xi1;
            sofr += weight * ((rho * xi1) + (Math.Sqrt(1 - (rho * rho)) * xi2));
            share += stressed ? weight * weight : 0;
            double u = rng.Uniform();
            if (t < run - 1)
            {
                // Poisson(λΔ) by inversion: the smallest n whose distribution function reaches u.
                double lambda = 0.4 * dt, p = Math.Exp(-lambda), cdf = p;
                int n = 0;
                while (u > cdf)
                {
                    n++;
                    p *= lambda / n;
                    cdf += p;
                }

                jumps += n;
            }
        }

        return (rent, sofr, jumps, share);
    }

    private static DealHost Compiled(string deal, string? scenarios)
    {
        var compiled = DealCompiler.Compile(DealFile.Compile(deal, scenarios is null ? null : [scenarios]));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        return DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
    }

    private static string Ok(CliOutcome outcome)
    {
        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        return outcome.Out;
    }
}
