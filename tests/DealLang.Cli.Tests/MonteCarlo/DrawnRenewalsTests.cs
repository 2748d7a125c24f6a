using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// <c>MetaLease renewals drawn p [loading F β]</c> (docs/language.md §10, "Drawn renewals") on examples/hyperion.deal with
/// examples/hyperion-mc.scenarios' StochasticRent: MetaLease has four 4-year options; option j is taken when the one
/// before was and √(1 − β²) ε_j + β Z_F &lt; Φ⁻¹(p). The number taken K is then, given Z_F, truncated geometric with
/// q(Z) = Φ((Φ⁻¹(p) − β Z) / √(1 − β²)): P(K = k | Z) = q^k (1 − q) for k &lt; 4 and q⁴ for k = 4.
/// </summary>
public sealed class DrawnRenewalsTests : IDisposable
{
    const int Options = 4;
    readonly DealHost host;
    readonly ScenarioSpec rent;
    readonly int lease;

    public DrawnRenewalsTests()
    {
        var compilation = DealFile.Compile(Path.Combine(RepoPaths.Root, "examples/hyperion.deal"), [Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios")]);
        var compiled = DealCompiler.Compile(compilation);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        rent = compiled.Model!.Scenarios.Single(s => s.Name == "StochasticRent");
        lease = Array.FindIndex(Deal.Leases, l => l.Name == "MetaLease");
        Assert.Equal(Options, Deal.Leases[lease].RenewalCount);
    }

    DealDescription Deal => host.Program.Description;

    public void Dispose() => host.Dispose();

    /// <summary>StochasticRent with MetaLease's renewals drawn at <paramref name="p"/> with loading
    /// <paramref name="beta"/> on Campus.value (factor 0), antithetic or not, or Sobol.</summary>
    ScenarioSpec Drawn(double p, double beta, bool antithetic = false, bool sobol = false)
    {
        StochasticSpec s = rent.Stochastic!;
        Assert.Equal("Campus.value", s.Factors[0].Name);
        var loadings = new double[s.Factors.Length];
        loadings[0] = beta;
        var taken = (int?[])rent.RenewalsTaken.Clone();
        taken[lease] = null;
        return rent with
        {
            RenewalsTaken = taken,
            Stochastic = s with { Antithetic = antithetic, Sobol = sobol, Renewals = [new RenewalModel(lease, p, loadings)] },
        };
    }

    int[] Counts(StochasticPaths source, PathInputs inputs)
    {
        var counts = new int[Options + 1];
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            counts[source.Drawn(inputs).RenewalsTaken[lease]!.Value]++;
        }

        return counts;
    }

    /// <summary>P(K = k) against the closed form p^k (1 − p), p⁴ for all four, within four standard errors
    /// √(P(1 − P) / n). p = 60%: 40%, 24%, 14.4%, 8.64%, 12.96%. Sobol's points are not independent, and the same bound
    /// (which overstates its error) holds for it.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_number_taken_is_truncated_geometric_without_a_loading(bool sobol)
    {
        const double p = 0.6;
        const int n = 16384;
        var source = new StochasticPaths(Deal, Drawn(p, 0, sobol: sobol), 42, n);
        Assert.Equal(sobol, source.UsesSobol);
        int[] counts = Counts(source, new PathInputs(Deal));
        double[] expected = [0.4, 0.24, 0.144, 0.0864, 0.1296];
        for (int k = 0; k <= Options; k++)
        {
            double share = counts[k] / (double)n, se = Math.Sqrt(expected[k] * (1 - expected[k]) / n);
            Assert.True(Math.Abs(share - expected[k]) < 4 * se, $"P(K = {k}) = {share}, expected {expected[k]} ± {se}");
        }
    }

    /// <summary>With a 60% loading on Campus.value, P(K = k) = E[q(Z)^k (1 − q(Z))] (q(Z)⁴ for four), Z a standard
    /// normal, integrated by the trapezoid rule on [−9, 9] in steps of 0.001 (the integrand is smooth, the tails beyond
    /// 9 weigh under 1e-18). It differs from the unloaded law (the options move together through Z: P(4) rises from
    /// 12.96%), and the simulated shares match it within four standard errors.</summary>
    [Fact]
    public void The_number_taken_follows_the_copula_with_a_loading()
    {
        const double p = 0.6, beta = 0.6;
        const int n = 16384;
        var source = new StochasticPaths(Deal, Drawn(p, beta), 42, n);
        int[] counts = Counts(source, new PathInputs(Deal));
        double threshold = NormalQuantile.Inverse(p), own = Math.Sqrt(1 - (beta * beta));
        var expected = new double[Options + 1];
        const double h = 0.001;
        for (int i = 0; i <= 18000; i++)
        {
            double z = -9 + (i * h), weight = (i == 0 || i == 18000 ? 0.5 : 1) * h * Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
            double q = NormalQuantile.Cdf((threshold - (beta * z)) / own);
            for (int k = 0; k <= Options; k++)
            {
                expected[k] += weight * Math.Pow(q, k) * (k < Options ? 1 - q : 1);
            }
        }

        Assert.Equal(1.0, expected.Sum(), 1e-9);
        Assert.True(expected[Options] > 0.1296 + 0.03, $"P(4) with the loading is {expected[Options]}");
        for (int k = 0; k <= Options; k++)
        {
            double share = counts[k] / (double)n, se = Math.Sqrt(expected[k] * (1 - expected[k]) / n);
            Assert.True(Math.Abs(share - expected[k]) < 4 * se, $"P(K = {k}) = {share}, expected {expected[k]} ± {se}");
        }
    }

    /// <summary>The sign: a positive loading on Campus.value takes fewer renewals on paths whose campus deflates faster
    /// (a high shock), as Hyperion's scenario means it (Meta walks away when the campus is worth less).</summary>
    [Fact]
    public void A_positive_loading_takes_fewer_renewals_when_the_campus_deflates_faster()
    {
        var source = new StochasticPaths(Deal, Drawn(0.75, 0.8), 42, 4000);
        var inputs = new PathInputs(Deal);
        double fast = 0, slow = 0;
        int nFast = 0, nSlow = 0;
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            double deflation = drawn.FacilityStress[0].DeflatePerYear;
            int taken = drawn.RenewalsTaken[lease]!.Value;
            if (deflation > 0.04)
            {
                fast += taken;
                nFast++;
            }
            else
            {
                slow += taken;
                nSlow++;
            }
        }

        Assert.True(fast / nFast < slow / nSlow - 0.5, $"mean taken {fast / nFast} (faster deflation) against {slow / nSlow}");
    }

