using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>L breaks drawn in renewal k at D₁ with p₁, D₂ with p₂ [loading F β]…</c> (docs/language.md §10, "Drawn breaks") on
/// valid corpus 063: lease Main (from 2026-01-01, a 3y term, then 2 renewals of 4y at market) offers a break 18m and
/// 30m into each renewal, on 6 months' notice against 6 months of rent; renewal 1 runs from 2029-01-01, so its dates are
/// 54 and 66 months from the start. Pod offers a break at 24m in its initial term. A path that takes renewal 1 (fixed, or
/// as its drawn renewals say) breaks at the first date j it draws, √(1 − β²) ε_j + β Z &lt; Φ⁻¹(p_j); a path that does
/// not never breaks in it. The renewal break's normals come after every other draw of the path.
/// </summary>
public sealed class DrawnRenewalBreaksTests : IDisposable
{
    static readonly string DealPath = Path.Combine(RepoPaths.Tests, "corpus", "valid", "063-lease-breaks-drawn-in-its-renewals.deal");
    readonly DealHost host;
    readonly ScenarioSpec mayBreak;
    readonly int main, pod;

    public DrawnRenewalBreaksTests()
    {
        var compiled = DealCompiler.Compile(DealFile.Compile(DealPath, null));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        mayBreak = compiled.Model!.Scenarios.Single(s => s.Name == "RenewsAndMayBreak");
        main = Array.FindIndex(Deal.Leases, l => l.Name == "Main");
        pod = Array.FindIndex(Deal.Leases, l => l.Name == "Pod");
        Assert.Equal([18, 30], Deal.Leases[main].RenewalBreakMonths);
        Assert.Equal(new BreakModel(BreakOf.Lease, main, [54, 66], [0.2, 0.25], [-0.4]) { Renewal = 1 }, mayBreak.Stochastic!.Breaks[1]);
    }

    DealDescription Deal => host.Program.Description;

    public void Dispose() => host.Dispose();

    /// <summary>RenewsAndMayBreak without loadings: Main's renewals drawn at <paramref name="renew"/>, its renewal 1 break
    /// at (18m, <paramref name="p1"/>) and (30m, <paramref name="p2"/>), Pod's break not drawn.</summary>
    ScenarioSpec Unloaded(double renew, double p1, double p2, bool sobol = false)
    {
        StochasticSpec s = mayBreak.Stochastic!;
        return mayBreak with
        {
            Stochastic = s with
            {
                Sobol = sobol,
                Renewals = [new RenewalModel(main, renew, [0])],
                Breaks = [new BreakModel(BreakOf.Lease, main, [54, 66], [p1, p2], [0]) { Renewal = 1 }],
            },
        };
    }

    /// <summary>
    /// A path drawing the renewal break at 18m receives the same figures as the fixed <c>Main breaks in renewal 1 at
    /// 18m</c> (063's BreaksInRenewal): CertainlyBreaks draws it at 100% with renewal 1 taken, and its run (path 0)
    /// and the replay of its path 5 are the fixed run, byte for byte, the scenario's name aside. By hand: the break is
    /// 2030-07-01, 18 months into renewal 1 (54 from the start), in lease year 5 (4 completed), the renewal's rent at
    /// market (the index at 1) 10m × 1.02⁴ = 10,824,321.60 a year; the fee is 6/12 of it, 5,412,160.80, received in the
    /// quarter ending on the break (period 18, index 17), and the rent stops there.
    /// </summary>
    [Fact]
    public void A_certain_drawn_renewal_break_runs_as_the_fixed_lever()
    {
        CliOutcome fixedRun = CliHarness.Run("run", DealPath, "--scenario", "BreaksInRenewal", "--ledger");
        CliOutcome drawnRun = CliHarness.Run("run", DealPath, "--scenario", "CertainlyBreaks", "--ledger");
        CliOutcome replay = CliHarness.Run("mc", DealPath, "--scenario", "CertainlyBreaks", "--paths", "10", "--replay-path", "5", "--ledger");
        Assert.Equal(0, fixedRun.Exit);
        Assert.Equal(0, drawnRun.Exit);
        Assert.Equal(0, replay.Exit);
        Assert.Contains("termination fee Main", fixedRun.Out);
        string drawnCsv = Csv("run", DealPath, "--scenario", "CertainlyBreaks", "--ledger");
        Assert.Equal(Csv("run", DealPath, "--scenario", "BreaksInRenewal", "--ledger").Replace("BreaksInRenewal", "CertainlyBreaks"), WithoutDraws(drawnCsv));
        Assert.Contains("drawn,Main renewal 1 break month,18", drawnCsv.ReplaceLineEndings("\n").Split('\n'));
        Assert.Equal(Ledger(fixedRun.Out), Ledger(replay.Out));

        ScenarioSpec certain = mayBreak with
        {
            RenewalsTaken = [.. Enumerable.Range(0, Deal.Leases.Length).Select(l => l == main ? (int?)1 : null)],
            Stochastic = mayBreak.Stochastic! with { Renewals = [], Breaks = [new BreakModel(BreakOf.Lease, main, [54, 66], [1, 0], [0]) { Renewal = 1 }] },
        };
        var source = new StochasticPaths(Deal, certain, 63, 1);
        var inputs = new PathInputs(Deal);
        source.Fill(0, inputs);
        Assert.Equal(54, source.Drawn(inputs).LeaseBreaks[main]);
        double[] fee = inputs.LeaseTermination[main];
        Assert.Equal(5_412_160.80, fee[17], 6);
        Assert.Equal(fee[17], fee.Sum());
        Assert.Equal(0, inputs.LeaseRent[main][18]);
    }

