using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>C renewals drawn p [loading F β]…</c> on a compute contract (docs/language.md §10, "Drawn renewals") on valid
/// corpus 067: LabDeal (60,000 GPUs at 2.35 a GPU-hour, 90% take-or-pay, a 3y term from 2026-03-31, then 2 × 1y at the
/// market price, each breakable 6m in) has its customer's options drawn as a lease's are: option j taken when the one
/// before was and √(1 − v) ε_j + Σ β_k Z_k &lt; Φ⁻¹(p), one normal per option, in the renewal options' place of the
/// draw order. The path then runs as <c>LabDeal renewals taken K</c>.
/// </summary>
public sealed class ContractDrawnRenewalsTests : IDisposable
{
    static readonly string DealPath = Path.Combine(RepoPaths.Tests, "corpus", "valid", "067-neocloud-contract-renewals-drawn-per-path.deal");
    readonly DealHost host;
    readonly ScenarioSpec alone, loaded, renewsOnce;
    readonly int lab;

    public ContractDrawnRenewalsTests()
    {
        var compiled = DealCompiler.Compile(DealFile.Compile(DealPath, null));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        alone = compiled.Model!.Scenarios.Single(s => s.Name == "DrawnAlone");
        loaded = compiled.Model.Scenarios.Single(s => s.Name == "RenewalsDrawn");
        renewsOnce = compiled.Model.Scenarios.Single(s => s.Name == "RenewsOnce");
        lab = Array.FindIndex(Deal.Contracts, c => c.Name == "LabDeal");
        Assert.Equal(2, Deal.Contracts[lab].RenewalCount);
        Assert.Equal(new RenewalModel(lab, 0.65, []) { Of = BreakOf.Contract }, alone.Stochastic!.Renewals.Single());
    }

    DealDescription Deal => host.Program.Description;

    public void Dispose() => host.Dispose();

    /// <summary>DrawnAlone at <paramref name="p"/>, antithetic or Sobol.</summary>
    ScenarioSpec Alone(double p, bool antithetic = false, bool sobol = false) =>
        alone with { Stochastic = alone.Stochastic! with { Antithetic = antithetic, Sobol = sobol, Renewals = [new RenewalModel(lab, p, []) { Of = BreakOf.Contract }] } };

