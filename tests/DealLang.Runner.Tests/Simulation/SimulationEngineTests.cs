using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>The engine's determinism: threads, shards and a replayed path give the same figures, bit for bit.</summary>
public sealed class SimulationEngineTests
{
    // 10,000 paths: three blocks of 4,096, the last short, so two threads share them unevenly.
    const int Paths = 10_000;

    static SimulationFrame Frame(DealDescription deal, int paths) => SimulationFrame.Of(deal, "test", "Random", 42, paths);

    static string Report(SimulationFrame frame, SimulationTotals totals, ReportFormat format = ReportFormat.Json) =>
        MonteCarloReport.Render(CreditMetrics.Compute(frame, totals), format);

    static byte[] Bytes(SimulationFrame frame, SimulationTotals totals) => ShardFile.Write(new ShardResult(frame, Shard.Of(1, 1, (int)totals.Paths), totals));

    [Fact]
    public void OneAndTwoThreadsGiveTheSameTotalsAndReportByteForByte()
    {
        var program = new LossProgram();
        var source = new RandomSource(program.Description, 42, Paths);
        var engine = new SimulationEngine(program, source, checkCash: false);
        SimulationTotals one = engine.Run(0, Paths, threads: 1);
        SimulationTotals two = engine.Run(0, Paths, threads: 2);
        SimulationFrame frame = Frame(program.Description, Paths);

        Assert.Equal(Paths, one.Paths);
        Assert.Equal(Bytes(frame, one), Bytes(frame, two));
        foreach (ReportFormat format in Enum.GetValues<ReportFormat>())
        {
            Assert.Equal(Report(frame, one, format), Report(frame, two, format));
        }

        // Not vacuous: about 10% of the paths lose something.
        Assert.InRange(one.Tranches[0].Loss.PathsWithLoss, 850, 1150);
    }

    [Fact]
    public void FourShardsWrittenReadAndMergedAreTheSingleRunByteForByte()
    {
        var program = new LossProgram();
        var source = new RandomSource(program.Description, 7, Paths);
        var engine = new SimulationEngine(program, source);
        SimulationFrame frame = Frame(program.Description, Paths);
        SimulationTotals single = engine.Run(0, Paths, threads: 2);

        var shards = new List<(string, ShardResult)>();
        foreach (int i in new[] { 3, 1, 4, 2 })
        {
            Shard shard = Shard.Of(i, 4, Paths);
            byte[] file = ShardFile.Write(new ShardResult(frame, shard, engine.Run(shard.From, shard.To, threads: 1)));
            shards.Add(($"shard{i}.json", ShardFile.Read(file)));
        }

        var (merged, totals) = ShardMerge.Merge(shards);
        Assert.Equal(Bytes(frame, single), Bytes(merged, totals));
        foreach (ReportFormat format in Enum.GetValues<ReportFormat>())
        {
            Assert.Equal(Report(frame, single, format), Report(merged, totals, format));
        }
    }