    /// <summary>
    /// Paths 2 and 49 of RenewsAndMayBreak at seed 63, by hand. Path i's stream (Philox, seed 63, stream i) gives, in
    /// order: ξ for Campus.value's path shock (one factor, drawn directly: Z = ξ), Main's two renewal options' normals
    /// ρ₁, ρ₂, Pod's initial-term break normal, then, after every other draw, Main's renewal break normals ε₁ (18m) and ε₂
    /// (30m). An option is taken while √(1 − 0.3²) ρ − 0.3 Z &lt; Φ⁻¹(70%) = 0.5244; Pod breaks when its normal is below
    /// Φ⁻¹(30%) = −0.5244; Main's renewal 1 breaks at 18m when X₁ = √(1 − 0.4²) ε₁ − 0.4 Z &lt; Φ⁻¹(20%) = −0.8416.
    ///   Path 2:  Z = −0.1078, ρ = 0.4504, 0.4730, Pod 2.1134, ε₁ = −1.9552, ε₂ = −1.0807.
    ///            0.9539 × 0.4504 + 0.0323 = 0.4620 and 0.9539 × 0.4730 + 0.0323 = 0.4836, both &lt; 0.5244: 2 renewals;
    ///            Pod 2.1134: not broken; X₁ = 0.9165 × (−1.9552) + 0.0431 = −1.7489 &lt; −0.8416: broken 18m into
    ///            renewal 1, 54 months from the start (2030-07-01), exactly the fixed <c>Main breaks in renewal 1 at 18m</c>.
    ///   Path 49: Z = 0.1626, ρ₁ = 1.4374, Pod −0.1761, ε₁ = −1.2107.
    ///            0.9539 × 1.4374 − 0.0488 = 1.3225 ≥ 0.5244: no renewal; Pod −0.1761 ≥ −0.5244: not broken;
    ///            X₁ = 0.9165 × (−1.2107) − 0.0650 = −1.1747 &lt; −0.8416 would break at 18m, but the path never enters
    ///            renewal 1, so Main is not broken.
    /// </summary>
    [Fact]
    public void Paths_break_in_the_renewal_where_their_normals_say_and_only_if_they_renew()
    {
        Assert.Equal(0.5244, NormalQuantile.Inverse(0.7), 4);
        Assert.Equal(-0.8416, NormalQuantile.Inverse(0.2), 4);
        (double Z, double R1, double R2, double Pod, double E1, double E2) Draws(uint stream)
        {
            var rng = new PathStream(63, stream, mirrored: false);
            return (rng.Normal(), rng.Normal(), rng.Normal(), rng.Normal(), rng.Normal(), rng.Normal());
        }

        var two = Draws(2);
        Assert.Equal("Z = -0.1078, ρ = 0.4504, 0.4730, Pod 2.1134, ε₁ = -1.9552, ε₂ = -1.0807",
            $"Z = {two.Z:F4}, ρ = {two.R1:F4}, {two.R2:F4}, Pod {two.Pod:F4}, ε₁ = {two.E1:F4}, ε₂ = {two.E2:F4}");
        Assert.Equal(-1.7489, (Math.Sqrt(0.84) * two.E1) - (0.4 * two.Z), 4);
        var fortyNine = Draws(49);
        Assert.Equal("Z = 0.1626, ρ₁ = 1.4374, Pod -0.1761, ε₁ = -1.2107",
            $"Z = {fortyNine.Z:F4}, ρ₁ = {fortyNine.R1:F4}, Pod {fortyNine.Pod:F4}, ε₁ = {fortyNine.E1:F4}");
        Assert.Equal(1.3225, (Math.Sqrt(0.91) * fortyNine.R1) - (0.3 * fortyNine.Z), 4);
        Assert.Equal(-1.1747, (Math.Sqrt(0.84) * fortyNine.E1) - (0.4 * fortyNine.Z), 4);

        var source = new StochasticPaths(Deal, mayBreak, 63, 50);
        var inputs = new PathInputs(Deal);
        source.Fill(2, inputs);
        ScenarioSpec drawn = source.Drawn(inputs);
        Assert.Equal<(int?, int?, int?)>((2, null, 54), (drawn.RenewalsTaken[main], drawn.LeaseBreaks[pod], drawn.LeaseBreaks[main]));
        source.Fill(49, inputs);
        drawn = source.Drawn(inputs);
        Assert.Equal<(int?, int?, int?)>((0, null, null), (drawn.RenewalsTaken[main], drawn.LeaseBreaks[pod], drawn.LeaseBreaks[main]));
    }

