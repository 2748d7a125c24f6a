using System.Globalization;
using System.Text;
using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// Re-lets along random curves (docs/language.md §9, "relet-curve"), fixed seed: on <see cref="ReletIdleTests"/>' deal
/// (2,000 GPUs re-let for 6 months from the sale date 2026-02-01 at 2.00 a GPU-hour, so a unit at 100% earns 48 × d), a
/// curve of 2 to 100 points, months 0 then random gaps up to the workout limit (120m), levels anywhere in (0, 100%] to
/// the basis point (100% and 0.01% among them), the sale's own and a scenario's lever. Each deal runs with the cash
/// check on, and each month of the window earns 2,000 × 48 × d × R_m, R_m worked out here from the points alone: L_i +
/// (L_{i+1} − L_i) × min(1, (m − M_i) / (M_{i+1} − M_i)), i the last point with M_i ≤ m, flat after the last. Each curve
/// is then broken six ways, each a located DL0514 or DL0515, a month past 10,000 years DL0130 alone (not DL0515's "past
/// the workout limit" too), or for a month written without its unit the one syntax error alone (the parser's recovery once paired each later level with the next month, an error for every point, and
/// DL0515's "has one point" beside them), never a crash. And a Monte Carlo run with a drawn index, the levels at 0.01% and 100%.
/// </summary>
public sealed class ReletCurveFuzzTests
{
    private const int Seed = 20261207;
    private const int Deals = 16;

    // The window's months February to July 2026: m = 0 … 5 from the sale date.
    private static readonly int[] Days = [28, 31, 30, 31, 30, 31];

    [Fact]
    public void EveryMonthOfTheWindowEarnsTheCurvesLevel_AndEveryBrokenCurveIsLocated()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        int points = 0;
        for (int d = 0; d < Deals; d++)
        {
            (int[] months, int[] bp) = Curve(random);
            (int[] leverMonths, int[] leverBp) = Curve(random);
            points += months.Length;
            string source = ReletIdleTests.Source.Replace("relet idle at 50% for 6m", $"relet idle at {Text(months, bp)} for 6m", StringComparison.Ordinal)
                + $"\nscenario Lever for Small {{ enforcement relet idle at {Text(leverMonths, leverBp)} for 6m }}\n";
            SmallDeal deal;
            try
            {
                deal = new SmallDeal(source);
            }
            catch (Exception e)
            {
                failures.Add($"#{d}: {e.GetType().Name}: {e.Message}\n{source}");
                continue;
            }

            foreach ((string scenario, int[] m, int[] l) in new[] { ("Relet", months, bp), ("Lever", leverMonths, leverBp) })
            {
                for (int t = 1; t <= 6; t++)
                {
                    double expected = 2_000 * 48.0 * Days[t - 1] * Level(m, l, t - 1);
                    double actual = deal.Ledger("Cluster enforcement re-let revenue", t, scenario);
                    if (!(Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, expected)))
                    {
                        failures.Add($"#{d} {scenario}: period {t} (m = {t - 1}) re-let revenue {actual:R}, expected {expected:R}\n{source}");
                        break;
                    }
                }
            }

