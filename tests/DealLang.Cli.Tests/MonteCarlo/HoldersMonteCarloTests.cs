using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A guaranteed tranche's holders' figures in the Monte Carlo report beside the issuer's (docs/language.md §12, "Monte
/// Carlo results"): what neither the issuer nor the guarantor paid the holders, path by path as the summary's `holders'
/// loss with guarantee` and `holders' IRR with guarantee` read them, on a tiny deal whose guarantor's cap runs out on
/// the paths where both loans default. Threads, shards and their merge give the same report byte for byte.
/// </summary>
public sealed class HoldersMonteCarloTests
{
    // Two 50m bullet loans with independent obligors (3% a year, 40% recovery), funding a 100m zero-coupon note a state
    // guarantees for principal up to 40m.
    internal const string Held = """
        deal Held {
          title    "Two bullet loans funding one note a state guarantees up to 40m"
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      quarterly
          daycount ACT/365F

          party A       { pd 3%  recovery 40% }
          party B       { pd 3%  recovery 40% }
          party State   { }
          party Sponsor { }

          loan LoanA { obligor A  balance 50m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          loan LoanB { obligor B  balance 50m  coupon 0%  amortize bullet  maturity 2031-01-01 }
          tranche Note {
            balance 100m  coupon 0%  amortize bullet  seniority 1
            guarantor State cap 40m covers principal
          }
          equity Residual { contributed 0  holders Sponsor 100% }

          waterfall {
            pay Note.interest
            pay Note.balance
            distribute rest to Residual
          }
        }

        scenario Mc for Held {
          paths 4000
          seed  5
          A defaults drawn
          B defaults drawn
        }

        """;

