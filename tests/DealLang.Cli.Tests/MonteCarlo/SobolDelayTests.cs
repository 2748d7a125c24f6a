using System.Globalization;
using System.Text;
using CsCheck;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A drawn delay under <c>sobol</c> (docs/language.md §10, "Sobol points"): its uniform is its own dimension of the
/// path's point, after the renewal options, so 2^m paths draw each delay in its share to within the point set's
/// resolution (the balance Philox's independent uniforms do not give), the draws before it do not move, and the
/// dimensions stay within the 32 of the embedded table (DL0544, and the path source's own check).
/// </summary>
public sealed class SobolDelayTests
{
    // DrawnDelayTests' campus (semiannual from 2026-01-01; half built 2026-12-31, all 2027-06-30): the completion row
    // at the period starts is 0, 0, 50%, 100%, … on time, one period later per 6 months' delay.
    private const string Campus = """
        deal Campus {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      semiannual
          daycount 30/360

          party Tenant { pd 2% recovery 40% }
          party Owner { }
          index Built { level 0%  points stepped { 2026-12-31 50%  2027-06-30 100% } }
          facility Site { cost 500m  value straight_line 20y }
          lease L on Site { lessee Tenant  rent 200m per year  starts 2026-01-01  term 3y  phased Built }

          tranche Notes { balance 300m  coupon 7.75% fixed  amortize linear  completion Built }
          equity  Eq    { contributed 10m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario QuasiDelay for Campus {
          paths 1024
          sobol
          Site.value deflate 4% per year volatility 3% per year
          Tenant defaults drawn loading Site.value -30%
          Built delayed drawn 0m with 60%, 6m with 25%, 12m with 15%
        }

        scenario QuasiNoDelay for Campus {
          paths 1024
          sobol
          Site.value deflate 4% per year volatility 3% per year
          Tenant defaults drawn loading Site.value -30%
        }

        scenario PhiloxDelay for Campus {
          paths 1024
          Site.value deflate 4% per year volatility 3% per year
          Tenant defaults drawn loading Site.value -30%
          Built delayed drawn 0m with 60%, 6m with 25%, 12m with 15%
        }
        """;

    private static readonly Lazy<(DealHost Host, IReadOnlyList<ScenarioSpec> Scenarios)> Compiled = new(() =>
    {
        var result = DealCompiler.Compile("campus.deal", Campus);
        Assert.True(result.Compiled is not null, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return (DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName), result.Model!.Scenarios);
    });

    private static readonly double[] Probabilities = [0.60, 0.25, 0.15];

    /// <summary>How many of <paramref name="paths"/> paths of <paramref name="scenario"/> at <paramref name="seed"/> draw
    /// each delay (0m, 6m, 12m), read from the completion row's first period above 0 (2 on time, 3 at 6m, 4 at 12m).</summary>
    private static int[] Counts(string scenario, ulong seed, int paths)
    {
        DealDescription deal = Compiled.Value.Host.Program.Description;
        var source = new StochasticPaths(deal, Compiled.Value.Scenarios.Single(s => s.Name == scenario), seed, paths);
        var inputs = new PathInputs(deal);
        int built = Array.FindIndex(deal.Indices, i => i.Name == "Built");
        var counts = new int[3];
        for (int p = 0; p < paths; p++)
        {
            source.Fill(p, inputs);
            counts[Array.FindIndex(inputs.IndexLevel[built], x => x > 0) - 2]++;
        }

        return counts;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    [InlineData(2026UL)]
    public void Two_to_the_m_sobol_paths_draw_each_delay_in_its_share_to_within_the_points_resolution(ulong seed)
    {
        // n = 2^10 points of one shifted Sobol dimension: each interval [k/n, (k + 1)/n) holds exactly one, so the
        // number below a cumulative probability c is ⌊cn⌋ or ⌈cn⌉: the share "delay ≤ Dⱼ" is c within 1/n, and each
        // outcome's share, a difference of two of them, its probability within 2/n (60%: 614.4 of 1,024 → 614 or 615).
        const int n = 1024;
        int[] counts = Counts("QuasiDelay", seed, n);
        double cumulative = 0;
        int below = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            cumulative += Probabilities[j];
            below += counts[j];
            Assert.InRange((double)below / n, cumulative - (1.0 / n), cumulative + (1.0 / n));
            Assert.InRange((double)counts[j] / n, Probabilities[j] - (2.0 / n), Probabilities[j] + (2.0 / n));
        }
    }

    [Fact]
    public void Philox_uniforms_are_not_balanced_so()
    {
        // The same 1,024 paths from the Philox stream (no 'sobol'): each share is off by about √(p (1 − p) / n), 0.015 for
        // 60% (15 paths), far beyond Sobol's 2/n; at seed 1 the counts are 596, 257 and 171 (the 0m share 58.2%, 18 paths
        // short of 614.4; 12m 16.7%, 17 over 153.6).
        int[] counts = Counts("PhiloxDelay", 1, 1024);
        Assert.Equal([596, 257, 171], counts);
        Assert.Contains(counts.Select((c, j) => Math.Abs((c / 1024.0) - Probabilities[j])), d => d > 2.0 / 1024);
    }

