using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20% loading Site.value 80%</c> (docs/language.md §10, "Drawn
/// workout lags") on valid corpus 062: the campus's value is drawn as a deflation m + s Z (3% + 10% Z a year, one factor
/// drawn directly, Z = ξ), and the lag is D_j for the first j with Φ(√(1 − β²) ε + β Z) &lt; p₁ + … + p_j, ε the lag's own
/// normal at the place its uniform has unloaded (as a loaded drawn delay's, LoadedDrawnDelayTests). A high Z (the value
/// falling faster: a bad market) draws the longer lags.
/// </summary>
public sealed class LoadedDrawnWorkoutTests : IDisposable
{
    static readonly string DealPath = Path.Combine(RepoPaths.Tests, "corpus", "valid", "062-private-credit-workout-longer-where-the-campus-value-falls.deal");
    readonly DealHost host;
    readonly ScenarioSpec loaded;
    readonly int miner;

    public LoadedDrawnWorkoutTests()
    {
        var compiled = DealCompiler.Compile(DealFile.Compile(DealPath, null));
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        loaded = compiled.Model!.Scenarios.Single(s => s.Name == "SlowerWhereValueFalls");
        miner = Array.FindIndex(Deal.Parties, p => p.Name == "Miner");
        Assert.Equal("Site.value", loaded.Stochastic!.Factors.Single().Name);
        Assert.Equal([0.8], loaded.Stochastic.Workouts.Single().Loadings);
        Assert.Empty(compiled.Model.Scenarios.Single(s => s.Name == "IndependentWorkout").Stochastic!.Workouts.Single().Loadings);
    }

    DealDescription Deal => host.Program.Description;

    public void Dispose() => host.Dispose();

    /// <summary>The scenario with the lag's loading replaced by <paramref name="beta"/> (none: unloaded), and its
    /// sampling by <paramref name="antithetic"/>.</summary>
    ScenarioSpec With(double[]? beta, bool antithetic = false)
    {
        StochasticSpec s = loaded.Stochastic!;
        WorkoutModel lag = s.Workouts.Single();
        return loaded with
        {
            Stochastic = s with { Antithetic = antithetic, Workouts = [new WorkoutModel(lag.Party, lag.Months, lag.Probabilities) { Loadings = beta ?? [] }] },
        };
    }

    /// <summary>Each path's lag (months) and its factor's path shock Z, recovered from its drawn deflation 3% + 10% Z.</summary>
    (int[] Lags, double[] Shocks) Draw(StochasticPaths source)
    {
        var inputs = new PathInputs(Deal);
        var lags = new int[source.Count];
        var shocks = new double[source.Count];
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            lags[path] = drawn.PartyWorkoutMonths[miner]!.Value;
            shocks[path] = (drawn.FacilityStress[0].DeflatePerYear - 0.03) / 0.10;
        }

        return (lags, shocks);
    }

    /// <summary>The lag for a uniform, against the cumulative probabilities 30%, 30% + 50%, 1, as the runtime compares.</summary>
    static int Outcome(double u) => u < 0.3 ? 6 : u < 0.3 + 0.5 ? 18 : 36;

    /// <summary>
    /// Unloaded, the lag draws exactly what it drew before loadings existed: the stream's second uniform (after ξ, a dated
    /// default drawing nothing) compared with the cumulative probabilities, on every path, bit for bit; a loading of 0 is
    /// no loading; and corpus 062's IndependentWorkout, written without one, draws the same.
    /// </summary>
    [Fact]
    public void An_unloaded_lag_draws_its_own_uniform_bit_for_bit()
    {
        const int n = 2000;
        (int[] unloaded, double[] shocks) = Draw(new StochasticPaths(Deal, With(null), 62, n));
        (int[] zero, double[] zeroShocks) = Draw(new StochasticPaths(Deal, With([0.0]), 62, n));
        for (int path = 0; path < n; path++)
        {
            var rng = new PathStream(62, (uint)path, mirrored: false);
            rng.Normal(); // ξ: the factor's path shock
            Assert.Equal(Outcome(rng.Uniform()), unloaded[path]);
        }

        Assert.Equal(unloaded, zero);
        Assert.Equal(shocks, zeroShocks);
    }

    /// <summary>
    /// Path 0 at seed 62, by hand: the stream gives ξ = Z, then the lag's normal ε (where its uniform was); with
    /// β = 0.8, √(1 − β²) = 0.6, X = 0.6 ε + 0.8 Z and U = Φ(X), compared with 30% and 80%. The test prints Z and ε to
    /// 4 places and checks X, U and the lag; every path is then checked the same way against the source's draw, and
    /// the factor's shock is the same loaded or not (loading the lag moves no other draw).
    /// </summary>
    [Fact]
    public void A_loaded_lag_is_the_copula_of_its_normal_and_the_factor()
    {
        var rng0 = new PathStream(62, 0, mirrored: false);
        double z0 = rng0.Normal(), eps0 = rng0.Normal();
        Assert.Equal("Z = 1.2091, ε = -0.4642", $"Z = {z0:F4}, ε = {eps0:F4}");
        // X = 0.6 × (−0.4642) + 0.8 × 1.2091 = −0.2785 + 0.9673 = 0.6888; U = Φ(0.6888) = 0.7545, in [30%, 80%): 18m (the
        // campus's value falling faster than expected pushes U up from the unloaded Φ(−0.4642) = 0.3213, 18m too).
        Assert.InRange((0.6 * eps0) + (0.8 * z0), 0.6887, 0.6889);
        Assert.InRange(NormalQuantile.Cdf((0.6 * eps0) + (0.8 * z0)), 0.7544, 0.7546);

        const int n = 2000;
        (int[] lags, double[] shocks) = Draw(new StochasticPaths(Deal, loaded, 62, n));
        (_, double[] unloadedShocks) = Draw(new StochasticPaths(Deal, With(null), 62, n));
        Assert.Equal(18, lags[0]);
        Assert.Equal(unloadedShocks, shocks);
        for (int path = 0; path < n; path++)
        {
            var rng = new PathStream(62, (uint)path, mirrored: false);
            double z = rng.Normal(), eps = rng.Normal();
            Assert.Equal(Outcome(NormalQuantile.Cdf((0.6 * eps) + (0.8 * z))), lags[path]);
        }
    }

    /// <summary>
    /// Loaded 80%, the lag keeps its distribution and follows the factor. X = 0.6 ε + 0.8 Z is a standard normal, so U =
    /// Φ(X) is uniform and over all 16,000 paths the shares of 6m, 18m, 36m are 30%, 50%, 20% within four binomial
    /// standard errors √(p (1 − p) / n) (0.36%, 0.40%, 0.32% each × 4). Given Z = z, X is normal with mean 0.8 z and sd
    /// 0.6, so P(36m | z) = 1 − Φ((Φ⁻¹(80%) − 0.8 z) / 0.6) and P(6m | z) = Φ((Φ⁻¹(30%) − 0.8 z) / 0.6), Φ⁻¹(80%) = 0.8416,
    /// Φ⁻¹(30%) = −0.5244. Averaged over the bad-market paths Z &gt; 1 (a share 1 − Φ(1) = 15.87%, about 2,540 paths) by
    /// numerical integration of φ(z) over (1, ∞) divided by 15.87%: P(6m | Z &gt; 1) = 0.42%, P(18m | Z &gt; 1) = 29.44%,
    /// P(36m | Z &gt; 1) = 70.13%; over the good-market paths Z &lt; −1, by symmetry of the same integral, 84.27%,
    /// 15.65%, 0.09%. The conditional shares are checked within four binomial standard errors of the paths counted
    /// (for 36m given Z &gt; 1 about √(0.7013 × 0.2987 / 2540) = 0.91%, so ± 3.6%). Unloaded, the shares given Z &gt; 1
    /// stay the unconditional 30%, 50%, 20% within the same bound.
    /// </summary>
    [Fact]
    public void A_loading_draws_the_longer_lags_in_a_bad_market_and_keeps_the_shares()
    {
        const int n = 16_000;
        (int[] lags, double[] shocks) = Draw(new StochasticPaths(Deal, loaded, 62, n));
        foreach ((int months, double p) in new[] { (6, 0.3), (18, 0.5), (36, 0.2) })
        {
            AssertShare(lags, months, p);
        }

        int[] bad = [.. Enumerable.Range(0, n).Where(i => shocks[i] > 1).Select(i => lags[i])];
        int[] good = [.. Enumerable.Range(0, n).Where(i => shocks[i] < -1).Select(i => lags[i])];
        Assert.InRange(bad.Length, 2300, 2780); // 15.87% of 16,000 = 2,539, ± 4 binomial SEs (185)
        AssertShare(bad, 6, 0.0042);
        AssertShare(bad, 18, 0.2944);
        AssertShare(bad, 36, 0.7013);
        AssertShare(good, 6, 0.8427);
        AssertShare(good, 18, 0.1565);
        AssertShare(good, 36, 0.0009);

        (int[] unloaded, double[] unloadedShocks) = Draw(new StochasticPaths(Deal, With(null), 62, n));
        int[] badUnloaded = [.. Enumerable.Range(0, n).Where(i => unloadedShocks[i] > 1).Select(i => unloaded[i])];
        AssertShare(badUnloaded, 6, 0.3);
        AssertShare(badUnloaded, 36, 0.2);
    }

    /// <summary>Antithetic: path 2k+1 negates ε and Z, so its X is −X. A path drawing 36m (X ≥ Φ⁻¹(80%) = 0.8416) has a
    /// mirror with −X ≤ −0.8416 &lt; Φ⁻¹(30%) = −0.5244: 6m.</summary>
    [Fact]
    public void Antithetic_pairs_mirror_a_loaded_lag()
    {
        (int[] lags, double[] shocks) = Draw(new StochasticPaths(Deal, With([0.8], antithetic: true), 62, 2000));
        for (int pair = 0; pair < 1000; pair++)
        {
            Assert.Equal(-shocks[2 * pair], shocks[(2 * pair) + 1], 12);
            if (lags[2 * pair] == 36)
            {
                Assert.Equal(6, lags[(2 * pair) + 1]);
            }
        }
    }

    static void AssertShare(int[] lags, int months, double p)
    {
        double share = lags.Count(d => d == months) / (double)lags.Length;
        double se = Math.Sqrt(p * (1 - p) / lags.Length);
        Assert.True(Math.Abs(share - p) <= (4 * se) + (1.0 / lags.Length), $"P({months}m) = {share} over {lags.Length} paths, expected {p} ± {4 * se}");
    }
}
