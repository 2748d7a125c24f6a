using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// What a Monte Carlo run's paths end owing (docs/language.md §12, "Unpaid at end" and "Monte Carlo results"): per fee,
/// fleet's opex, commitment fee and guarantee fee, the share of paths ending with some unpaid and the mean amount, each
/// path's figure the one its replayed summary prints, to the bit; threads, shards and their merge print the same report
/// byte for byte, under antithetic sampling too. The deal is UnpaidAtEndTests' with a rent that pays everything while
/// its tenant pays.
/// </summary>
public sealed class UnpaidAtEndMonteCarloTests
{
    // Annual, 30/360, four periods 2026..2029, no default rule (no enforcement). Cash: the rent, 10m a year, which pays
    // the Loan's interest (10m x 10% = 1m), the Trustee (1m), the opex (30m x 2% x days held / 365.25, about 0.6m) and
    // the commitment fee (10m undrawn x 1% = 0.1m in 2026 and 2027): a path on which the Tenant pays its rent owes
    // nothing at the end. Owner (the equity's holder, whose default changes no cash) is drawn so that 'Fixed' is a
    // stochastic scenario whose paths all have the same cash.
    internal const string Owing = """
        deal Owing {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Tenant { pd 20% }
          party Owner { pd 10% }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2026-01-01  term 4y }
          fleet Cluster {
            units 1000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            maintenance 2% per year
          }
          tranche Loan {
            commitment 20m  balance 10m
            available until 2028-01-01
            commitment_fee 1%
            coupon 10% fixed
          }
          equity Investors { contributed 90m  holders Owner 100% }

          fee Trustee { 1m per year }

          waterfall {
            pay Loan.interest
            pay Trustee
            pay Cluster.opex
            pay Loan.commitment_fee
            pay Loan.principal
            distribute rest to Investors
          }
        }

        scenario Risk for Owing {
          paths 400
          seed  5
          Tenant defaults drawn
        }

        scenario Fixed for Owing {
          paths 10
          seed  5
          Tenant defaults on 2026-01-01
          Owner defaults drawn
        }

        """;

    // The sums count in 1/1,024ths of a currency unit: a mean is within a thousandth of a unit of the exact one.
    private const double Tolerance = 1e-2;

