using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A path's row (<c>--paths-out</c>) says what the path drew (docs/cli.md, <c>mc</c>; <see cref="PathDraws"/>): per
/// lease with drawn renewals <c>L renewals taken</c>, per drawn delay <c>I delay months</c>, per party whose recovery is
/// drawn <c>P recovery</c>, per drawn break <c>L break month</c> (the break exercised), each the number the path's replay (<c>mc --replay-path N</c>: the path refilled alone, its
/// scenario <see cref="StochasticPaths.Drawn"/>) runs with, before the factors' columns (FactorDrawsColumnsTests); a scenario
/// that draws none of them has the columns it always had.
/// </summary>
public sealed class PathDrawsColumnsTests
{
    // Paths per run: under a block, on two threads; every path's row is checked against its replay.
    private const int Paths = 240;

    [Fact]
    public void Each_rows_renewals_taken_is_what_its_replay_ran()
    {
        // examples/hyperion-mc.scenarios' StochasticRent: MetaLease's four options drawn at 75% each, loaded on Campus.value.
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Examples, "hyperion.deal"), Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios"), "StochasticRent");
        DealDescription deal = loaded.Deal;
        int lease = Array.FindIndex(deal.Leases, l => l.Name == "MetaLease");
        var source = new StochasticPaths(deal, loaded.Scenario, 11, Paths);
        var rows = new Rows();
        var engine = new SimulationEngine(loaded.Host.Program, source, checkCash: true);
        engine.Run(0, Paths, threads: 2, rows);

