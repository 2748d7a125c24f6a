using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>L breaks drawn at D₁ with p₁, D₂ with p₂ [loading F β]…</c> (docs/language.md §10, "Drawn breaks") on valid corpus
/// 046: lease Main offers breaks at 60m and 120m, Pod at 48m; the scenario TenantsMayBreak draws Main's at 15% and 25%
/// loaded −40% on Campus.value, Pod's at 30% unloaded, and Hyper's default. Date j is taken when none before was and
/// √(1 − β²) ε_j + β Z &lt; Φ⁻¹(p_j); without loadings P(60m) = p₁, P(120m) = (1 − p₁) p₂, P(none) = (1 − p₁)(1 − p₂).
/// </summary>
public sealed class DrawnBreaksTests : IDisposable
{
    static readonly string DealPath = Path.Combine(RepoPaths.Tests, "corpus", "valid", "046-lease-breaks-drawn-per-path.deal");
    readonly DealHost host;
    readonly ScenarioSpec tenants;
    readonly int main, pod;

    public DrawnBreaksTests()
    {
        var compiled = DealCompiler.Compile(DealFile.Compile(DealPath, null));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        tenants = compiled.Model!.Scenarios.Single(s => s.Name == "TenantsMayBreak");
        main = Array.FindIndex(Deal.Leases, l => l.Name == "Main");
        pod = Array.FindIndex(Deal.Leases, l => l.Name == "Pod");
        Assert.Equal([60, 120], Deal.Leases[main].BreakMonths);
        Assert.Equal([48], Deal.Leases[pod].BreakMonths);
    }

    DealDescription Deal => host.Program.Description;

    public void Dispose() => host.Dispose();

    /// <summary>TenantsMayBreak with Main's break drawn at (60m, <paramref name="p1"/>), (120m, <paramref name="p2"/>)
    /// loaded <paramref name="beta"/> on Campus.value, Pod's not drawn, and no drawn default (so nothing pre-empts a break).</summary>
    ScenarioSpec MainOnly(double p1, double p2, double beta = 0, bool antithetic = false, bool sobol = false)
    {
        StochasticSpec s = tenants.Stochastic!;
        Assert.Equal("Campus.value", s.Factors[0].Name);
        return tenants with
        {
            Stochastic = s with
            {
                Antithetic = antithetic,
                Sobol = sobol,
                Defaults = [],
                Breaks = [new BreakModel(BreakOf.Lease, main, [60, 120], [p1, p2], [beta])],
            },
        };
    }

    int?[] Breaks(StochasticPaths source, PathInputs inputs)
    {
        var breaks = new int?[source.Count];
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            breaks[path] = source.Drawn(inputs).LeaseBreaks[main];
        }