    [Fact]
    public void The_delays_dimension_comes_after_the_others_so_no_other_draw_moves()
    {
        // With and without the delay: the same factor shock and default date on every path (the earlier dimensions and
        // their shifts are as they were).
        DealDescription deal = Compiled.Value.Host.Program.Description;
        ScenarioSpec With(string name) => Compiled.Value.Scenarios.Single(s => s.Name == name);
        var a = new StochasticPaths(deal, With("QuasiNoDelay"), 5, 256);
        var b = new StochasticPaths(deal, With("QuasiDelay"), 5, 256);
        var ia = new PathInputs(deal);
        var ib = new PathInputs(deal);
        int tenant = Array.FindIndex(deal.Parties, p => p.Name == "Tenant");
        for (int p = 0; p < 256; p++)
        {
            a.Fill(p, ia);
            b.Fill(p, ib);
            ScenarioSpec da = a.Drawn(ia), db = b.Drawn(ib);
            Assert.Equal(da.PartyDefaults[tenant], db.PartyDefaults[tenant]);
            Assert.Equal(da.FacilityStress[0].DeflatePerYear, db.FacilityStress[0].DeflatePerYear);
        }
    }

    [Fact]
    public void The_path_source_refuses_a_33rd_dimension()
    {
        // QuasiDelay takes 3 dimensions (a factor, a default, a delay); 30 more delays on other indices would be 33. The
        // compiler refuses them (DL0544, the property below); a spec built by hand is refused by the path source too.
        DealDescription deal = Compiled.Value.Host.Program.Description;
        ScenarioSpec scenario = Compiled.Value.Scenarios.Single(s => s.Name == "QuasiDelay");
        DelayModel delay = scenario.Stochastic!.Delays.Single();
        ScenarioSpec With(int delays) => scenario with { Stochastic = scenario.Stochastic with { Delays = [.. Enumerable.Repeat(delay, delays)] } };
        _ = new StochasticPaths(deal, With(30), 1, 4); // 1 + 1 + 30 = 32
        var refused = Assert.Throws<ArgumentException>(() => new StochasticPaths(deal, With(31), 1, 4));
        Assert.Contains("at most 32 factors, drawn defaults, drawn renewal options, drawn delays, drawn break dates and drawn workout lags", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sobol_dimensions_are_refused_exactly_when_they_pass_32()
    {
        // Factors, drawn defaults, a lease's drawn renewal options and drawn delays in any mix: DL0544 exactly when they
        // add up to more than 32, and nothing else reported.
        var mixes = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 12], Gen.Int[0, 14], Gen.Int[0, 12]);
        mixes.Sample((factors, defaults, options, delays) =>
        {
            string text = Quasi(factors, defaults, options, delays);
            var codes = DealCompiler.Check("mix.deal", text).Diagnostics.Select(d => d.Code).ToArray();
            bool tooMany = factors + defaults + options + delays > 32;
            Assert.True(tooMany ? codes.SequenceEqual(["DL0544"]) : codes.Length == 0, $"{factors}/{defaults}/{options}/{delays}: {string.Join(", ", codes)}");
        }, iter: 100);
    }

    /// <summary>A deal whose <c>sobol</c> scenario draws that many factors, defaults, renewal options and delays.</summary>
    private static string Quasi(int factors, int defaults, int options, int delays)
    {
        var deal = new StringBuilder("""
            deal Mix {
              currency USD
              closing  2026-01-01
              maturity 2030-01-01
              pay      semiannual
              daycount 30/360
              party Owner { }
              party Tenant { pd 1% recovery 40% }

            """);
        var scenario = new StringBuilder("scenario Quasi for Mix {\n  sobol\n");
        string[] factorLevers = ["Site.value deflate 4% per year volatility 3% per year", "market_rent deflate 3% per year volatility 4% per year"];
        for (int f = 0; f < factors; f++)
        {
            scenario.Append(CultureInfo.InvariantCulture, $"  {factorLevers[f]}\n");
        }

        for (int d = 0; d < defaults; d++)
        {
            deal.Append(CultureInfo.InvariantCulture, $"  party P{d} {{ pd 2% recovery 40% }}\n");
            scenario.Append(CultureInfo.InvariantCulture, $"  P{d} defaults drawn\n");
        }

        for (int i = 0; i < delays; i++)
        {
            deal.Append(CultureInfo.InvariantCulture, $"  index B{i} {{ level 0%  points stepped {{ 2027-01-01 100% }} }}\n");
            scenario.Append(CultureInfo.InvariantCulture, $"  B{i} delayed drawn 0m with 50%, 6m with 50%\n");
        }

        string renewals = options > 0 ? $"  renewals {options} x 1y at lessee option" : "";
        deal.Append(CultureInfo.InvariantCulture, $$"""
              facility Site { cost 500m  value straight_line 20y }
              lease L on Site { lessee Tenant  rent 60m per year  starts 2026-01-01  term 4y{{renewals}} }
              tranche Notes { balance 300m  coupon 6%  amortize linear }
              equity Eq { contributed 200m  holders Owner 100% }
              waterfall {
                pay Notes.interest
                pay Notes.principal
                distribute rest to Eq
              }
            }

            """);
        if (options > 0)
        {
            scenario.Append("  L renewals drawn 50%\n");
        }

        return deal.Append(scenario).Append("}\n").ToString();
    }
}