            string curve = Text(months, bp);
            string second = $"{months[1]}m {Pct(bp[1])}";
            foreach ((string broken, string code) in new[]
            {
                (curve.Replace(second, $"{months[1]} {Pct(bp[1])}", StringComparison.Ordinal), ""),      // a month without its unit: one syntax error
                (curve.Replace(second, $"{months[1]}m 0%", StringComparison.Ordinal), "DL0514"),
                (curve.Replace(second, $"{months[1]}m 100.01%", StringComparison.Ordinal), "DL0514"),
                (curve.Replace(second, $"0m {Pct(bp[1])}", StringComparison.Ordinal), "DL0515"),
                (curve.Replace(second, $"121m {Pct(bp[1])}", StringComparison.Ordinal), "DL0515"),
                (curve.Replace(second, $"99999999m {Pct(bp[1])}", StringComparison.Ordinal), "DL0130"),  // past 10,000 years: that error alone
            })
            {
                string mutant = source.Replace(curve, broken, StringComparison.Ordinal);
                var check = DealCompiler.Check("m.deal", mutant);
                bool located = check.Diagnostics.All(x => x.Span.Line >= 1 && !x.Code.StartsWith("DL09", StringComparison.Ordinal));
                bool found = code == "DL0130"
                    ? check.Diagnostics.Count >= 1 && check.Diagnostics.All(x => x.Code == code)
                    : code.Length > 0
                    ? check.Diagnostics.Any(x => x.Code == code)
                    : check.Diagnostics.Count == 1 && check.Diagnostics[0].Code == "DL0101";
                if (!located || !found)
                {
                    failures.Add($"#{d}: '{broken}' wanted {(code.Length > 0 ? code : "a syntax error alone")}: {string.Join("; ", check.Diagnostics)}");
                }
            }
        }

        Assert.True(failures.Count == 0 && points > 4 * Deals, $"{failures.Count} of {Deals} ({points} points):\n" + string.Join("\n\n", failures.Take(4)));
    }

    [Fact]
    public void ACurveAtItsExtremesRunsUnderMonteCarloWithADrawnIndex()
    {
        // Valid 085's neocloud under a stochastic scenario drawing the H100 index and both labs' defaults, the sale's
        // re-let along a curve from 0.01% to 100% for the workout's 120 months, and the training contract's re-let from
        // 100% to 0.01% a month later, priced 0.30 below the drawn index: every path runs, cash conserved.
        string dir = Directory.CreateTempSubdirectory("deallang-reletcurve-").FullName;
        try
        {
            string deal = Path.Combine(dir, "c.deal");
            string valid = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid"), "085-*.deal").Single();
            File.WriteAllText(deal, File.ReadAllText(valid) + """

                scenario Drawn for NeocloudDdtlReletCurve {
                  paths 60
                  seed 5
                  H100Rent reverts to trend speed 80% per year volatility 35% per year
                  LabA defaults drawn
                  LabB defaults drawn
                  enforcement relet idle at curve { 0m 0.01%  1m 100%  119m 100%  120m 50% } for 120m price 85% of H100Rent
                  Training relet after 0m at curve { 0m 100%  1m 0.01% } price H100Rent - 0.30
                }
                """);
            CliOutcome mc = CliHarness.Run("mc", deal, "--scenario", "Drawn", "--threads", "1");
            Assert.True(mc.Exit == 0 && !mc.Err.Contains("   at ", StringComparison.Ordinal), mc.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>2 to 100 points: 0m, then whole months each 1 to 12 after the one before (at most 120m), levels in basis
    /// points 1 … 10,000 (100% and 0.01% now and then).</summary>
    private static (int[] Months, int[] Bp) Curve(Random random)
    {
        int n = random.Next(4) == 0 ? 100 : random.Next(2, 9);
        var months = new List<int> { 0 };
        while (months.Count < n)
        {
            int next = months[^1] + (n == 100 ? 1 : random.Next(1, 13));
            if (next > 120)
            {
                break;
            }

            months.Add(next);
        }

        int[] bp = [.. months.Select(_ => random.Next(6) switch { 0 => 10_000, 1 => 1, _ => random.Next(1, 10_001) })];
        return ([.. months], bp);
    }

    private static string Pct(int bp) => (bp / 100.0).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Text(int[] months, int[] bp)
    {
        var s = new StringBuilder("curve {");
        for (int i = 0; i < months.Length; i++)
        {
            s.Append($" {months[i]}m {Pct(bp[i])} ");
        }

        return s.Append('}').ToString();
    }

    /// <summary>The level at m whole months, from the points alone (see the class's formula).</summary>
    private static double Level(int[] months, int[] bp, int m)
    {
        int i = Array.FindLastIndex(months, x => x <= m);
        if (i == months.Length - 1)
        {
            return bp[i] / 10_000.0;
        }

        double from = bp[i] / 10_000.0, to = bp[i + 1] / 10_000.0;
        return from + (to - from) * Math.Min(1, (m - months[i]) / (double)(months[i + 1] - months[i]));
    }
}
