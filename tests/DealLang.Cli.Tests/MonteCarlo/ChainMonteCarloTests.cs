using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>deallang mc</c> on a chain (docs/language.md §12, "Monte Carlo runs of a chain"): valid 026, a parent holding
/// valid 021's SPV, whose stochastic scenario draws the SPV's tenant's default and the notes' price index. Every path
/// runs both entities on the same draws; the totals do not depend on threads or on how the paths are split; on every
/// path the parent receives exactly its share of what the SPV paid, and both see the tenant default on one date.
/// </summary>
public sealed class ChainMonteCarloTests : IDisposable
{
    private static readonly string Parent = Path.Combine(RepoPaths.Tests, "corpus", "valid", "026-stochastic-chain-run-by-mc.deal");

    private readonly List<DealHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    /// <summary>The chain's simulation of the top deal's scenario <paramref name="scenario"/> (every entity compiled and
    /// loaded, in run order).</summary>
    private ChainSimulation Simulation(Compilation compilation, string scenario, int paths, ulong seed)
    {
        var top = DealCompiler.Compile(compilation);
        Assert.True(top.Compiled is not null, string.Join('\n', top.Diagnostics));
        var programs = new List<(IDealProgram, IReadOnlyList<ScenarioSpec>)>();
        var entities = DealCompiler.CompileEntities(compilation);
        for (int e = 0; e < entities.Count; e++)
        {
            _hosts.Add(DealHost.Load(entities[e].Compiled!.Image, entities[e].Compiled!.TypeName));
            programs.Add((_hosts[^1].Program, [.. compilation.Entities[e].Scenarios]));
        }

        _hosts.Add(DealHost.Load(top.Compiled!.Image, top.Compiled.TypeName));
        programs.Add((_hosts[^1].Program, [.. top.Model!.Scenarios]));
        ScenarioSpec spec = top.Model.Scenarios.Single(s => s.Name == scenario);
        return new ChainSimulation(programs, new StochasticPaths(_hosts[^1].Program.Description, spec, seed, paths), spec, checkCash: true);
    }

    private ChainSimulation Valid026(int paths) =>
        Simulation(Compilation.Create(SourceDocument.FromText(Parent, File.ReadAllText(Parent)), new DiskSourceFiles()), "TenantRisk", paths, 26);

    private static string Render(ChainSimulation simulation, SimulationTotals[] totals, int paths) =>
        string.Concat(simulation.Deals.Select((deal, e) =>
        {
            var metrics = CreditMetrics.Compute(SimulationFrame.Of(deal, "hash", "TenantRisk", 26, paths), totals[e]);
            return MonteCarloReport.Render(metrics, ReportFormat.Json) + MonteCarloReport.Render(metrics, ReportFormat.Table);
        }));

    [Fact]
    public void One_thread_two_threads_and_four_ranges_merged_give_the_same_report_byte_for_byte()
    {
        // Three blocks of 4,096 paths, so two threads really share the work.
        const int paths = (2 * SimulationEngine.BlockSize) + 500;
        var simulation = Valid026(paths);

        string one = Render(simulation, simulation.Run(0, paths, threads: 1), paths);
        string two = Render(simulation, simulation.Run(0, paths, threads: 2), paths);
        int[] cuts = [0, 1000, 4096, 6000, paths];
        var merged = simulation.Deals.Select(SimulationTotals.For).ToArray();
        for (int s = 0; s < 4; s++)
        {
            var shard = simulation.Run(cuts[s], cuts[s + 1], threads: 1);
            for (int e = 0; e < merged.Length; e++)
            {
                merged[e].Merge(shard[e]);
            }
        }

        Assert.Equal(one, two);
        Assert.Equal(one, Render(simulation, merged, paths));
        Assert.Contains("ParentNotes", one, StringComparison.Ordinal);
        Assert.Contains("SpvNotes", one, StringComparison.Ordinal);
    }