        return breaks;
    }

    /// <summary>p = 0 at both dates: no path breaks; p = 100% at the first: every path breaks there (the second date's
    /// normal is drawn, but a lease broken at 60m is not broken again).</summary>
    [Fact]
    public void Zero_never_breaks_and_certainty_always_breaks_at_the_first_date()
    {
        var inputs = new PathInputs(Deal);
        Assert.All(Breaks(new StochasticPaths(Deal, MainOnly(0, 0, beta: 0.9), 46, 2000), inputs), b => Assert.Null(b));
        Assert.All(Breaks(new StochasticPaths(Deal, MainOnly(1, 1, beta: 0.9), 46, 2000), inputs), b => Assert.Equal(60, b));
        Assert.All(Breaks(new StochasticPaths(Deal, MainOnly(0, 1), 46, 2000), inputs), b => Assert.Equal(120, b));
    }

    /// <summary>
    /// Path 0 of TenantsMayBreak at seed 46, by hand. The path's stream (Philox, seed 46, stream 0) gives, in order: ξ for
    /// Campus.value's path shock (one factor, drawn directly: Z = ξ), η for Hyper's default, then the breaks' normals
    /// after every other draw: Main's ε₁ (60m) and ε₂ (120m), then Pod's ε₁ (48m):
    ///   Z = −0.5330, η = 2.6713; Main ε₁ = 1.4083, ε₂ = 1.6205; Pod ε₁ = −0.7461 (printed by the test to 4 places).
    /// Main: X₁ = √(1 − 0.4²) ε₁ − 0.4 Z = 0.9165 × 1.4083 + 0.2132 = 1.5039 ≥ Φ⁻¹(15%) = −1.0364: not broken at 60m;
    ///       X₂ = 0.9165 × 1.6205 + 0.2132 = 1.6984 ≥ Φ⁻¹(25%) = −0.6745: not broken at 120m.
    /// Pod:  X₁ = ε₁ = −0.7461 &lt; Φ⁻¹(30%) = −0.5244: broken at 48m (2030-07-01), so `deallang run` of the scenario
    ///       receives Pod's 25m fee in the quarter ending on that day.
    /// </summary>
    [Fact]
    public void Path_zero_breaks_where_its_normals_say()
    {
        var rng = new PathStream(46, 0, mirrored: false);
        double z = rng.Normal(), eta = rng.Normal(), mainFirst = rng.Normal(), mainSecond = rng.Normal(), podFirst = rng.Normal();
        string printed = $"Z = {z:F4}, η = {eta:F4}; Main ε₁ = {mainFirst:F4}, ε₂ = {mainSecond:F4}; Pod ε₁ = {podFirst:F4}";
        Assert.Equal("Z = -0.5330, η = 2.6713; Main ε₁ = 1.4083, ε₂ = 1.6205; Pod ε₁ = -0.7461", printed);
        Assert.Equal(-1.0364, NormalQuantile.Inverse(0.15), 4);
        Assert.Equal(-0.6745, NormalQuantile.Inverse(0.25), 4);
        Assert.Equal(-0.5244, NormalQuantile.Inverse(0.30), 4);
        double own = Math.Sqrt(1 - 0.16);
        Assert.Equal(1.5039, (own * mainFirst) - (0.4 * z), 4);
        Assert.Equal(1.6984, (own * mainSecond) - (0.4 * z), 4);

        var source = new StochasticPaths(Deal, tenants, 46, 1);
        var inputs = new PathInputs(Deal);
        source.Fill(0, inputs);
        ScenarioSpec drawn = source.Drawn(inputs);
        Assert.Null(drawn.LeaseBreaks[main]);
        Assert.Equal(48, drawn.LeaseBreaks[pod]);

        // `deallang run` of the scenario is its path 0: Pod's fee, 25m, in the quarter ending 2030-07-01 (period 18).
        CliOutcome run = CliHarness.Run("run", DealPath, "--scenario", "TenantsMayBreak", "--ledger");
        Assert.Equal(0, run.Exit);
        string[] fee = run.Out.Split('\n').First(l => l.StartsWith("termination fee Pod", StringComparison.Ordinal) && l.Contains("25.0", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[3..];
        Assert.Equal("25.0", fee[18 - 13]); // the ledger's second block holds periods 13 to 24
    }

    /// <summary>
    /// The shares of paths broken at each date against p₁ = 15% and (1 − p₁) p₂ = 85% × 25% = 21.25% (none: 63.75%), on
    /// 16,384 paths, within four binomial standard errors √(P (1 − P) / n) (0.28%, 0.32%, 0.38%: a bound a correct draw
    /// misses about once in 16,000 runs). Sobol's points are not independent; the same bound (which overstates their
    /// error) holds for them.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_shares_broken_are_the_probabilities(bool sobol)
    {
        const int n = 16384;
        var source = new StochasticPaths(Deal, MainOnly(0.15, 0.25, sobol: sobol), 46, n);
        Assert.Equal(sobol, source.UsesSobol);
        int?[] breaks = Breaks(source, new PathInputs(Deal));
        (int? At, double P)[] expected = [(60, 0.15), (120, 0.2125), (null, 0.6375)];
        foreach ((int? at, double p) in expected)
        {
            double share = breaks.Count(b => b == at) / (double)n, se = Math.Sqrt(p * (1 - p) / n);
            Assert.True(Math.Abs(share - p) < 4 * se, $"P(break at {at}) = {share}, expected {p} ± {se}");
        }
    }

    /// <summary>The sign: a negative loading on Campus.value breaks more on paths where the campus deflates faster (a
    /// high shock: its value, and the rents a tenant could find elsewhere, fall). At β = −60%, given Z the first date's
    /// probability is Φ((Φ⁻¹(15%) + 0.6 Z) / 0.8): 15.0% at Z = 0, 42.0% at Z = 1, 2.6% at Z = −1.</summary>
    [Fact]
    public void A_negative_loading_breaks_more_when_the_campus_deflates_faster()
    {
        var source = new StochasticPaths(Deal, MainOnly(0.15, 0.25, beta: -0.6), 46, 8000);
        var inputs = new PathInputs(Deal);
        int fast = 0, slow = 0, brokenFast = 0, brokenSlow = 0;
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            bool broken = drawn.LeaseBreaks[main] is not null;
            if (drawn.FacilityStress[0].DeflatePerYear > 0.03) // the mean: Z > 0
            {
                fast++;
                brokenFast += broken ? 1 : 0;
            }
            else
            {
                slow++;
                brokenSlow += broken ? 1 : 0;
            }
        }

        double shareFast = brokenFast / (double)fast, shareSlow = brokenSlow / (double)slow;
        Assert.True(shareFast > shareSlow + 0.2, $"broken {shareFast:P1} where the campus deflates faster, {shareSlow:P1} where slower");
    }

    /// <summary>Antithetic: path 2k+1 negates every normal of path 2k. At p₁ = 50% unloaded, date 1 is taken when
    /// ε₁ &lt; 0, so exactly one path of each pair breaks at 60m.</summary>
    [Fact]
    public void Antithetic_pairs_mirror_the_first_date()
    {
        var source = new StochasticPaths(Deal, MainOnly(0.5, 0, antithetic: true), 46, 2000);
        var inputs = new PathInputs(Deal);
        for (int pair = 0; pair < 1000; pair++)
        {
            source.Fill(2 * pair, inputs);
            bool first = source.Drawn(inputs).LeaseBreaks[main] == 60;
            source.Fill((2 * pair) + 1, inputs);
            bool second = source.Drawn(inputs).LeaseBreaks[main] == 60;
            Assert.NotEqual(first, second);
        }
    }

    /// <summary>The breaks' normals come after every other draw of the path: each path's default date and campus
    /// deflation are those of the scenario without drawn breaks, to the bit.</summary>
    [Fact]
    public void Drawing_breaks_moves_no_other_draw()
    {
        ScenarioSpec without = tenants with { Stochastic = tenants.Stochastic! with { Breaks = [] } };
        var before = new StochasticPaths(Deal, without, 46, 400);
        var after = new StochasticPaths(Deal, tenants, 46, 400);
        var a = new PathInputs(Deal);
        var b = new PathInputs(Deal);
        int broken = 0;
        for (int path = 0; path < before.Count; path++)
        {
            before.Fill(path, a);
            after.Fill(path, b);
            ScenarioSpec x = before.Drawn(a), y = after.Drawn(b);
            Assert.Equal(x.PartyDefaults, y.PartyDefaults);
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.FacilityStress[0].DeflatePerYear), BitConverter.DoubleToInt64Bits(y.FacilityStress[0].DeflatePerYear));
            broken += y.LeaseBreaks[main] is null ? 0 : 1;
        }

        Assert.InRange(broken, 1, 399);
    }

    /// <summary>A path replayed as a deterministic scenario (<see cref="StochasticPaths.Drawn"/>, what
    /// <c>--replay-path</c> and <c>run</c> of path 0 read) breaks where the path drew: its inputs through the deterministic
    /// path building (the code <c>L breaks at D</c> runs: rent cut, fee, end) and its run's loss equal the path's, bit
    /// for bit; each of the three outcomes is seen.</summary>
    [Fact]
    public void A_replayed_path_equals_the_deterministic_run_of_its_draws()
    {
        var source = new StochasticPaths(Deal, tenants, 46, 60);
        var inputs = new PathInputs(Deal) { CheckCashConservation = true };
        var replayed = new PathInputs(Deal) { CheckCashConservation = true };
        var result = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        var again = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        var seen = new HashSet<int?>();
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            Assert.Null(drawn.Stochastic);
            seen.Add(drawn.LeaseBreaks[main]);
            new ScenarioPaths(new DealPaths(Deal), [drawn]).Fill(0, replayed);
            foreach (int l in new[] { main, pod })
            {
                Assert.Equal(inputs.LeaseRent[l], replayed.LeaseRent[l]);
                Assert.Equal(inputs.LeaseTermination[l], replayed.LeaseTermination[l]);
                Assert.Equal(inputs.LeaseEndPeriod[l], replayed.LeaseEndPeriod[l]);
            }

            host.Program.Run(inputs, result);
            host.Program.Run(replayed, again);
            Assert.Equal(BitConverter.DoubleToInt64Bits(result.PrincipalLoss[0]), BitConverter.DoubleToInt64Bits(again.PrincipalLoss[0]));
        }

        Assert.Equal([null, 60, 120], seen.Order());
    }

    /// <summary>Cash is conserved every period on every path (the period loop's check, as <c>deallang mc</c> runs it)
    /// on 2,000 paths of TenantsMayBreak, on which both leases break on some paths and Hyper defaults on others.</summary>
    [Fact]
    public void Cash_is_conserved_on_every_path()
    {
        var source = new StochasticPaths(Deal, tenants, 46, 2000);
        SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, 2000, threads: 2);
        Assert.Equal(2000, totals.Paths);
    }

    /// <summary>A drawn break that is certain at 120m (0% at 60m, 100% at 120m, no factor: the item alone makes the
    /// scenario a Monte Carlo one) runs, under <c>deallang run</c> (its path 0) and <c>mc --replay-path 7</c>, exactly as
    /// the fixed <c>Main breaks at 120m</c> (valid 046's MainBreaksAtTen): the same report (the replay's ledger: its summary
    /// is titled by the path), the scenario's name aside.</summary>
    [Fact]
    public void A_certain_drawn_break_runs_as_the_fixed_lever()
    {
        string scenarios = Path.Combine(Path.GetTempPath(), $"deallang-drawn-breaks-{Environment.ProcessId}.scenarios");
        File.WriteAllText(scenarios, """
            scenario DrawnBreakAtTen for Colo {
              Main breaks drawn at 60m with 0%, 120m with 100%
            }
            """);
        try
        {
            CliOutcome fixedRun = CliHarness.Run("run", DealPath, "--scenario", "MainBreaksAtTen", "--ledger");
            CliOutcome drawnRun = CliHarness.Run("run", DealPath, "--scenarios", scenarios, "--scenario", "DrawnBreakAtTen", "--ledger");
            CliOutcome replay = CliHarness.Run("mc", DealPath, "--scenarios", scenarios, "--scenario", "DrawnBreakAtTen", "--paths", "10", "--replay-path", "7", "--ledger");
            Assert.Equal(0, fixedRun.Exit);
            Assert.Equal(0, drawnRun.Exit);
            Assert.Equal(0, replay.Exit);
            Assert.Contains("termination fee Main", fixedRun.Out);
            string drawnCsv = Csv("run", DealPath, "--scenarios", scenarios, "--scenario", "DrawnBreakAtTen", "--ledger");
            Assert.Equal(Csv("run", DealPath, "--scenario", "MainBreaksAtTen", "--ledger").Replace("MainBreaksAtTen", "DrawnBreakAtTen"), WithoutDraws(drawnCsv));
            Assert.Contains("drawn,Main break month,120", drawnCsv.ReplaceLineEndings("\n").Split('\n'));
            Assert.Equal(Ledger(fixedRun.Out), Ledger(replay.Out));
        }
        finally
        {
            File.Delete(scenarios);
        }
    }

    /// <summary>A compute contract's customer's break drawn the same way (valid corpus 037: LabDeal offers 18m and 24m):
    /// certain at 18m, it runs as <c>LabDeal breaks at 18m</c>.</summary>
    [Fact]
    public void A_contracts_drawn_break_runs_as_the_fixed_lever()
    {
        string deal = Path.Combine(RepoPaths.Tests, "corpus", "valid", "037-compute-contract-with-a-break-option.deal");
        string scenarios = Path.Combine(Path.GetTempPath(), $"deallang-drawn-contract-breaks-{Environment.ProcessId}.scenarios");
        string name = DeclaredDealName(deal);
        File.WriteAllText(scenarios, $$"""
            scenario Fixed for {{name}} {
              LabDeal breaks at 18m
            }
            scenario Drawn for {{name}} {
              LabDeal breaks drawn at 18m with 100%, 24m with 50%
            }
            """);
        try
        {
            CliOutcome fixedRun = CliHarness.Run("run", deal, "--scenarios", scenarios, "--scenario", "Fixed", "--ledger");
            CliOutcome drawnRun = CliHarness.Run("run", deal, "--scenarios", scenarios, "--scenario", "Drawn", "--ledger");
            Assert.Equal(0, fixedRun.Exit);
            Assert.Equal(0, drawnRun.Exit);
            Assert.Contains("termination fee LabDeal", fixedRun.Out);
            string drawnCsv = Csv("run", deal, "--scenarios", scenarios, "--scenario", "Drawn", "--ledger");
            Assert.Equal(Csv("run", deal, "--scenarios", scenarios, "--scenario", "Fixed", "--ledger").Replace("Fixed", "Drawn"), WithoutDraws(drawnCsv));
            Assert.Contains("drawn,LabDeal break month,18", drawnCsv.ReplaceLineEndings("\n").Split('\n'));
        }
        finally
        {
            File.Delete(scenarios);
        }
    }

    /// <summary>The report is the same bytes on one thread and on two (TenantsMayBreak, 2,000 paths).</summary>
    [Fact]
    public void The_report_is_the_same_on_any_number_of_threads()
    {
        string[] args = ["mc", DealPath, "--scenario", "TenantsMayBreak", "--paths", "2000", "--format", "csv"];
        CliOutcome one = CliHarness.Run([.. args, "--threads", "1"]), two = CliHarness.Run([.. args, "--threads", "2"]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(one.Out, two.Out);
    }

    // A report's period ledger: the lines after its two title lines, up to the next section's title.
    /// <summary>A run's CSV (ledger and summary) without its 'drawn' rows, what a stochastic scenario's run (its path 0)
    /// adds at the summary's end (docs/cli.md, run): the rest is the fixed lever's run's.</summary>
    static string WithoutDraws(string csv) =>
        string.Join('\n', csv.Split('\n').Where(l => !l.StartsWith("drawn,", StringComparison.Ordinal)));

    static string Csv(params string[] args)
    {
        CliOutcome outcome = CliHarness.Run([.. args, "--format", "csv"]);
        Assert.Equal(0, outcome.Exit);
        return outcome.Out;
    }

    static string Ledger(string report)
    {
        string[] lines = report.Split('\n');
        int end = Array.FindIndex(lines, 1, l => l.StartsWith("== ", StringComparison.Ordinal));
        return string.Join('\n', lines[2..end]);
    }

    static string DeclaredDealName(string path) =>
        File.ReadLines(path).First(l => l.StartsWith("deal ", StringComparison.Ordinal)).Split(' ')[1];
}