    [Fact]
    public void AShardCoversPathsFloorOfIMinusOneTimesNOverKToFloorOfITimesNOverK()
    {
        // 10 paths in 4 shards: ⌊0⌋, ⌊2.5⌋ = 2, ⌊5⌋ = 5, ⌊7.5⌋ = 7, 10.
        Assert.Equal(new Shard(1, 4, 0, 2), Shard.Of(1, 4, 10));
        Assert.Equal(new Shard(2, 4, 2, 5), Shard.Of(2, 4, 10));
        Assert.Equal(new Shard(3, 4, 5, 7), Shard.Of(3, 4, 10));
        Assert.Equal(new Shard(4, 4, 7, 10), Shard.Of(4, 4, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shard.Of(5, 4, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shard.Of(0, 4, 10));
    }

    [Fact]
    public void AReplayedPathHasTheFiguresItHasInsideTheRun()
    {
        var program = new LossProgram();
        var source = new RandomSource(program.Description, 42, Paths);
        var sink = new RecordingSink();
        new SimulationEngine(program, source).Run(0, Paths, threads: 2, sink);

        // Rows arrive in path order, block after block, whatever thread ran them.
        Assert.Equal(Enumerable.Range(0, Paths), sink.Paths);
        int[] lossy = [.. Enumerable.Range(0, Paths).Where(p => sink.Rows[p][0] > 0).Take(3)];
        foreach (int path in (int[])[0, 4095, 4096, Paths - 1, .. lossy])
        {
            var (outcome, figures) = PathReplay.Run(program, source, path, "replay");
            double[] row = sink.Rows[path];
            Assert.NotNull(outcome.Ledger);
            Assert.Equal(row[0], outcome.Tranches[0].PrincipalLoss);
            Assert.Equal(row[0], figures.Loss[0]);
            Assert.Equal(row[3], outcome.Tranches[0].Irr);
            Assert.Equal(row[4], outcome.Tranches[0].WalYears);
            Assert.Equal(row[5], outcome.Equities[0].Irr);
            Assert.Equal(row[6] != 0, outcome.Events.EventOfDefault is not null);
            Assert.Equal(row[8] != 0, outcome.Parties[0].DefaultDate is not null);
        }

        Assert.Equal(3, lossy.Length);
    }

    [Fact]
    public void APathAddsToTheTotalsWithoutAllocating()
    {
        var program = new LossProgram();
        DealDescription deal = program.Description;
        var source = new ListSource(deal, [.. Enumerable.Range(0, 100).Select(i => (double)i)]);
        var inputs = new PathInputs(deal);
        var result = new RunResult(deal, program.Layout, fullLedger: false);
        var figures = new PathFigures(deal);
        SimulationTotals totals = SimulationTotals.For(deal);
        var block = new PathBlock(deal, 128);
        block.Start(0);
        RunPath(0);
        // Each window runs paths 1 to 99 again: the totals count every path added. The block starts again with each
        // window (as the engine starts it with each block): a window tried a second time, when the first allocated (a
        // tier-up or a GC under load), would otherwise write past its 128 rows.
        int windows = AllocationWindows.AssertOneAllocatesNothing("99 paths", () =>
        {
            block.Start(1);
            for (int p = 1; p < 100; p++)
            {
                RunPath(p);
            }
        });

        Assert.Equal(1 + (99 * windows), totals.Paths);

        void RunPath(int p)
        {
            source.Fill(p, inputs);
            program.Run(inputs, result);
            figures.Read(p, result, inputs);
            totals.Add(figures, inputs);
            block.Add(figures);
        }
    }

    [Fact]
    public void APathsRowWithDrawnRenewalsADrawnDelayAndDrawnRecoveriesAllocatesNothing()
    {
        // A row of '--paths-out' for a scenario drawing a lease's renewals, a completion delay and two recoveries: the
        // source fills the path, PathDraws reads what it drew (the renewals taken a lookup of the path's work by its
        // inputs) and the block writes the row, the draws last. Quarterly 2026-2030; a 4-year lease with two 2-year
        // renewals drawn at 60% each, an index whose points (50% from 2027-01-01, 100% from 2027-07-01) are delayed 0m,
        // 6m or 12m, the lessee's default drawn with its recovery, and a second party's default dated with its recovery drawn.
        Date closing = new(2026, 1, 1);
        DealDescription deal = TestDeals.Make(Schedule.Boundaries(closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lessee", "B", 0.05, 0.4), new PartyInfo("Other", "B", 0.05, 0.4)],
            facilities: [TestDeals.StraightLine(1000, 120, 0.2, closing)],
            leases: [new LeaseInfo("L", 0, 0, 100, 0, closing, 48, 2, 24, false, null, 0)],
            indices: [new IndexInfo("Built", 0.0, 0.0, new IndexPoints(false, [new Date(2027, 1, 1), new Date(2027, 7, 1)], [0.5, 1.0]), [])]);
        var spec = new StochasticSpec(null, null, false, [], null, [new DefaultModel(0, 0.05, []) { Recovery = new RecoveryBeta(0.4, 0.2) }])
        {
            Renewals = [new RenewalModel(0, 0.6, [])],
            Delays = [new DelayModel(0, [0, 6, 12], [0.6, 0.25, 0.15])],
            Recoveries = [new RecoveryModel(1, new RecoveryBeta(0.3, 0.1))],
        };
        ScenarioSpec scenario = ScenarioSpec.AsWritten(deal) with { Name = "Mc", PartyDefaults = [null, new Date(2028, 1, 1)], Stochastic = spec };
        var source = new StochasticPaths(deal, scenario, 5, 1000);
        var inputs = new PathInputs(deal);
        var figures = new PathFigures(deal);
        var draws = PathDraws.Of(source);
        PathColumn[] columns = [.. PathColumns.For(deal), .. PathDraws.Columns(source)];
        Assert.Equal(["L renewals taken", "Built delay months", "Lessee recovery", "Other recovery", "Lessee default date"], columns[^5..].Select(c => c.Name));
        var block = new PathBlock(columns, 1000);
        block.Start(0);

        // The first paths make the source's per-buffer work state.
        for (int p = 0; p < 20; p++)
        {
            AddRow(p);
        }

        AllocationWindows.AssertOneAllocatesNothing("300 rows", window =>
        {
            for (int p = 20 + (300 * window); p < 320 + (300 * window); p++)
            {
                AddRow(p);
            }
        });

        // The rows hold what was drawn: more than one count of renewals, delay and recovery over the paths.
        for (int c = 4; c >= 1; c--)
        {
            Assert.True(block.Values[^c].AsSpan(0, block.Count).ToArray().Distinct().Count() > 1, columns[^c].Name);
        }

        void AddRow(int p)
        {
            source.Fill(p, inputs);
            draws.Read(inputs, p, deal.Periods); // not run: the periods count only jumps, which this scenario has none of
            block.Add(figures, draws);
        }
    }

    [Fact]
    public void AFailingPathStopsTheRunAndItsExceptionReachesTheCaller()
    {
        var program = new LossProgram();
        var source = new ListSource(program.Description, [.. Enumerable.Repeat(1.0, 9000).Append(double.NaN).Concat(Enumerable.Repeat(1.0, 5000))]);
        // Path 9,000's NaN loss is refused by the loss statistics, in the second block. A NaN loss is amounts past a
        // double's range (∞ − ∞), the input's scale as a huge loss is, so it stops the run as a SumLimitException (a
        // usage error in the CLI) naming the path's figure, not as an ArgumentOutOfRangeException (an internal error).
        var engine = new SimulationEngine(program, source);
        var e = Assert.Throws<SumLimitException>(() => engine.Run(0, source.Count, threads: 2));
        Assert.Contains("'s loss on path 9000 is not a number: its amounts grew past a double's range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunOfNoPathsIsEmptyTotals()
    {
        var program = new LossProgram();
        SimulationTotals totals = new SimulationEngine(program, new ListSource(program.Description, [1, 2])).Run(1, 1, threads: 4);
        Assert.Equal(0, totals.Paths);
        Assert.True(double.IsNaN(CreditMetrics.Compute(Frame(program.Description, 2), totals).Tranches[0].LossProbability.Value));
    }

    sealed class RecordingSink : IPathSink
    {
        public List<int> Paths { get; } = [];

        public List<double[]> Rows { get; } = [];

        public void Write(PathBlock block)
        {
            for (int i = 0; i < block.Count; i++)
            {
                Paths.Add(block.First + i);
                Rows.Add([.. block.Values.Select(column => column[i])]);
            }
        }
    }
}