        // The drawn column comes after the deal's own, a whole number, and before the factors' (FactorDrawsColumnsTests) and
        // the drawn default's date (DefaultDateColumnsTests); the deal's own columns keep their places.
        Assert.Equal(
            [.. PathColumns.For(deal), new PathColumn("MetaLease renewals taken", PathColumnKind.Count), .. Factors("Campus.value", "market_rent"), DefaultDate("Meta")],
            rows.Columns);
        double[] taken = rows.Column("MetaLease renewals taken");
        double[] loss = rows.Column("Notes loss");
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, PathFigures figures) = Replay(loaded, source, path);
            Assert.Equal(ran.RenewalsTaken[lease], (int)taken[path]);
            Assert.Equal(figures.Loss[0], loss[path]); // the row is the replayed path's
        }

        // Not one value on every path: the column tells the paths apart (0 to 4 taken, 2.05 on average without the loading).
        Assert.True(taken.Distinct().Count() >= 3, string.Join(", ", taken.Distinct()));
    }

    [Fact]
    public void Each_rows_delay_months_is_what_its_replay_ran()
    {
        // Valid 038's DrawnDelay: Built's points (2026-12-31 50%, 2027-06-30 100%) delayed 0m, 6m or 12m with 60%, 25%, 15%.
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "038-drawn-construction-delay.deal"), null, "DrawnDelay");
        DealDescription deal = loaded.Deal;
        int built = Array.FindIndex(deal.Indices, i => i.Name == "Built");
        var source = new StochasticPaths(deal, loaded.Scenario, 38, Paths);
        var rows = new Rows();
        new SimulationEngine(loaded.Host.Program, source, checkCash: true).Run(0, Paths, threads: 2, rows);

        Assert.Equal(new PathColumn("Built delay months", PathColumnKind.Count), rows.Columns[^1]);
        Assert.Equal(PathColumns.For(deal).Length + 1, rows.Columns.Count);
        double[] months = rows.Column("Built delay months");
        double[] loss = rows.Column("Notes loss");
        Date[] onTime = deal.Indices[built].Points!.Dates;
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, _) = Replay(loaded, source, path);
            int m = (int)months[path];
            // The replay's points: its own when it moved them, else the deal's (a 0m delay leaves the index as written).
            Assert.Equal(onTime.Select(d => d.AddMonthsClamped(m)), (ran.Indices[built]?.Points ?? deal.Indices[built].Points)!.Dates);

            // Only a year's delay loses the notes anything (DrawnDelayTests: YearLate loses 7,516,410.96, HalfYearLate 0).
            Assert.Equal(m == 12, loss[path] > 0);
        }

        Assert.Equal([0.0, 6.0, 12.0], months.Distinct().Order());
    }

    [Fact]
    public void Each_rows_recovery_is_what_its_replay_ran_drawn_on_every_path()
    {
        // Valid 044's AnchorDefaultsRecoveryDrawn: Hyper's default dated 2029-03-15 with its recovery drawn (beta mean 45%
        // sd 20%), Cloud's default drawn at a 3% PD with its recovery drawn (beta mean 30% sd 15%).
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "044-dated-default-with-a-drawn-recovery.deal"), null, "AnchorDefaultsRecoveryDrawn");
        DealDescription deal = loaded.Deal;
        int hyper = Array.FindIndex(deal.Parties, p => p.Name == "Hyper");
        int cloud = Array.FindIndex(deal.Parties, p => p.Name == "Cloud");
        var source = new StochasticPaths(deal, loaded.Scenario, 44, Paths);
        var rows = new Rows();
        new SimulationEngine(loaded.Host.Program, source, checkCash: true).Run(0, Paths, threads: 2, rows);

        // Last, in the deal's party order (Hyper, then Cloud; Sponsor draws none), each a share.
        Assert.Equal([.. PathColumns.For(deal), new PathColumn("Hyper recovery", PathColumnKind.Rate), new PathColumn("Cloud recovery", PathColumnKind.Rate), DefaultDate("Cloud")], rows.Columns);
        double[] hyperRecovery = rows.Column("Hyper recovery");
        double[] cloudRecovery = rows.Column("Cloud recovery");
        double[] cloudDefaulted = rows.Column("Cloud defaulted");
        double[] loss = rows.Column("Senior loss");
        double[] equityIrr = rows.Column("Eq irr");
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, PathFigures figures) = Replay(loaded, source, path);
            Assert.Equal(ran.PartyRecoveries[hyper], hyperRecovery[path]);
            Assert.Equal(ran.PartyRecoveries[cloud], cloudRecovery[path]);
            Assert.Equal(figures.Loss[0], loss[path]); // the row is the replayed path's
            Assert.Equal(figures.EquityIrr[0], equityIrr[path]);
            Assert.InRange(hyperRecovery[path], double.Epsilon, 1 - 1e-16);
            Assert.InRange(cloudRecovery[path], double.Epsilon, 1 - 1e-16);
        }

        // Drawn on every path, whether or not the party defaults on it: Cloud's recovery differs from path to path among
        // the paths on which Cloud does not default (at 3% a year most of them), none of them its fixed 30%.
        double[] survivors = [.. cloudRecovery.Where((_, path) => cloudDefaulted[path] == 0)];
        Assert.True(survivors.Length > Paths / 2, $"{survivors.Length}");
        Assert.Equal(survivors.Length, survivors.Distinct().Count());
        Assert.DoesNotContain(0.3, survivors);
        Assert.Equal(Paths, hyperRecovery.Distinct().Count());
    }

    [Fact]
    public void Each_rows_recovery_drawn_from_outcomes_is_the_outcome_its_replay_ran()
    {
        // Valid 068's NoBuyer: Neocloud's drawn default with its recovery drawn at 0% with 30%, 50% with 70% (loaded on the
        // H100 rent), Operator's dated default with 15% with 20%, 30% with 30%, 50% with 50%. The column is the outcome
        // itself: one of the recoveries written, never a value between them.
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "068-gpu-loan-recovery-no-buyer-or-a-market-price.deal"), null, "NoBuyer");
        DealDescription deal = loaded.Deal;
        int neocloud = Array.FindIndex(deal.Parties, p => p.Name == "Neocloud");
        int operatorParty = Array.FindIndex(deal.Parties, p => p.Name == "Operator");
        var source = new StochasticPaths(deal, loaded.Scenario, 68, Paths);
        var rows = new Rows();
        new SimulationEngine(loaded.Host.Program, source, checkCash: true).Run(0, Paths, threads: 2, rows);

        Assert.Equal(
            [.. PathColumns.For(deal), new PathColumn("Neocloud recovery", PathColumnKind.Rate), new PathColumn("Operator recovery", PathColumnKind.Rate),
                new PathColumn("H100Rent shock", PathColumnKind.Number), DefaultDate("Neocloud")],
            rows.Columns);
        double[] neocloudRecovery = rows.Column("Neocloud recovery");
        double[] operatorRecovery = rows.Column("Operator recovery");
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, _) = Replay(loaded, source, path);
            Assert.Equal(ran.PartyRecoveries[neocloud], neocloudRecovery[path]);
            Assert.Equal(ran.PartyRecoveries[operatorParty], operatorRecovery[path]);
        }

        // Over 240 paths every outcome comes (the rarest, 20%, is missed with probability 0.8²⁴⁰ ≈ 1e-23).
        Assert.Equal([0.0, 0.5], neocloudRecovery.Distinct().Order());
        Assert.Equal([0.15, 0.3, 0.5], operatorRecovery.Distinct().Order());
    }

    [Fact]
    public void Each_rows_break_month_is_the_break_its_replay_exercised()
    {
        // Valid 046's TenantsMayBreak: Main's break drawn at 60m (15%) and 120m (25%), Pod's at 48m (30%), Hyper's default
        // drawn. The column is the month the lease was broken at, an outcome: 0 when no date was drawn, and 0 when the
        // lessee defaulted on or before the date drawn (the default comes first: no break fee, the default's rules).
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "046-lease-breaks-drawn-per-path.deal"), null, "TenantsMayBreak");
        DealDescription deal = loaded.Deal;
        int main = Array.FindIndex(deal.Leases, l => l.Name == "Main");
        int hyper = Array.FindIndex(deal.Parties, p => p.Name == "Hyper");
        var source = new StochasticPaths(deal, loaded.Scenario, 46, Paths);
        var rows = new Rows();
        new SimulationEngine(loaded.Host.Program, source, checkCash: true).Run(0, Paths, threads: 2, rows);

        Assert.Equal(
            [.. PathColumns.For(deal), new PathColumn("Main break month", PathColumnKind.Count), new PathColumn("Pod break month", PathColumnKind.Count), .. Factors("Campus.value"), DefaultDate("Hyper")],
            rows.Columns);
        double[] mainBreak = rows.Column("Main break month");
        double[] podBreak = rows.Column("Pod break month");
        double[] loss = rows.Column("Senior loss");
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, PathFigures figures) = Replay(loaded, source, path);
            Date? defaulted = ran.PartyDefaults[hyper];
            int? drawn = ran.LeaseBreaks[main];
            bool exercised = drawn is { } m && !(defaulted is { } d && d <= deal.Leases[main].Start.AddMonthsClamped(m));
            Assert.Equal(exercised ? drawn!.Value : 0, (int)mainBreak[path]);
            Assert.Equal(ran.LeaseBreaks[1] ?? 0, (int)podBreak[path]); // Neo's default is not drawn: nothing comes first
            Assert.Equal(figures.Loss[0], loss[path]); // the row is the replayed path's
        }

        Assert.Equal([0.0, 60.0, 120.0], mainBreak.Distinct().Order());
        Assert.Equal([0.0, 48.0], podBreak.Distinct().Order());
    }

    [Fact]
    public void A_renewal_terms_break_month_counts_from_that_renewals_start()
    {
        // Valid 063's RenewsAndMayBreak: Main's renewals drawn (70%), Pod's break drawn at 24m, Main's break drawn in
        // renewal 1 (from 2029-01-01, 36 months in) at 18m or 30m. Its column, named for the renewal, holds the month from
        // the renewal's start (18 or 30, what the scenario wrote), 0 when not broken, always 0 on a path not renewing.
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "063-lease-breaks-drawn-in-its-renewals.deal"), null, "RenewsAndMayBreak");
        DealDescription deal = loaded.Deal;
        int main = Array.FindIndex(deal.Leases, l => l.Name == "Main");
        var source = new StochasticPaths(deal, loaded.Scenario, 63, Paths);
        var rows = new Rows();
        new SimulationEngine(loaded.Host.Program, source, checkCash: true).Run(0, Paths, threads: 2, rows);

        Assert.Equal(
            [.. PathColumns.For(deal), new PathColumn("Main renewals taken", PathColumnKind.Count), new PathColumn("Pod break month", PathColumnKind.Count),
                new PathColumn("Main renewal 1 break month", PathColumnKind.Count), .. Factors("Campus.value")],
            rows.Columns);
        double[] taken = rows.Column("Main renewals taken");
        double[] renewalBreak = rows.Column("Main renewal 1 break month");
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, _) = Replay(loaded, source, path);
            Assert.Equal(ran.LeaseBreaks[main] is { } m ? m - 36 : 0, (int)renewalBreak[path]); // no default is drawn: nothing comes first
            Assert.True(taken[path] > 0 || renewalBreak[path] == 0);
        }

        Assert.Equal([0.0, 18.0, 30.0], renewalBreak.Distinct().Order());
    }

    [Fact]
    public void A_contracts_renewals_taken_is_what_its_replay_ran()
    {
        // Valid 067's RenewalsDrawn: LabDeal's two options drawn at 65% loaded on H100Rent, its break in renewal 1 drawn
        // at 6m. The count has a lease's column shape, `LabDeal renewals taken`, before the break's column; a path that
        // takes no renewal never breaks in renewal 1.
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "067-neocloud-contract-renewals-drawn-per-path.deal"), null, "RenewalsDrawn");
        DealDescription deal = loaded.Deal;
        int lab = Array.FindIndex(deal.Contracts, c => c.Name == "LabDeal");
        var source = new StochasticPaths(deal, loaded.Scenario, 67, Paths);
        var rows = new Rows();
        new SimulationEngine(loaded.Host.Program, source, checkCash: true).Run(0, Paths, threads: 2, rows);

        Assert.Equal(
            [.. PathColumns.For(deal), new PathColumn("LabDeal renewals taken", PathColumnKind.Count), new PathColumn("LabDeal renewal 1 break month", PathColumnKind.Count),
                new PathColumn("H100Rent shock", PathColumnKind.Number)],
            rows.Columns);
        double[] taken = rows.Column("LabDeal renewals taken");
        double[] renewalBreak = rows.Column("LabDeal renewal 1 break month");
        double[] loss = rows.Column("Loan loss");
        for (int path = 0; path < Paths; path++)
        {
            (ScenarioSpec ran, PathFigures figures) = Replay(loaded, source, path);
            Assert.Equal(ran.Contracts[lab]!.RenewalsTaken, (int)taken[path]);
            Assert.Equal(ran.Contracts[lab]!.BreakMonths is { } m ? m - 36 : 0, (int)renewalBreak[path]);
            Assert.True(taken[path] > 0 || renewalBreak[path] == 0);
            Assert.Equal(figures.Loss[0], loss[path]);
        }

        Assert.Equal([0.0, 1.0, 2.0], taken.Distinct().Order());
    }

    [Fact]
    public void A_scenario_that_draws_no_renewals_delays_or_recoveries_has_the_columns_it_always_had()
    {
        // Valid 038's DrawnDelay without its delay (a stochastic scenario drawing nothing else), and a deterministic source.
        using var loaded = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "038-drawn-construction-delay.deal"), null, "DrawnDelay");
        DealDescription deal = loaded.Deal;
        ScenarioSpec noDelay = loaded.Scenario with { Stochastic = loaded.Scenario.Stochastic! with { Delays = [] } };
        var source = new StochasticPaths(deal, noDelay, 38, 10);
        Assert.Empty(PathDraws.Columns(source));

        // Valid 044's scenario without its recoveries drawn: Cloud's default still drawn (its date the one column left),
        // Hyper's still dated (no column).
        using var recovered = Loaded.Of(Path.Combine(RepoPaths.Tests, "corpus", "valid", "044-dated-default-with-a-drawn-recovery.deal"), null, "AnchorDefaultsRecoveryDrawn");
        StochasticSpec drawn = recovered.Scenario.Stochastic!;
        ScenarioSpec fixedRecoveries = recovered.Scenario with
        {
            Stochastic = drawn with { Defaults = [.. drawn.Defaults.Select(d => d with { Recovery = null })], Recoveries = [] },
        };
        Assert.Equal(["Hyper recovery", "Cloud recovery", "Cloud default date"], PathDraws.Columns(new StochasticPaths(recovered.Deal, recovered.Scenario, 44, 10)).Select(c => c.Name));
        Assert.Equal([DefaultDate("Cloud")], PathDraws.Columns(new StochasticPaths(recovered.Deal, fixedRecoveries, 44, 10)));
        Assert.Equal(PathColumns.For(deal), new SimulationEngine(loaded.Host.Program, source).Columns);
        Assert.Equal(PathColumns.For(deal), PathColumns.For(deal, new ScenarioPaths(DealPaths.For(deal), [ScenarioSpec.AsWritten(deal)])));
    }

    // A drawn default's date, the last columns (DefaultDateColumnsTests).
    private static PathColumn DefaultDate(string party) => new($"{party} default date", PathColumnKind.Date);

    // The factors' columns after every other draw's: each drawn rate's shock, then its deflation.
    private static PathColumn[] Factors(params string[] rates) =>
        [.. rates.Select(f => new PathColumn($"{f} shock", PathColumnKind.Number)), .. rates.Select(f => new PathColumn($"{f} deflation", PathColumnKind.Rate))];

    // Path `path` replayed as `mc --replay-path` replays it (PathReplay.Run): fresh buffers, the full ledger, the cash
    // check; the scenario it ran is the source's drawn one for those inputs.
    private static (ScenarioSpec Ran, PathFigures Figures) Replay(Loaded loaded, StochasticPaths source, int path)
    {
        var inputs = new PathInputs(loaded.Deal) { CheckCashConservation = true };
        var result = new RunResult(loaded.Deal, loaded.Host.Program.Layout, fullLedger: true);
        PathFigures figures = new SimulationEngine(loaded.Host.Program, source, checkCash: true).RunOne(path, inputs, result);
        return (source.Drawn(inputs), figures);
    }

    private sealed class Loaded(DealHost host, ScenarioSpec scenario) : IDisposable
    {
        public DealHost Host { get; } = host;

        public ScenarioSpec Scenario { get; } = scenario;

        public DealDescription Deal => Host.Program.Description;

        public static Loaded Of(string deal, string? scenarios, string name)
        {
            var compiled = DealCompiler.Compile(DealFile.Compile(deal, scenarios is null ? null : [scenarios]));
            Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
            return new Loaded(DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName), compiled.Model!.Scenarios.Single(s => s.Name == name));
        }

        public void Dispose() => Host.Dispose();
    }

    // The rows a run hands its sink, by column, in path order.
    private sealed class Rows : IPathSink
    {
        private readonly Dictionary<string, List<double>> columns = [];

        public IReadOnlyList<PathColumn> Columns { get; private set; } = [];

        public double[] Column(string name) => [.. columns[name]];

        public void Write(PathBlock block)
        {
            Columns = block.Columns;
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