    /// <summary>Antithetic: path 2k+1 negates every normal of path 2k. At p = 50% unloaded, option 1 is taken when
    /// ε_1 &lt; 0, so exactly one path of each pair takes it.</summary>
    [Fact]
    public void Antithetic_pairs_mirror_the_first_option()
    {
        var source = new StochasticPaths(Deal, Drawn(0.5, 0, antithetic: true), 42, 2000);
        var inputs = new PathInputs(Deal);
        for (int pair = 0; pair < 1000; pair++)
        {
            source.Fill(2 * pair, inputs);
            bool first = source.Drawn(inputs).RenewalsTaken[lease] > 0;
            source.Fill((2 * pair) + 1, inputs);
            bool second = source.Drawn(inputs).RenewalsTaken[lease] > 0;
            Assert.NotEqual(first, second);
        }
    }

    /// <summary>The renewals' normals come after every other draw of the path: each path's default date, market-rent
    /// deflation and campus deflation are those of the scenario without drawn renewals, so adding the lever moves no
    /// other draw (existing scenarios keep their figures to the bit).</summary>
    [Fact]
    public void Drawing_renewals_moves_no_other_draw()
    {
        ScenarioSpec without = rent with { Stochastic = rent.Stochastic! with { Antithetic = true } };
        var before = new StochasticPaths(Deal, without, 42, 400);
        var after = new StochasticPaths(Deal, Drawn(0.6, 0.4, antithetic: true), 42, 400);
        var a = new PathInputs(Deal);
        var b = new PathInputs(Deal);
        for (int path = 0; path < before.Count; path++)
        {
            before.Fill(path, a);
            after.Fill(path, b);
            ScenarioSpec x = before.Drawn(a), y = after.Drawn(b);
            Assert.Equal(x.PartyDefaults, y.PartyDefaults);
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.MarketRentDeflation), BitConverter.DoubleToInt64Bits(y.MarketRentDeflation));
            Assert.Equal(BitConverter.DoubleToInt64Bits(x.FacilityStress[0].DeflatePerYear), BitConverter.DoubleToInt64Bits(y.FacilityStress[0].DeflatePerYear));
        }
    }

    /// <summary>Path i depends on (seed, i) only: filled in reverse order into other buffers (as another thread or
    /// shard would), every path takes the same renewals and gets the same lease rents, bit for bit.</summary>
    [Fact]
    public void A_path_is_the_same_in_any_order_and_buffer()
    {
        ScenarioSpec scenario = Drawn(0.6, 0.4, antithetic: true);
        var forward = new StochasticPaths(Deal, scenario, 42, 300);
        var backward = new StochasticPaths(Deal, scenario, 42, 300);
        var first = new int[300];
        var rents = new double[300][];
        var inputs = new PathInputs(Deal);
        for (int path = 0; path < 300; path++)
        {
            forward.Fill(path, inputs);
            first[path] = forward.Drawn(inputs).RenewalsTaken[lease]!.Value;
            rents[path] = [.. inputs.LeaseRent[lease]];
        }

        var other = new PathInputs(Deal);
        for (int path = 299; path >= 0; path--)
        {
            backward.Fill(path, other);
            Assert.Equal(first[path], backward.Drawn(other).RenewalsTaken[lease]);
            Assert.Equal(rents[path], other.LeaseRent[lease]);
        }

        Assert.True(first.Distinct().Count() > 2);
    }

    /// <summary>A path replayed as a deterministic scenario (<see cref="StochasticPaths.Drawn"/>, what
    /// <c>--replay-path</c> and <c>run</c> of path 0 read) takes the path's renewals: its inputs through the deterministic
    /// path building and its run's principal loss equal the path's, bit for bit.</summary>
    [Fact]
    public void A_replayed_path_equals_the_deterministic_run_of_its_draws()
    {
        var source = new StochasticPaths(Deal, Drawn(0.6, 0.4, antithetic: true), 42, 40);
        var inputs = new PathInputs(Deal);
        var replayed = new PathInputs(Deal);
        var result = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        var again = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        var seen = new HashSet<int>();
        for (int path = 0; path < source.Count; path++)
        {
            source.Fill(path, inputs);
            ScenarioSpec drawn = source.Drawn(inputs);
            Assert.Null(drawn.Stochastic);
            seen.Add(drawn.RenewalsTaken[lease]!.Value);
            new ScenarioPaths(new DealPaths(Deal), [drawn]).Fill(0, replayed);
            Assert.Equal(inputs.LeaseRent[lease], replayed.LeaseRent[lease]);
            Assert.Equal(inputs.LeaseEndPeriod[lease], replayed.LeaseEndPeriod[lease]);
            host.Program.Run(inputs, result);
            host.Program.Run(replayed, again);
            Assert.Equal(BitConverter.DoubleToInt64Bits(result.PrincipalLoss[0]), BitConverter.DoubleToInt64Bits(again.PrincipalLoss[0]));
        }

        Assert.True(seen.Count > 2, "the paths took different numbers of renewals");
    }

    /// <summary>The report is the same bytes on one thread and on three (Hyperion's StochasticRent, 2,000 paths).</summary>
    [Fact]
    public void The_report_is_the_same_on_any_number_of_threads()
    {
        string[] args = ["mc", Path.Combine(RepoPaths.Examples, "hyperion.deal"), "--scenarios", Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios"),
            "--scenario", "StochasticRent", "--paths", "2000", "--format", "csv"];
        CliOutcome one = CliHarness.Run([.. args, "--threads", "1"]), three = CliHarness.Run([.. args, "--threads", "3"]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(one.Out, three.Out);
    }
}