    static (CreditMetrics Metrics, SimulationEngine Engine, IDealProgram Program, StochasticPaths Source) Run(int threads, int? paths = null)
    {
        var compiled = DealCompiler.Compile("held.deal", Held);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single();
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), paths ?? StochasticPaths.DefaultPaths(scenario));
        // checkCash: every path's cash is checked conserved in every period (a path that is not throws)
        var engine = new SimulationEngine(host.Program, source, checkCash: true);
        SimulationTotals totals = engine.Run(0, source.Count, threads);
        var frame = SimulationFrame.Of(host.Program.Description, "held", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        return (CreditMetrics.Compute(frame, totals), engine, host.Program, source);
    }

    [Fact]
    public void The_holders_lose_only_what_the_capped_guarantor_leaves_unpaid()
    {
        var (metrics, engine, _, _) = Run(threads: 2);
        var sink = new PathRows();
        engine.Run(0, metrics.Frame.Paths, threads: 2, sink);
        double[] issuer = sink.Column("Note loss");
        double[] holders = sink.Column("Note holders' loss");
        double[] paid = sink.Column("State for Note paid");

        // By hand: a defaulted loan recovers 40% of 50m, so the issuer is short 30m at the maturity when one loan
        // defaults and 60m when both do. The state pays the holders that shortfall within its 40m cap: 30m (they lose
        // nothing), or 40m of the 60m (its cap runs out: they lose 20m, 20% of the principal). Nothing comes back
        // after the maturity, so its subrogated principal S is what it paid, and the holders' loss max(0, loss − S)
        // is 0 or 20m. With k1 paths of one default and k2 of both among n = 4,000:
        //   holders' P(principal loss) = k2 / n, holders' expected loss = 20m × k2 / n (0.2 × k2 / n of principal),
        //   loss given a loss 20m on every such path, and since k2 / n is between 1% and 5% (88 paths here),
        //   VaR 95% = 0 (rank 3,800 lies among the zeros), VaR 99% = ES 99% = 20m (the 40 largest are all 20m);
        //   and the issuer's expected loss is the state's expected amount paid plus the holders' (no interest is due).
        int n = issuer.Length;
        int k1 = issuer.Count(x => Math.Abs(x - 30e6) < 1e-3);
        int k2 = issuer.Count(x => Math.Abs(x - 60e6) < 1e-3);
        Assert.Equal(n, k1 + k2 + issuer.Count(x => Math.Abs(x) < 1e-3));
        for (int p = 0; p < n; p++)
        {
            double expected = Math.Abs(issuer[p] - 60e6) < 1e-3 ? 20e6 : 0;
            Assert.True(Math.Abs(holders[p] - expected) < 1e-3, $"path {p}: the holders lost {holders[p]:F2}, not {expected:F2}");
            Assert.True(Math.Abs(paid[p] - Math.Min(issuer[p], 40e6)) < 1e-3, $"path {p}: the state paid {paid[p]:F2}");
        }

        Assert.Equal(88, k2);
        TrancheRisk note = metrics.Holders.Single();
        Assert.Equal("Note", note.Name);
        Assert.Equal(k2, note.PathsWithLoss);
        Assert.Equal(k2 / (double)n, note.LossProbability.Value, 12);
        Assert.Equal(20e6 * k2 / n, note.ExpectedLoss.Value, 1e-2); // the sums count in 1/1024 of a dollar
        Assert.Equal(0.2 * k2 / n, note.ExpectedLossShare.Value, 9);
        Assert.Equal(20e6, note.LossGivenLoss.Value, 1e-3);
        Assert.Equal(0.0, note.Tails[0].ValueAtRisk.Value, 1e-3);
        Assert.Equal(20e6, note.Tails[1].ValueAtRisk.Value, 1e-3);
        Assert.Equal(20e6, note.Tails[1].ExpectedShortfall.Value, 1e-3);
        Assert.Equal(20e6, note.MaxLoss, 1e-3);
        Assert.Equal(0.0, note.ExpectedUnpaidInterest.Value);
        Assert.True(note.Wal.Mean.Value is double.NaN && note.Wal.Undefined == n); // the holders have no WAL of their own

        // The issuer's rows are as without the holders' (loss on k1 + k2 paths), and the identity holds in expectation.
        TrancheRisk issuerRisk = metrics.Tranches.Single();
        Assert.Equal(k1 + k2, issuerRisk.PathsWithLoss);
        Assert.Equal(issuerRisk.ExpectedLoss.Value, metrics.Guarantees.Single().ExpectedCost.Value + note.ExpectedLoss.Value, 1e-2);

        // A path's holders' IRR: 0 where they got their 100m back (the flows sum to 0), below it where they lost 20m.
        double[] irr = sink.Column("Note holders' irr");
        Assert.All(irr.Where((_, p) => holders[p] == 0), r => Assert.Equal(0.0, r, 9));
        Assert.All(irr.Where((_, p) => holders[p] > 0), r => Assert.True(r < -0.04, $"{r}"));
        Assert.Equal(irr.Average(), note.Irr.Mean.Value, 8);
    }

    [Fact]
    public void A_replayed_paths_summary_has_the_holders_figures_the_run_counted()
    {
        var (_, engine, program, source) = Run(threads: 1, paths: 200);
        var sink = new PathRows();
        engine.Run(0, 200, threads: 1, sink);
        double[] holders = sink.Column("Note holders' loss");
        double[] irr = sink.Column("Note holders' irr");
        int lost = Array.FindIndex(holders, x => x > 0);
        foreach (int path in new[] { 0, 1, lost }.Where(p => p >= 0))
        {
            var (outcome, figures) = PathReplay.Run(program, source, path, "Mc");
            Runner.Running.TrancheSummary note = outcome.Tranches.Single();
            // the summary's holders' loss is their principal loss plus their unpaid interest (none here)
            Assert.Equal(note.HoldersLoss, figures.HoldersLoss[0] + figures.HoldersUnpaidInterest[0], 6);
            Assert.Equal(note.HoldersLoss, holders[path], 6);
            Assert.Equal(note.HoldersIrr, irr[path]); // the same flows in the same order: to the bit
        }
    }

    [Theory]
    [InlineData("table", "holders' P(principal loss)")]
    [InlineData("csv", "Note,holders' VaR 99%,")]
    [InlineData("md", "| holders' expected loss |")]
    [InlineData("json", "\"holders\": {")]
    public void The_holders_rows_are_alike_on_one_and_two_threads_and_merged(string format, string expected)
    {
        string folder = Directory.CreateTempSubdirectory("deallang-holders-mc-").FullName;
        try
        {
            string deal = Path.Combine(folder, "held.deal");
            foreach (string sampling in new[] { "independent", "antithetic" })
            {
                // under antithetic the ± come from the mirrored pairs' sums, the holders' slots among them
                File.WriteAllText(deal, sampling == "antithetic" ? Held.Replace("  seed  5", "  seed  5\n  antithetic", StringComparison.Ordinal) : Held);
                string[] Args(params string[] more) => ["mc", deal, "--scenario", "Mc", "--paths", "600", "--format", format, .. more];
                CliOutcome one = CliHarness.Run(Args("--threads", "1"));
                CliOutcome two = CliHarness.Run(Args("--threads", "2"));
                Assert.True(one.Exit == ExitCodes.Ok, one.ToString());
                Assert.Equal(one.Out, two.Out);
                Assert.Contains(expected, one.Out, StringComparison.Ordinal);

                var files = new List<string>();
                foreach (int i in new[] { 2, 1, 3 })
                {
                    string file = Path.Combine(folder, $"{sampling}{i}.json");
                    CliOutcome written = CliHarness.Run(["mc", deal, "--scenario", "Mc", "--paths", "600", "--shard", $"{i}/3", "--out", file]);
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
    public void A_shard_whose_holders_do_not_fit_its_frame_is_refused()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-holders-shard-").FullName;
        try
        {
            string deal = Path.Combine(folder, "held.deal");
            File.WriteAllText(deal, Held);
            string file = Path.Combine(folder, "s1.json");
            CliOutcome written = CliHarness.Run(["mc", deal, "--scenario", "Mc", "--paths", "100", "--shard", "1/1", "--out", file]);
            Assert.True(written.Exit == ExitCodes.Ok, written.ToString());
            string text = File.ReadAllText(file);
            Assert.Contains("\"heldTranches\":[\"Note\"]", text, StringComparison.Ordinal);

            // Sealed again (a checksum made for the edited bytes), so the merge reads on to what does not fit.
            void Refused(Func<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject> edit, string message)
            {
                var root = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
                string edited = Path.Combine(folder, "edited.json");
                File.WriteAllBytes(edited, Runner.Simulation.ShardFile.Seal(System.Text.Encoding.UTF8.GetBytes(edit(root).ToJsonString())));
                CliOutcome merged = CliHarness.Run(["merge", edited]);
                Assert.NotEqual(ExitCodes.Ok, merged.Exit);
                Assert.Contains(message, merged.Err, StringComparison.Ordinal);
            }

            Refused(r => { r["frame"]!["heldTranches"]![0] = "Nope"; return r; }, "its frame's guaranteed tranches are not among its tranches");
            Refused(r => { r["totals"]!.AsObject().Remove("holders"); return r; }, "its totals do not fit its frame");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The rows a run hands its sink, by column, in path order.
    private sealed class PathRows : IPathSink
    {
        private readonly Dictionary<string, List<double>> columns = [];

        public double[] Column(string name) => [.. columns[name]];

        public void Write(PathBlock block)
        {
            for (int c = 0; c < block.Columns.Count; c++)
            {
                if (!columns.TryGetValue(block.Columns[c].Name, out List<double>? values))
                {
                    columns[block.Columns[c].Name] = values = [];
                }

                values.AddRange(block.Values[c].AsSpan(0, block.Count).ToArray());
            }
        }
    }
}