    [Fact]
    public void On_every_path_the_parent_receives_its_share_of_what_the_spv_paid_and_both_see_the_tenant_default_on_one_date()
    {
        // The SPV pays quarterly, the parent semiannually, both from 2026-01-01: parent period t holds SPV quarters 2t
        // and 2t + 1. SpvStake holds 100% of the equity: receipts_t = D_2t + D_2t+1. SpvNoteStake holds 20m face of the
        // 100m notes, a share of 0.2: receipts_t = 0.2 x (I_2t + P_2t + I_2t+1 + P_2t+1).
        const int paths = 300;
        var (runner, filler) = Valid026(paths).NewPathRunner(fullLedger: true);
        int defaults = 0;
        for (int path = 0; path < paths; path++)
        {
            filler.Run(path);
            var (spv, spvInputs) = runner.Buffers(0);
            var (_, parentInputs) = runner.Buffers(1);
            var outcome = runner.OutcomeOf("p", filler.DrawnScenarios());
            var parent = outcome.Entities[1];
            int stake = Array.FindIndex(parent.Layout.Columns, c => c.Name == "receipts SpvStake");
            int notes = Array.FindIndex(parent.Layout.Columns, c => c.Name == "receipts SpvNoteStake");
            for (int t = 0; t < parent.Outcome.Ledger!.Periods; t++)
            {
                double equity = 0, debt = 0;
                for (int q = 2 * t; q <= (2 * t) + 1 && q < spv.PeriodsRun; q++)
                {
                    equity += spv.Distributions[0][q];
                    debt += spv.InterestPaid[0][q] + spv.PrincipalPaid[0][q];
                }

                Assert.Equal(equity, parent.Outcome.Ledger![t, stake], 0.01);
                Assert.Equal(0.2 * debt, parent.Outcome.Ledger![t, notes], 0.01);
            }

            // One Tenant: the SPV's first quarter in default ends in the parent's first half-year in default.
            var spvDeal = runner.DealOf(0);
            var parentDeal = runner.DealOf(1);
            int inSpv = Array.IndexOf(spvInputs.PartyDefaulted[Array.FindIndex(spvDeal.Parties, p => p.Name == "Tenant")], true);
            int inParent = Array.IndexOf(parentInputs.PartyDefaulted[Array.FindIndex(parentDeal.Parties, p => p.Name == "Tenant")], true);
            // A default after the parent's last period (the SPV's run goes on, into its workout horizon) is the SPV's
            // alone; within both runs it is one date.
            if (inParent < 0 && inSpv >= 0)
            {
                Assert.True(inSpv >= 2 * parentDeal.Periods, $"path {path}: the SPV defaults in its quarter {inSpv}, the parent never");
                continue;
            }

            Assert.Equal(inSpv < 0, inParent < 0);
            if (inSpv >= 0)
            {
                defaults++;
                Assert.Equal(inSpv / 2, inParent);
            }
        }

        // 8% a year over five years: about a third of the paths default (the property is tested on both kinds).
        Assert.InRange(defaults, 60, 150);
    }

    [Fact]
    public void A_default_drawn_after_the_tops_horizon_falls_in_an_entity_that_runs_longer()
    {
        // The SPV runs four years (to 2030-01-01), the parent two (to 2028-01-01). The tenant's time is drawn once, on
        // the parent's path: a date up to 2028-01-01 is both entities'; one in 2028-2029 is the SPV's alone (the
        // parent's run is over); one after 2030-01-01 is neither's. At 20% a year, P(τ ≤ 2 years) = 1 − 0.8² = 36% and
        // P(τ ≤ 4 years) = 1 − 0.8^(1461/365) = 59.1%: over 1,000 paths the SPV defaults on about 591 (± 3 × 15.5),
        // not on the parent's 360 alone (before the fix, a default after the top's horizon was dropped everywhere).
        string spv = Corrections.ChainTests.Spv(maturity: "2030-01-01").Replace("term 2y", "term 4y", StringComparison.Ordinal);
        string parent = Corrections.ChainTests.Parent + """

            scenario Tenant for Parent {
              paths 1000
              Tenant defaults drawn pd 20% per year
            }
            """;
        var files = new InMemorySourceFiles();
        files.Add("spv.deal", spv);
        var (runner, filler) = Simulation(Compilation.Create(SourceDocument.FromText("top.deal", parent), files), "Tenant", 1000, 3).NewPathRunner(fullLedger: false);
        int tenantInSpv = Array.FindIndex(runner.DealOf(0).Parties, p => p.Name == "Tenant");
        int tenantInTop = Array.FindIndex(runner.Top.Parties, p => p.Name == "Tenant");
        int both = 0, spvAlone = 0;
        for (int path = 0; path < 1000; path++)
        {
            filler.Run(path);
            ScenarioSpec[] drawn = filler.DrawnScenarios();
            Date? inSpv = drawn[0].PartyDefaults[tenantInSpv], inTop = drawn[1].PartyDefaults[tenantInTop];
            if (inTop is { } top)
            {
                Assert.Equal(top, inSpv);
                both++;
            }
            else if (inSpv is { } date)
            {
                Assert.True(date > new Date(2028, 1, 1) && date <= new Date(2030, 1, 1), $"path {path}: {date}");
                Assert.Contains(true, runner.Buffers(0).Inputs.PartyDefaulted[tenantInSpv]);
                spvAlone++;
            }
        }

        Assert.InRange(both, 360 - 46, 360 + 46);          // 3 × √(1,000 × 0.36 × 0.64) = 45.5
        Assert.InRange(both + spvAlone, 591 - 47, 591 + 47); // 3 × √(1,000 × 0.591 × 0.409) = 46.6
    }