    /// <summary>
    /// The shares of paths broken in renewal 1 against the probabilities, on 16,384 paths: Main renews (its first option)
    /// with 60%, then breaks at 18m with 20% and at 30m with 25% given no break before, so P(54) = 60% × 20% = 12%,
    /// P(66) = 60% × 80% × 25% = 12% and P(none) = 76%, within four binomial standard errors √(P (1 − P) / n) (0.25%,
    /// 0.25%, 0.33%: a bound a correct draw misses about once in 16,000 runs); Sobol's points too (the same bound
    /// overstates their error). A path that takes no renewal never breaks in renewal 1.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_shares_broken_in_the_renewal_are_the_probabilities(bool sobol)
    {
        const int n = 16384;
        var source = new StochasticPaths(Deal, Unloaded(0.6, 0.2, 0.25, sobol), 63, n);
        Assert.Equal(sobol, source.UsesSobol);
        var inputs = new PathInputs(Deal);
        var breaks = new int?[n];
        int renewed = 0;
        for (int path = 0; path < n; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            breaks[path] = drawn.LeaseBreaks[main];
            if (drawn.RenewalsTaken[main] is 0)
            {
                Assert.Null(breaks[path]);
            }
            else
            {
                renewed++;
            }
        }

        Assert.InRange(renewed, 1, n - 1);
        (int? At, double P)[] expected = [(54, 0.12), (66, 0.12), (null, 0.76)];
        foreach ((int? at, double p) in expected)
        {
            double share = breaks.Count(b => b == at) / (double)n, se = Math.Sqrt(p * (1 - p) / n);
            Assert.True(Math.Abs(share - p) < 4 * se, $"P(break at {at}) = {share}, expected {p} ± {se}");
        }
    }

    /// <summary>Antithetic: path 2k+1 negates every normal of path 2k. With renewal 1 always taken (both options at
    /// 100%) and p₁ = 50% unloaded, date 1 is taken when ε₁ &lt; 0, so exactly one path of each pair breaks at 18m.</summary>
    [Fact]
    public void Antithetic_pairs_mirror_the_first_date()
    {
        ScenarioSpec spec = Unloaded(1, 0.5, 0);
        var source = new StochasticPaths(Deal, spec with { Stochastic = spec.Stochastic! with { Antithetic = true } }, 63, 2000);
        var inputs = new PathInputs(Deal);
        for (int pair = 0; pair < 1000; pair++)
        {
            source.Fill(2 * pair, inputs);
            bool first = source.Drawn(inputs).LeaseBreaks[main] == 54;
            source.Fill((2 * pair) + 1, inputs);
            bool second = source.Drawn(inputs).LeaseBreaks[main] == 54;
            Assert.NotEqual(first, second);
        }
    }

