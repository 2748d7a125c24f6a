using System.Globalization;
using System.Text.Json;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>Built delayed drawn 0m with 60%, 6m with 30%, 12m with 10% loading Site.value 90%</c> (docs/language.md §10, "Drawn
/// delays") on valid corpus 057: the campus's value is drawn as a deflation m + s Z (3% + 10% Z a year, one factor drawn
/// directly, Z = ξ), and the delay is D_j for the first j with Φ(√(1 − β²) ε + β Z) &lt; p₁ + … + p_j, ε the delay's own
/// normal at the place its uniform has unloaded. A high Z (the value falling faster) draws the longer delays.
/// </summary>
public sealed class LoadedDrawnDelayTests : IDisposable
{
    static readonly string DealPath = Path.Combine(RepoPaths.Tests, "corpus", "valid", "057-construction-delay-tied-to-the-campus-value.deal");
    static readonly Date OnTime = new(2026, 12, 31), HalfYearLate = new(2027, 6, 30), YearLate = new(2027, 12, 31);
    readonly DealHost host;
    readonly ScenarioSpec loaded;
    readonly int built;

    public LoadedDrawnDelayTests()
    {
        var compiled = DealCompiler.Compile(DealFile.Compile(DealPath, null));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        loaded = compiled.Model!.Scenarios.Single(s => s.Name == "LateWhereValueFalls");
        built = Array.FindIndex(Deal.Indices, i => i.Name == "Built");
        Assert.Equal("Site.value", loaded.Stochastic!.Factors.Single().Name);
        Assert.Equal([0.9], loaded.Stochastic.Delays.Single().Loadings);
    }

    DealDescription Deal => host.Program.Description;

    public void Dispose() => host.Dispose();

    /// <summary>The scenario with the delay's loading replaced by <paramref name="beta"/> (none: unloaded) and its
    /// sampling by <paramref name="antithetic"/> or <paramref name="sobol"/>.</summary>
    ScenarioSpec With(double[]? beta, bool antithetic = false, bool sobol = false, double[]? probabilities = null, int[]? months = null)
    {
        StochasticSpec s = loaded.Stochastic!;
        DelayModel delay = s.Delays.Single();
        return loaded with
        {
            Stochastic = s with
            {
                Antithetic = antithetic,
                Sobol = sobol,
                Delays = [new DelayModel(delay.Index, months ?? delay.Months, probabilities ?? delay.Probabilities) { Loadings = beta ?? [] }],
            },
        };
    }

    /// <summary>The delay (months) a path drew, read from its drawn scenario: Built's first point moved from 2026-12-31.</summary>
    int DelayOf(ScenarioSpec drawn)
    {
        Date first = (drawn.Indices.Length == 0 ? null : drawn.Indices[built])?.Points?.Dates[0] ?? OnTime;
        return first == OnTime ? 0 : first == HalfYearLate ? 6 : first == YearLate ? 12 : throw new InvalidOperationException($"Built moved to {first}");
    }

    /// <summary>Each path's delay and its factor's path shock Z, recovered from its drawn deflation 3% + 10% Z.</summary>
    (int[] Delays, double[] Shocks) Draw(StochasticPaths source)
    {
        var inputs = new PathInputs(Deal);
        var delays = new int[source.Count];
        var shocks = new double[source.Count];
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            delays[path] = DelayOf(drawn);
            shocks[path] = (drawn.FacilityStress[0].DeflatePerYear - 0.03) / 0.10;
        }

        return (delays, shocks);
    }

    /// <summary>Outcome of the cumulative probabilities 60%, 60% + 30%, 1 for a uniform, as the runtime compares it.</summary>
    static int Outcome(double u) => u < 0.6 ? 0 : u < 0.6 + 0.3 ? 6 : 12;

    /// <summary>
    /// Unloaded, the delay draws exactly what it drew before loadings existed: the stream's second uniform (after ξ)
    /// compared with the cumulative probabilities, on every path, bit for bit; a loading of 0 is no loading.
    /// </summary>
    [Fact]
    public void An_unloaded_delay_draws_its_own_uniform_bit_for_bit()
    {
        const int n = 2000;
        (int[] unloaded, _) = Draw(new StochasticPaths(Deal, With(null), 57, n));
        (int[] zero, _) = Draw(new StochasticPaths(Deal, With([0.0]), 57, n));
        for (int path = 0; path < n; path++)
        {
            var rng = new PathStream(57, (uint)path, mirrored: false);
            rng.Normal(); // ξ: the factor's path shock
            Assert.Equal(Outcome(rng.Uniform()), unloaded[path]);
        }

        Assert.Equal(unloaded, zero);
    }

    /// <summary>
    /// Path 0 at seed 57, by hand: the stream gives ξ = Z, then the delay's normal ε (where its uniform was):
    ///   Z = −2.2079, ε = −0.8220 (printed by the test to 4 places);
    ///   X = √(1 − 0.9²) ε + 0.9 Z = 0.4359 × (−0.8220) − 1.9871 = −2.3454, U = Φ(−2.3454) = 0.0095,
    /// below 60%: on time (the campus's value rising, Z far below 0; unloaded, its uniform Φ(−0.8220) = 0.2055 is on time
    /// too). Every path is checked the same way against the source's draw.
    /// </summary>
    [Fact]
    public void A_loaded_delay_is_the_copula_of_its_normal_and_the_factor()
    {
        var rng0 = new PathStream(57, 0, mirrored: false);
        double z0 = rng0.Normal(), eps0 = rng0.Normal();
        Assert.Equal("Z = -2.2079, ε = -0.8220", $"Z = {z0:F4}, ε = {eps0:F4}");
        double own = Math.Sqrt(1 - (0.9 * 0.9));
        Assert.Equal(-2.3454, (own * eps0) + (0.9 * z0), 4);
        Assert.Equal(0.0095, NormalQuantile.Cdf((own * eps0) + (0.9 * z0)), 4);

        const int n = 2000;
        (int[] delays, _) = Draw(new StochasticPaths(Deal, loaded, 57, n));
        Assert.Equal(0, delays[0]);
        for (int path = 0; path < n; path++)
        {
            var rng = new PathStream(57, (uint)path, mirrored: false);
            double z = rng.Normal(), eps = rng.Normal();
            Assert.Equal(Outcome(NormalQuantile.Cdf((own * eps) + (0.9 * z))), delays[path]);
        }
    }

    /// <summary>
    /// Loaded 90%, the delay follows the factor and keeps its distribution. X = √0.19 ε + 0.9 Z is a standard normal, so
    /// U = Φ(X) is uniform and the shares of 0m, 6m, 12m are 60%, 30%, 10%: on 8,000 paths within four binomial standard
    /// errors √(p (1 − p) / n) (0.55%, 0.51%, 0.34%). The correlation of Z and D: Cov(Z, X) = 0.9 and
    /// E[Z 1{X &gt; c}] = 0.9 φ(c), so E[Z D] = 6 × 0.9 (φ(Φ⁻¹(60%)) + φ(Φ⁻¹(90%))) = 5.4 × (0.3863 + 0.1755) = 3.0339;
    /// E[D] = 3, E[D²] = 36 × 30% + 144 × 10% = 25.2, sd D = √(25.2 − 9) = 4.0249, so ρ(Z, D) = 3.0339 / 4.0249 = 0.7538,
    /// within 0.03 on 8,000 paths (its standard error is about (1 − ρ²)/√n = 0.005). Unloaded it is 0, within 0.05.
    /// </summary>
    [Fact]
    public void A_loading_of_ninety_percent_ties_the_delay_to_the_factor_and_keeps_its_shares()
    {
        const int n = 8000;
        (int[] delays, double[] shocks) = Draw(new StochasticPaths(Deal, loaded, 57, n));
        foreach ((int months, double p) in new[] { (0, 0.6), (6, 0.3), (12, 0.1) })
        {
            double share = delays.Count(d => d == months) / (double)n;
            double se = Math.Sqrt(p * (1 - p) / n);
            Assert.True(Math.Abs(share - p) < 4 * se, $"P({months}m) = {share}, expected {p} ± {4 * se}");
        }

        Assert.InRange(Correlation(shocks, delays), 0.7538 - 0.03, 0.7538 + 0.03);
        (int[] unloaded, double[] unloadedShocks) = Draw(new StochasticPaths(Deal, With(null), 57, n));
        Assert.InRange(Correlation(unloadedShocks, unloaded), -0.05, 0.05);
    }

    /// <summary>Antithetic: path 2k+1 negates ε and Z, so its X is −X. At 0m and 6m with 50% each, loaded 90%, the 6m
    /// delay is drawn where X ≥ 0: exactly one path of each pair is late.</summary>
    [Fact]
    public void Antithetic_pairs_mirror_a_loaded_delay()
    {
        var source = new StochasticPaths(Deal, With([0.9], antithetic: true, probabilities: [0.5, 0.5], months: [0, 6]), 57, 2000);
        (int[] delays, double[] shocks) = Draw(source);
        for (int pair = 0; pair < 1000; pair++)
        {
            Assert.Equal(-shocks[2 * pair], shocks[(2 * pair) + 1], 12);
            Assert.Equal(6, delays[2 * pair] + delays[(2 * pair) + 1]);
        }
    }

    /// <summary>Under <c>sobol</c> the delay's normal is its own dimension's (after the factor's): the shares keep
    /// p within the binomial bound of the test above, on 4,096 points, and the tie to the factor holds.</summary>
    [Fact]
    public void Under_sobol_a_loaded_delay_keeps_its_shares_and_its_tie()
    {
        const int n = 4096;
        var source = new StochasticPaths(Deal, With([0.9], sobol: true), 57, n);
        Assert.True(source.UsesSobol);
        (int[] delays, double[] shocks) = Draw(source);
        foreach ((int months, double p) in new[] { (0, 0.6), (6, 0.3), (12, 0.1) })
        {
            double share = delays.Count(d => d == months) / (double)n;
            Assert.True(Math.Abs(share - p) < 4 * Math.Sqrt(p * (1 - p) / n), $"P({months}m) = {share}, expected {p}");
        }

        Assert.InRange(Correlation(shocks, delays), 0.7538 - 0.04, 0.7538 + 0.04);
    }

    /// <summary>
    /// <c>mc --replay-path P</c> of a loaded path runs the deterministic scenario of its draws: on the first path that
    /// draws 12m the notes lose YearLate's 7,516,410.96 (as valid 038's do, DrawnDelayTests), on the first that draws 0m
    /// nothing; and the Monte Carlo run loses on exactly the paths drawing 12m, which the copula puts where Z is high.
    /// </summary>
    [Fact]
    public void A_replayed_loaded_path_is_the_fixed_delay_it_drew()
    {
        const int n = 4000; // the scenario's own paths, at its seed 57
        (int[] delays, double[] shocks) = Draw(new StochasticPaths(Deal, loaded, 57, n));
        int late = Array.IndexOf(delays, 12), onTime = Array.IndexOf(delays, 0);
        Assert.True(late >= 0 && onTime >= 0);
        Assert.Equal(7_516_410.96, Loss(["mc", DealPath, "--scenario", "LateWhereValueFalls", "--replay-path", late.ToString(CultureInfo.InvariantCulture)]), 1e-6);
        Assert.Equal(0, Loss(["mc", DealPath, "--scenario", "LateWhereValueFalls", "--replay-path", onTime.ToString(CultureInfo.InvariantCulture)]));
        Assert.Equal(7_516_410.96, Loss(["run", DealPath, "--scenario", "YearLate"]), 1e-6);

        CliOutcome mc = CliHarness.Run("mc", DealPath, "--scenario", "LateWhereValueFalls", "--format", "json");
        Assert.True(mc.Exit == ExitCodes.Ok, mc.ToString());
        int lateCount = delays.Count(d => d == 12);
        Assert.Equal(lateCount, JsonDocument.Parse(mc.Out).RootElement.GetProperty("tranches")[0].GetProperty("pathsWithLoss").GetInt32());

        // The late paths are the falling-value ones: their mean Z is E[Z | X > Φ⁻¹(90%)] = 0.9 φ(1.2816) / 10% = 1.58.
        double meanLateShock = Enumerable.Range(0, n).Where(i => delays[i] == 12).Average(i => shocks[i]);
        Assert.InRange(meanLateShock, 1.58 - 0.15, 1.58 + 0.15);
    }

    /// <summary>A scenario built without the compiler (a hand-made spec) whose loaded delay's months are not increasing
    /// is refused by the source, as DL0516 refuses it in a deal; the same months unloaded are drawn.</summary>
    [Fact]
    public void The_source_refuses_a_loaded_delay_whose_months_are_not_increasing()
    {
        var error = Assert.Throws<ArgumentException>(() => new StochasticPaths(Deal, With([0.9], months: [6, 0, 12]), 57, 10));
        Assert.StartsWith("Stochastic scenario 'LateWhereValueFalls': index 'Built''s drawn delay has loadings and its months are not increasing", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, new StochasticPaths(Deal, With(null, months: [6, 0, 12]), 57, 10).Count);
    }

    /// <summary>The notes' principal loss of a run or a replayed path (the summary's first scenario's first tranche).</summary>
    static double Loss(string[] args)
    {
        CliOutcome ran = CliHarness.Run([.. args, "--format", "json"]);
        Assert.True(ran.Exit == ExitCodes.Ok, ran.ToString());
        // One report, named for the deal (and, replayed, the scenario and path): the summary's first tranche.
        JsonElement summary = JsonDocument.Parse(ran.Out).RootElement.EnumerateObject().Single(p => p.Name.EndsWith(".summary", StringComparison.Ordinal)).Value;
        return summary.GetProperty("scenarios")[0].GetProperty("tranches")[0].GetProperty("principalLoss").GetDouble();
    }

    static double Correlation(double[] x, int[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