    [Fact]
    public void An_entity_of_other_periods_reads_a_drawn_index_at_the_level_in_force_at_its_period_starts_and_the_drawn_recovery()
    {
        // The SPV pays quarterly and declares Sofr; the parent pays annually and draws Sofr by a process. The SPV's
        // quarter q starts inside the parent's year q / 4, whose drawn level it reads.
        string spv = Corrections.ChainTests.Spv().Replace("pay semiannual", "pay quarterly", StringComparison.Ordinal)
            .Replace("party Sponsor { }", "party Sponsor { }\n  index Sofr { level 4% }", StringComparison.Ordinal);
        string parent = Corrections.ChainTests.Parent + """

            scenario Rates for Parent {
              paths 50
              Sofr reverts to 4% speed 20% per year volatility 2% per year
              Tenant defaults drawn pd 10% per year loading Sofr 30% recovery beta mean 40% sd 10%
            }
            """;
        var files = new InMemorySourceFiles();
        files.Add("spv.deal", spv);
        var (runner, filler) = Simulation(Compilation.Create(SourceDocument.FromText("top.deal", parent), files), "Rates", 50, 7).NewPathRunner(fullLedger: false);
        for (int path = 0; path < 50; path++)
        {
            filler.Run(path);
            double[] spvRow = runner.Buffers(0).Inputs.IndexLevel[0];
            double[] topRow = runner.Buffers(1).Inputs.IndexLevel[Array.FindIndex(runner.Top.Indices, x => x.Name == "Sofr")];
            Assert.Equal(8, spvRow.Length);
            Assert.NotEqual(topRow[0], topRow[1]); // drawn, not the declared 4% row
            for (int q = 0; q < spvRow.Length; q++)
            {
                Assert.Equal(topRow[q / 4], spvRow[q]);
            }

            // The drawn recovery is the tenant's in both entities (it varies path by path: not the declared 40%).
            double spvRecovery = runner.Buffers(0).Inputs.PartyRecovery[Array.FindIndex(runner.DealOf(0).Parties, p => p.Name == "Tenant")];
            double topRecovery = runner.Buffers(1).Inputs.PartyRecovery[Array.FindIndex(runner.Top.Parties, p => p.Name == "Tenant")];
            Assert.Equal(topRecovery, spvRecovery);
            Assert.NotEqual(0.4, spvRecovery);
        }

        // Before the top's closing: its first period; on or after its last boundary: its last period.
        int[] map = ChainPaths.TopPeriods(
            [new Date(2026, 1, 1), new Date(2026, 7, 1), new Date(2027, 1, 1)],
            [new Date(2025, 10, 1), new Date(2026, 4, 1), new Date(2026, 7, 1), new Date(2026, 10, 1), new Date(2027, 1, 1), new Date(2027, 4, 1), new Date(2027, 7, 1)],
            6);
        Assert.Equal([0, 0, 1, 1, 1, 1], map);
    }