    /// <summary>The renewal break's normals come after every other draw of the path: each path's campus deflation,
    /// renewals taken and Pod's drawn break are those of the scenario without it, to the bit.</summary>
    [Fact]
    public void Drawing_a_renewal_break_moves_no_other_draw()
    {
        ScenarioSpec without = mayBreak with { Stochastic = mayBreak.Stochastic! with { Breaks = [mayBreak.Stochastic!.Breaks[0]] } };
        var before = new StochasticPaths(Deal, without, 63, 400);
        var after = new StochasticPaths(Deal, mayBreak, 63, 400);
        var a = new PathInputs(Deal);
        var b = new PathInputs(Deal);
        int broken = 0;
        for (int path = 0; path < before.Count; path++)
        {
            before.Fill(path, a);
            after.Fill(path, b);
            ScenarioSpec x = before.Drawn(a), y = after.Drawn(b);
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.FacilityStress[0].DeflatePerYear), BitConverter.DoubleToInt64Bits(y.FacilityStress[0].DeflatePerYear));
            Assert.Equal(x.RenewalsTaken[main], y.RenewalsTaken[main]);
            Assert.Equal(x.LeaseBreaks[pod], y.LeaseBreaks[pod]);
            Assert.Null(x.LeaseBreaks[main]);
            broken += y.LeaseBreaks[main] is null ? 0 : 1;
        }

        Assert.InRange(broken, 1, 399);
    }

    /// <summary>A path replayed as a deterministic scenario (what <c>--replay-path</c> and <c>run</c> of path 0 read)
    /// breaks where the path drew, through the code of the fixed <c>breaks in renewal 1 at D</c> (notice, fee, rent's
    /// stop): its inputs and its run's loss equal the path's, bit for bit, with the cash check on; each outcome is seen.</summary>
    [Fact]
    public void A_replayed_path_equals_the_deterministic_run_of_its_draws()
    {
        var source = new StochasticPaths(Deal, mayBreak, 63, 120);
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

        Assert.Equal([null, 54, 66], seen.Order());
    }

    /// <summary>A compute contract's customer's renewal break drawn (valid corpus 059: LabDeal, a 2y term from
    /// 2026-02-15, renewals of 2y breakable 12m in): certain at 12m with renewal 1 taken, and its units re-let after 3
    /// months at 60%, it runs as <c>LabDeal breaks in renewal 1 at 12m</c> with the same re-let (059's BreaksAndRelets).</summary>
    [Fact]
    public void A_contracts_drawn_renewal_break_runs_as_the_fixed_lever()
    {
        string deal = Path.Combine(RepoPaths.Tests, "corpus", "valid", "059-compute-contract-with-a-break-in-its-renewals.deal");
        string scenarios = Path.Combine(Path.GetTempPath(), $"deallang-drawn-renewal-breaks-{Environment.ProcessId}.scenarios");
        File.WriteAllText(scenarios, """
            scenario Drawn for ComputeRenewed {
              LabDeal renewals taken 1
              LabDeal breaks drawn in renewal 1 at 12m with 100%
              LabDeal relet after 3m at 60%
            }
            """);
        try
        {
            CliOutcome fixedRun = CliHarness.Run("run", deal, "--scenario", "BreaksAndRelets", "--ledger");
            CliOutcome drawnRun = CliHarness.Run("run", deal, "--scenarios", scenarios, "--scenario", "Drawn", "--ledger");
            Assert.Equal(0, fixedRun.Exit);
            Assert.Equal(0, drawnRun.Exit);
            Assert.Contains("termination fee LabDeal", fixedRun.Out);
            Assert.Equal(Ledger(fixedRun.Out), Ledger(drawnRun.Out));
        }
        finally
        {
            File.Delete(scenarios);
        }
    }

    /// <summary>Cash is conserved every period on every path of RenewsAndMayBreak (2,000 paths, two threads), and the
    /// report is the same bytes on one thread and on two.</summary>
    [Fact]
    public void Cash_is_conserved_and_the_report_is_the_same_on_any_number_of_threads()
    {
        var source = new StochasticPaths(Deal, mayBreak, 63, 2000);
        Assert.Equal(2000, new SimulationEngine(host.Program, source, checkCash: true).Run(0, 2000, threads: 2).Paths);
        string[] args = ["mc", DealPath, "--scenario", "RenewsAndMayBreak", "--paths", "2000", "--format", "csv"];
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
}