    /// <summary>
    /// Paths 0, 2 and 14 of DrawnAlone at seed 67, by hand. There is no factor and no default, so path i's stream
    /// (Philox, seed 67, stream i) gives LabDeal's two option normals first; an option is taken while ε &lt; Φ⁻¹(65%) =
    /// 0.3853. Path 0: ε = −2.5245, −0.5876: both. Path 2: ε₁ = 0.6568: none. Path 14: ε = −0.0866, 0.8592: the first
    /// only. The count goes into the contract's levers, where <c>LabDeal renewals taken K</c> puts it.
    /// </summary>
    [Fact]
    public void Paths_take_the_renewals_their_normals_say()
    {
        Assert.Equal(0.3853, NormalQuantile.Inverse(0.65), 4);
        string Normals(uint stream)
        {
            var rng = new PathStream(67, stream, mirrored: false);
            return $"{rng.Normal():F4}, {rng.Normal():F4}";
        }

        Assert.Equal("-2.5245, -0.5876", Normals(0));
        Assert.Equal("0.6568, -1.0738", Normals(2));
        Assert.Equal("-0.0866, 0.8592", Normals(14));
        var source = new StochasticPaths(Deal, alone, 67, 20);
        var inputs = new PathInputs(Deal);
        foreach ((int path, int taken) in new[] { (0, 2), (2, 0), (14, 1) })
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            Assert.Equal(taken, drawn.Contracts[lab]!.RenewalsTaken);
            Assert.Equal(alone.Contracts[lab]! with { RenewalsTaken = taken }, drawn.Contracts[lab]); // its re-let kept
        }
    }

    /// <summary>
    /// Path 14 (one renewal, above) receives the figures of the deterministic <c>LabDeal renewals taken 1</c> (067's
    /// RenewsOnce, the same re-let): its inputs and run, bit for bit, and <c>mc --replay-path 14</c>'s ledger is
    /// RenewsOnce's. By hand: the renewal runs 2029-03-31 to 2030-03-31 at the market price, the H100 rent index
    /// 2.35 × 0.85^(1096 / 365) = 1.442561 a GPU-hour on 2029-03-31 (1,096 days from the closing), so its first quarter
    /// (91 days, 2,184 hours) earns 60,000 × 90% × 2,184 × 1.442561 = 170,128,730.17; the units then stand idle a quarter
    /// (3 months, no revenue in the quarter to 2030-06-30) and re-let at spot.
    /// </summary>
    [Fact]
    public void A_path_that_draws_one_renewal_receives_the_figures_of_renewals_taken_1()
    {
        var source = new StochasticPaths(Deal, alone, 67, 20);
        var inputs = new PathInputs(Deal) { CheckCashConservation = true };
        var fixedInputs = new PathInputs(Deal) { CheckCashConservation = true };
        source.Fill(14, inputs);
        new ScenarioPaths(new DealPaths(Deal), [renewsOnce]).Fill(0, fixedInputs);
        var drawn = new RunResult(Deal, host.Program.Layout, fullLedger: true);
        var fixedRun = new RunResult(Deal, host.Program.Layout, fullLedger: true);
        host.Program.Run(inputs, drawn);
        host.Program.Run(fixedInputs, fixedRun);

        Assert.Equal(170_128_730.17, fixedRun.ContractRevenue[lab][12], 2);
        Assert.Equal(0, fixedRun.ContractRevenue[lab][16]);
        Assert.True(fixedRun.ContractRevenue[lab][17] > 0);
        Assert.Equal(fixedRun.ContractRevenue[lab], drawn.ContractRevenue[lab]);
        Assert.Equal(fixedRun.Collections, drawn.Collections);
        Assert.Equal(fixedRun.PrincipalPaid[0], drawn.PrincipalPaid[0]);
        Assert.Equal(fixedRun.Distributions[0], drawn.Distributions[0]);

        CliOutcome fixedCli = CliHarness.Run("run", DealPath, "--scenario", "RenewsOnce", "--ledger");
        CliOutcome replay = CliHarness.Run("mc", DealPath, "--scenario", "DrawnAlone", "--paths", "20", "--replay-path", "14", "--ledger");
        Assert.Equal(0, fixedCli.Exit);
        Assert.Equal(0, replay.Exit);
        Assert.Equal(Ledger(fixedCli.Out), Ledger(replay.Out));
    }

    /// <summary>
    /// Over 16,384 paths at p = 65% unloaded, P(K ≥ 1) = p = 65% and P(K = 2) = p² = 42.25% (so P(0) = 35%, P(1) =
    /// 22.75%), within four binomial standard errors √(P (1 − P) / n) (0.37%, 0.39%: a bound a correct draw misses about
    /// once in 16,000 runs); Sobol's points too (each option a dimension; the same bound overstates their error).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_shares_taken_are_p_and_p_squared(bool sobol)
    {
        const int n = 16384;
        var source = new StochasticPaths(Deal, Alone(0.65, sobol: sobol), 67, n);
        Assert.Equal(sobol, source.UsesSobol);
        var inputs = new PathInputs(Deal);
        var counts = new int[3];
        for (int path = 0; path < n; path++)
        {
            source.Fill(path, inputs);
            counts[source.Drawn(inputs).Contracts[lab]!.RenewalsTaken]++;
        }

        foreach ((double share, double p) in new[] { ((counts[1] + counts[2]) / (double)n, 0.65), (counts[2] / (double)n, 0.65 * 0.65) })
        {
            double se = Math.Sqrt(p * (1 - p) / n);
            Assert.True(Math.Abs(share - p) < 4 * se, $"share {share}, expected {p} ± {se}");
        }
    }

    /// <summary>Antithetic: path 2k+1 negates every normal of path 2k (ε → −ε). At p = 50% an option is taken when ε &lt;
    /// 0, so exactly one path of each pair takes the first renewal.</summary>
    [Fact]
    public void Antithetic_pairs_mirror_the_first_option()
    {
        var source = new StochasticPaths(Deal, Alone(0.5, antithetic: true), 67, 2000);
        var inputs = new PathInputs(Deal);
        for (int pair = 0; pair < 1000; pair++)
        {
            source.Fill(2 * pair, inputs);
            bool first = source.Drawn(inputs).Contracts[lab]!.RenewalsTaken > 0;
            source.Fill((2 * pair) + 1, inputs);
            bool second = source.Drawn(inputs).Contracts[lab]!.RenewalsTaken > 0;
            Assert.NotEqual(first, second);
        }
    }

    /// <summary>
    /// RenewalsDrawn draws LabDeal's break in renewal 1 at 6m with 20% beside its drawn renewals: a path that takes
    /// renewal 1 breaks with 20%, one that does not never breaks in it, so the share broken is P(K ≥ 1) × 20%. Unloaded at
    /// p = 65%: 13%, within four binomial standard errors over 16,384 paths (0.26%). A broken path keeps its drawn count
    /// (the break's levers carry it) and is broken 6 months into renewal 1, 42 months from the start.
    /// </summary>
    [Fact]
    public void A_drawn_renewal_break_is_seen_only_on_paths_that_take_that_renewal()
    {
        const int n = 16384;
        StochasticSpec s = loaded.Stochastic!;
        Assert.Equal(new BreakModel(BreakOf.Contract, lab, [42], [0.2], [0]) { Renewal = 1 }, s.Breaks.Single());
        ScenarioSpec unloaded = loaded with { Stochastic = s with { Renewals = [new RenewalModel(lab, 0.65, [0]) { Of = BreakOf.Contract }] } };
        var source = new StochasticPaths(Deal, unloaded, 67, n);
        var inputs = new PathInputs(Deal);
        int broken = 0;
        var takenWhenBroken = new HashSet<int>();
        for (int path = 0; path < n; path++)
        {
            source.Fill(path, inputs);
            ContractLevers levers = source.Drawn(inputs).Contracts[lab]!;
            if (levers.BreakMonths is { } at)
            {
                Assert.Equal(42, at);
                Assert.True(levers.RenewalsTaken >= 1);
                takenWhenBroken.Add(levers.RenewalsTaken);
                broken++;
            }
        }

        Assert.Equal([1, 2], takenWhenBroken.Order());
        double share = broken / (double)n, p = 0.65 * 0.2, se = Math.Sqrt(p * (1 - p) / n);
        Assert.True(Math.Abs(share - p) < 4 * se, $"share broken {share}, expected {p} ± {se}");
    }

    /// <summary>A negative loading on H100Rent (as RenewalsDrawn writes it) takes more renewals where the rent's path
    /// shock is high: over 4,000 paths, the mean count on paths whose rent ends above its trend exceeds the one below.</summary>
    [Fact]
    public void A_negative_loading_renews_more_where_the_rent_is_high()
    {
        var source = new StochasticPaths(Deal, loaded, 67, 4000);
        var inputs = new PathInputs(Deal);
        int rent = Array.FindIndex(Deal.Indices, i => i.Name == "H100Rent");
        var trend = new PathInputs(Deal);
        new ScenarioPaths(new DealPaths(Deal), [renewsOnce]).Fill(0, trend);
        double trendEnd = trend.IndexLevel[rent][^1];
        double high = 0, low = 0;
        int nHigh = 0, nLow = 0;
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            int taken = source.Drawn(inputs).Contracts[lab]!.RenewalsTaken;
            if (inputs.IndexLevel[rent][^1] > trendEnd)
            {
                high += taken;
                nHigh++;
            }
            else
            {
                low += taken;
                nLow++;
            }
        }

        Assert.True(high / nHigh > (low / nLow) + 0.2, $"mean taken {high / nHigh} (rent above trend) against {low / nLow}");
    }

    /// <summary>Every path of DrawnAlone with RenewalsDrawn's break in renewal 1 (no factor, so no drawn index row) is
    /// the deterministic scenario of its draws (<see cref="StochasticPaths.Drawn"/>, what <c>run</c> of path 0 and the
    /// party rows of <c>--replay-path</c> read), bit for bit, with cash conserved every period, each outcome seen;
    /// RenewalsDrawn's engine run on two threads conserves cash too, and its report is the same bytes on one thread and
    /// on two.</summary>
    [Fact]
    public void Paths_are_the_deterministic_runs_of_their_draws_and_conserve_cash()
    {
        ScenarioSpec withBreak = alone with
        {
            Stochastic = alone.Stochastic! with { Breaks = [new BreakModel(BreakOf.Contract, lab, [42], [0.2], []) { Renewal = 1 }] },
        };
        var source = new StochasticPaths(Deal, withBreak, 67, 200);
        var inputs = new PathInputs(Deal) { CheckCashConservation = true };
        var replayed = new PathInputs(Deal) { CheckCashConservation = true };
        var result = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        var again = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        var seen = new HashSet<(int, int?)>();
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            Assert.Null(drawn.Stochastic);
            seen.Add((drawn.Contracts[lab]!.RenewalsTaken, drawn.Contracts[lab]!.BreakMonths));
            new ScenarioPaths(new DealPaths(Deal), [drawn]).Fill(0, replayed);
            host.Program.Run(inputs, result);
            host.Program.Run(replayed, again);
            Assert.Equal(result.ContractRevenue[lab], again.ContractRevenue[lab]);
            Assert.Equal(result.Distributions[0], again.Distributions[0]);
        }

        Assert.Superset(new HashSet<(int, int?)> { (0, null), (1, null), (2, null), (1, 42) }, seen);
        Assert.Equal(2000, new SimulationEngine(host.Program, new StochasticPaths(Deal, loaded, 67, 2000), checkCash: true).Run(0, 2000, threads: 2).Paths);
        string[] args = ["mc", DealPath, "--scenario", "RenewalsDrawn", "--paths", "1000", "--format", "csv"];
        CliOutcome one = CliHarness.Run([.. args, "--threads", "1"]), two = CliHarness.Run([.. args, "--threads", "2"]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(one.Out, two.Out);
    }

    /// <summary>
    /// Existing scenarios draw exactly what they drew before a contract's renewals could be drawn: the figures below are
    /// the <c>mc --format csv</c> reports of commit e39ffa50 (before this feature), every path's draws summed into them
    /// to the last digit. Valid 063's RenewsAndMayBreak draws a lease's renewals and breaks (2,000 paths), valid 017's
    /// RentsAndDefaults draws index processes, jumps, regimes and defaults beside two contracts (1,000 paths).
    /// </summary>
    [Theory]
    [InlineData("063-lease-breaks-drawn-in-its-renewals.deal", "RenewsAndMayBreak", "2000", "Eq,IRR mean,-0.28127787084598094,0.003804583090237058")]
    [InlineData("063-lease-breaks-drawn-in-its-renewals.deal", "RenewsAndMayBreak", "2000", "Senior,expected loss,8094545.45,145213.65")]
    [InlineData("017-stochastic-rents-rates-and-defaults.deal", "RentsAndDefaults", "1000", "Eq,IRR mean,0.41759650500421414,0.0045623607417622026")]
    [InlineData("017-stochastic-rents-rates-and-defaults.deal", "RentsAndDefaults", "1000", "Loan,expected loss,4021268.50,219298.09")]
    public void Existing_scenarios_draw_what_they_drew(string deal, string scenario, string paths, string line)
    {
        CliOutcome report = CliHarness.Run("mc", Path.Combine(RepoPaths.Tests, "corpus", "valid", deal), "--scenario", scenario, "--paths", paths, "--format", "csv");
        Assert.Equal(0, report.Exit);
        Assert.Contains(line, report.Out.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    // A report's period ledger: the lines after its two title lines, up to the next section's title.
    static string Ledger(string report)
    {
        string[] lines = report.Split('\n');
        int end = Array.FindIndex(lines, 1, l => l.StartsWith("== ", StringComparison.Ordinal));
        return string.Join('\n', lines[2..end]);
    }
}