    private static (CreditMetrics Metrics, SimulationEngine Engine, IDealProgram Program, StochasticPaths Source) Run(string name, int threads)
    {
        var compiled = DealCompiler.Compile("owing.deal", Owing);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == name);
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), StochasticPaths.DefaultPaths(scenario));
        // checkCash: every path's cash is checked conserved in every period (a path that is not throws)
        var engine = new SimulationEngine(host.Program, source, checkCash: true);
        SimulationTotals totals = engine.Run(0, source.Count, threads);
        var frame = SimulationFrame.Of(host.Program.Description, "owing", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        return (CreditMetrics.Compute(frame, totals), engine, host.Program, source);
    }

    [Fact]
    public void A_tenant_that_never_pays_leaves_every_path_owing_the_whole_of_each_item()
    {
        // 'Fixed': the Tenant defaults at the closing on every path, so no rent ever comes in and nothing is paid. By hand
        // (as UnpaidAtEndTests' 1.5m rent, with nothing at all to pay from): the Trustee owes 4 x 1m = 4m, the opex
        // 30m x 2% x (365 + 365 + 366 + 365) / 365.25 = 0.6m x 4 = 2.4m, the commitment fee 10m x 1% x 2 years = 0.2m.
        // So each item's P(unpaid at end) is 100% (10 of 10 paths) and its mean is that amount on every path.
        var (metrics, _, _, _) = Run("Fixed", threads: 1);
        Assert.Equal(["Loan commitment fee unpaid at end", "Trustee unpaid at end", "Cluster opex unpaid at end"],
            metrics.Unpaid.Select(u => u.Owner + " " + u.Row));
        double[] expected = [0.2e6, 4e6, 2.4e6];
        for (int u = 0; u < expected.Length; u++)
        {
            UnpaidRisk item = metrics.Unpaid[u];
            Assert.Equal(10, item.PathsUnpaid);
            Assert.Equal(1.0, item.Probability.Value);
            Assert.Equal(expected[u], item.Expected.Value, Tolerance);
            Assert.True(item.Expected.EveryPathSame); // the same on every path: no ±, the table says so
        }

        string table = MonteCarloReport.Render(metrics, ReportFormat.Table);
        Assert.Matches(@"\nTrustee\s+P\(unpaid at end\)\s+100\.000%", table);
        Assert.Matches(@"\n\s+expected unpaid at end\s+4\.000\s+every path 4\.000", table);
        Assert.Matches(@"\nCluster\s+P\(opex unpaid at end\)\s+100\.000%", table);
        Assert.Matches(@"\n\s+expected opex unpaid at end\s+2\.400\s", table);
        Assert.Matches(@"\n\s+P\(commitment fee unpaid at end\)\s+100\.000%", table); // in the Loan's section, after its own rows
        Assert.Matches(@"\n\s+expected commitment fee unpaid at end\s+0\.200\s", table);
        string json = MonteCarloReport.Render(metrics, ReportFormat.Json);
        Assert.Contains("\"unpaidAtEnd\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"item\": \"opex unpaid at end\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pathsUnpaid\": 10", json, StringComparison.Ordinal);
        string csv = MonteCarloReport.Render(metrics, ReportFormat.Csv);
        Assert.Contains("Trustee,expected unpaid at end,4000000.00", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_paths_figures_are_its_replayed_summarys_and_the_report_adds_them_up()
    {
        // 'Risk': the Tenant's default drawn at 20% a year. A path on which it has not defaulted by the maturity is paid
        // its rent throughout and owes nothing at the end (above); one on which it defaults stops the rent and ends owing
        // what accrued after. Each path's figure is what its replayed summary prints, to the bit; the report's
        // P(unpaid at end) is the share of paths owing half a cent or more, its expected amount their mean over all paths.
        var (metrics, engine, program, source) = Run("Risk", threads: 2);
        int n = source.Count;
        int tenant = Array.FindIndex(program.Description.Parties, p => p.Name == "Tenant");
        var owed = new double[3][];
        for (int u = 0; u < owed.Length; u++)
        {
            owed[u] = new double[n];
        }

        for (int path = 0; path < n; path++)
        {
            var (outcome, figures) = PathReplay.Run(program, source, path, "Risk");
            Assert.Equal(outcome.Tranches.Single().CommitmentFeeUnpaid, figures.Unpaid[0]);
            Assert.Equal(outcome.Fees.Single().Unpaid, figures.Unpaid[1]);
            Assert.Equal(outcome.Fleets.Single().OpexUnpaid, figures.Unpaid[2]);
            if (!figures.PartyDefaulted[tenant])
            {
                Assert.All(figures.Unpaid, x => Assert.Equal(0.0, x));
            }

            for (int u = 0; u < owed.Length; u++)
            {
                owed[u][path] = figures.Unpaid[u];
            }
        }

        for (int u = 0; u < owed.Length; u++)
        {
            UnpaidRisk item = metrics.Unpaid[u];
            int k = owed[u].Count(x => x >= 0.005);
            Assert.InRange(k, 1, n - 1); // some paths owe it at the end, some do not
            Assert.Equal(k, item.PathsUnpaid);
            Assert.Equal(k / (double)n, item.Probability.Value, 12);
            Assert.Equal(owed[u].Average(), item.Expected.Value, Tolerance);
        }

        // The engine's own path (RunOne) reads the same figures.
        PathFigures one = engine.RunOne(7, new PathInputs(program.Description), new RunResult(program.Description, program.Layout, fullLedger: false));
        Assert.Equal(owed[1][7], one.Unpaid[1]);
    }

    [Fact]
    public void Paths_out_has_each_paths_unpaid_at_end_per_item()
    {
        // --paths-out's last columns before the draws (docs/cli.md): per item the report can show, what the path ended
        // owing of it. 'Fixed' by hand (above): 0.2m of the commitment fee, 4m of the Trustee, 2.4m of opex on every path.
        var (_, engine, program, source) = Run("Fixed", threads: 1);
        var sink = new Columns();
        engine.Run(0, source.Count, threads: 1, sink);
        string[] names = ["Loan commitment fee unpaid at end", "Trustee unpaid at end", "Cluster opex unpaid at end"];
        Assert.Equal(names, PathColumns.For(program.Description).Select(c => c.Name).TakeLast(3));
        double[] expected = [0.2e6, 4e6, 2.4e6];
        for (int u = 0; u < names.Length; u++)
        {
            Assert.All(sink.Column(names[u]), x => Assert.Equal(expected[u], x, Tolerance));
            Assert.Equal(source.Count, sink.Column(names[u]).Length);
        }

        // 'Risk': each path's columns are its replayed summary's figures, to the bit (0 where the Tenant paid throughout).
        var (_, risky, riskProgram, riskSource) = Run("Risk", threads: 1);
        var rows = new Columns();
        risky.Run(0, 40, threads: 2, rows);
        for (int path = 0; path < 40; path++)
        {
            var (outcome, _) = PathReplay.Run(riskProgram, riskSource, path, "Risk");
            Assert.Equal(outcome.Tranches.Single().CommitmentFeeUnpaid, rows.Column(names[0])[path]);
            Assert.Equal(outcome.Fees.Single().Unpaid, rows.Column(names[1])[path]);
            Assert.Equal(outcome.Fleets.Single().OpexUnpaid, rows.Column(names[2])[path]);
        }

        Assert.Contains(rows.Column(names[1]), x => x > 0); // some of the 40 paths' tenants default
    }

    // A path sink keeping each column's values; blocks arrive in path order whatever the threads (IPathSink).
    private sealed class Columns : IPathSink
    {
        private readonly List<(string Name, double[] Values)[]> blocks = [];

        public double[] Column(string name) => [.. blocks.SelectMany(b => b.Single(c => c.Name == name).Values)];

        public void Write(PathBlock block) =>
            blocks.Add([.. block.Columns.Select((c, i) => (c.Name, block.Values[i].AsSpan(0, block.Count).ToArray()))]);
    }

    [Theory]
    [InlineData("table", "P(unpaid at end)")]
    [InlineData("csv", "Cluster,expected opex unpaid at end,")]
    [InlineData("json", "\"unpaidAtEnd\": [")]
    public void The_rows_are_alike_on_one_and_three_threads_and_merged(string format, string expected)
    {
        string folder = Directory.CreateTempSubdirectory("deallang-unpaid-mc-").FullName;
        try
        {
            string deal = Path.Combine(folder, "owing.deal");
            foreach (string sampling in new[] { "independent", "antithetic" })
            {
                // under antithetic the ± come from the mirrored pairs' sums, the unpaid items' slots among them
                File.WriteAllText(deal, sampling == "antithetic" ? Owing.Replace("  seed  5\n  Tenant", "  seed  5\n  antithetic\n  Tenant", StringComparison.Ordinal) : Owing);
                string[] Args(params string[] more) => ["mc", deal, "--scenario", "Risk", "--paths", "600", "--format", format, .. more];
                CliOutcome one = CliHarness.Run(Args("--threads", "1"));
                CliOutcome three = CliHarness.Run(Args("--threads", "3"));
                Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
                Assert.Equal(one.Out, three.Out);
                Assert.Contains(expected, one.Out, StringComparison.Ordinal);
                var files = new List<string>();
                foreach (int i in new[] { 2, 1, 3 })
                {
                    string file = Path.Combine(folder, $"{sampling}{i}.json");
                    CliOutcome written = CliHarness.Run(["mc", deal, "--scenario", "Risk", "--paths", "600", "--shard", $"{i}/3", "--out", file]);
                    Assert.True(written.Exit == ExitCodes.Ok, written.ToString());
                    files.Add(file);
                }

                CliOutcome merged = CliHarness.Run(["merge", .. files, "--format", format]);
                Assert.True(merged.Exit == ExitCodes.Ok, merged.ToString());
                Assert.Equal(one.Out, merged.Out);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Replicates_give_the_mean_of_their_runs_estimates()
    {
        // 'mc --replicates 3 --seed 5' is three runs at seeds 5, 6 and 7: each item's estimates are the means of the three
        // runs' (docs/cli.md, "mc --replicates"), here the Trustee's expected unpaid at end, within a cent of rounding
        // (the JSON gives money to the cent).
        string folder = Directory.CreateTempSubdirectory("deallang-unpaid-replicates-").FullName;
        try
        {
            string deal = Path.Combine(folder, "owing.deal");
            File.WriteAllText(deal, Owing);
            double Expected(params string[] more)
            {
                CliOutcome run = CliHarness.Run(["mc", deal, "--scenario", "Risk", "--paths", "200", "--format", "json", .. more]);
                Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
                using var json = System.Text.Json.JsonDocument.Parse(run.Out);
                System.Text.Json.JsonElement trustee = json.RootElement.GetProperty("unpaidAtEnd").EnumerateArray()
                    .Single(u => u.GetProperty("name").GetString() == "Trustee");
                return trustee.GetProperty("expectedUnpaid").GetProperty("value").GetDouble();
            }

            double mean = (Expected("--seed", "5") + Expected("--seed", "6") + Expected("--seed", "7")) / 3;
            Assert.Equal(mean, Expected("--seed", "5", "--replicates", "3"), 0.02);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

        [Fact]
    public void A_deal_whose_paths_pay_everything_has_no_rows()
    {
        // With the Tenant's PD at 0 no path defaults, so none owes anything: no 'unpaid at end' row, no JSON array.
        string safe = Owing.Replace("party Tenant { pd 20% }", "party Tenant { pd 0.0001% }", StringComparison.Ordinal);
        var compiled = DealCompiler.Compile("owing.deal", safe);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == "Risk");
        var source = new StochasticPaths(host.Program.Description, scenario, 5, 50);
        SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, 50, 1);
        var metrics = CreditMetrics.Compute(SimulationFrame.Of(host.Program.Description, "owing", "Risk", 5, 50), totals);
        Assert.All(metrics.Unpaid, u => Assert.Equal(0, u.PathsUnpaid));
        Assert.DoesNotContain("unpaid at end", MonteCarloReport.Render(metrics, ReportFormat.Table), StringComparison.Ordinal);
        Assert.DoesNotContain("unpaidAtEnd", MonteCarloReport.Render(metrics, ReportFormat.Json), StringComparison.Ordinal);
    }
}