    [Fact]
    public void A_dated_defaults_drawn_recovery_is_the_partys_in_every_entity()
    {
        // The parent dates the SPV's tenant's default and draws its recovery: the SPV's tenant defaults on that date (the
        // scenario as the chain maps it) with the recovery the top drew on the path, not its declared 40%.
        string parent = Corrections.ChainTests.Parent + """

            scenario TenantGone for Parent {
              paths 20
              Tenant defaults on 2026-12-31 recovery beta mean 40% sd 10%
            }
            """;
        var files = new InMemorySourceFiles();
        files.Add("spv.deal", Corrections.ChainTests.Spv());
        var (runner, filler) = Simulation(Compilation.Create(SourceDocument.FromText("top.deal", parent), files), "TenantGone", 20, 5).NewPathRunner(fullLedger: false);
        int tenantInSpv = Array.FindIndex(runner.DealOf(0).Parties, p => p.Name == "Tenant");
        int tenantInTop = Array.FindIndex(runner.Top.Parties, p => p.Name == "Tenant");
        var recoveries = new HashSet<double>();
        for (int path = 0; path < 20; path++)
        {
            filler.Run(path);
            double spvRecovery = runner.Buffers(0).Inputs.PartyRecovery[tenantInSpv];
            Assert.Equal(runner.Buffers(1).Inputs.PartyRecovery[tenantInTop], spvRecovery);
            Assert.Equal(new Date(2026, 12, 31), filler.DrawnScenarios()[0].PartyDefaults[tenantInSpv]);
            recoveries.Add(spvRecovery);
        }

        Assert.Equal(20, recoveries.Count);
    }

    [Fact]
    public void The_command_reports_every_entity_in_run_order_and_replays_a_path()
    {
        var report = CliHarness.Run("mc", Parent, "--scenario", "TenantRisk", "--paths", "200", "--threads", "1");
        Assert.True(report.Exit == ExitCodes.Ok, report.ToString());
        int spv = report.Out.IndexOf("== Spv: entity 1 of 2", StringComparison.Ordinal);
        int parent = report.Out.IndexOf("== StochasticParent: entity 2 of 2", StringComparison.Ordinal);
        Assert.True(spv >= 0 && parent > spv, report.Out);
        Assert.Contains("simulated default rate", report.Out[spv..parent], StringComparison.Ordinal);

        var replay = CliHarness.Run("mc", Parent, "--scenario", "TenantRisk", "--replay-path", "3", "--ledger");
        Assert.True(replay.Exit == ExitCodes.Ok, replay.ToString());
        Assert.Contains("Spv: scenario TenantRisk, seed 26, path 3: period ledger", replay.Out, StringComparison.Ordinal);
        Assert.Contains("StochasticParent: the chain on path 3", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chains_monte_carlo_path_allocates_nothing()
    {
        var (_, filler) = Valid026(800).NewPathRunner(fullLedger: false);
        for (int path = 0; path < 200; path++)
        {
            filler.Run(path); // each buffer's first paths size its work arrays
        }

        // Three windows of 200 further paths each (paths 200 to 799); one must allocate nothing (AllocationWindows: a
        // clean-clone CI run under the whole suite's load once counted 6,720 bytes in the one window this test had).
        AllocationWindows.AssertOneAllocatesNothing("200 paths", window =>
        {
            for (int path = 200 * (window + 1); path < 200 * (window + 2); path++)
            {
                filler.Run(path);
            }
        });
    }

    [Fact]
    public void A_replayed_path_has_the_losses_it_has_inside_the_run()
    {
        // The replay (full ledger) and a run of that one path (summary-only, through the totals) run the same chain
        // path: each entity's first tranche loses the same amount (the totals keep losses in 1/1,024ths of a dollar).
        var simulation = Valid026(400);
        var (runner, filler) = simulation.NewPathRunner(fullLedger: true);
        int checkedPaths = 0;
        for (int path = 0; path < 400 && checkedPaths < 5; path++)
        {
            filler.Run(path);
            if (runner.Buffers(1).Result.PrincipalLoss[0] <= 0)
            {
                continue;
            }

            checkedPaths++;
            var totals = simulation.Run(path, path + 1, threads: 1);
            for (int e = 0; e < 2; e++)
            {
                var metrics = CreditMetrics.Compute(SimulationFrame.Of(runner.DealOf(e), "hash", "TenantRisk", 26, 1), totals[e]);
                Assert.Equal(runner.Buffers(e).Result.PrincipalLoss[0], metrics.Tranches[0].ExpectedLoss.Value, 0.001);
            }
        }

        Assert.Equal(5, checkedPaths);
    }
}
