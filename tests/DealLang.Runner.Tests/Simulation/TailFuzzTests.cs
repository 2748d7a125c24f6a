using DealLang.Runner.Simulation;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>
/// mc's VaR, ES and quantiles over random loss distributions (fuzz6, docs/fuzzing.md): many ties, all zero, one path,
/// two paths, huge and tiny magnitudes, negative values (a quantile of an IRR), read through the library as mc reads
/// them (<see cref="CreditMetrics.Quantile"/>, <see cref="CreditMetrics.Tail"/>). Each distribution must give ES ≥ VaR
/// at every level, quantiles that never fall as the level rises, every reading within [min, max], and "every path x"
/// exactly when every path has the same value (and more than one path ran). Fixed seed: every run tests the same ones.
/// </summary>
public sealed class TailFuzzTests
{
    private const int Seed = 20261207;
    private const int Distributions = 4000;

    private static readonly int[] Levels =
        [1, 10_000, 50_000, 250_000, 500_000, 750_000, 900_000, 950_000, 975_000, 990_000, 995_000, 999_000, 999_900, 999_999, 1_000_000];

    [Fact]
    public void Random_loss_distributions_keep_the_tail_readings_in_order()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (int d = 0; d < Distributions && failures.Count < 20; d++)
        {
            double[] values = Draw(random);
            var histogram = new LogHistogram(SimulationTotals.MeasureBits);
            foreach (double v in values)
            {
                histogram.Add(v);
            }

            string shown = $"#{d} n={values.Length} [{string.Join(", ", values.Take(12).Select(v => v.ToString("R")))}{(values.Length > 12 ? ", …" : "")}]";
            bool same = values.Length > 1 && values.All(v => v == values[0]);
            double min = values.Min(), max = values.Max();
            double previous = double.NegativeInfinity;
            foreach (int level in Levels)
            {
                Estimate q = CreditMetrics.Quantile(histogram, level);
                if (q.EveryPathSame != same)
                {
                    failures.Add($"{shown}: quantile {level} everyPathSame={q.EveryPathSame}, every value the same={same}");
                }

                if (!(q.Value >= min && q.Value <= max))
                {
                    failures.Add($"{shown}: quantile {level} = {q.Value:R} outside [{min:R}, {max:R}]");
                }

                if (q.Value < previous)
                {
                    failures.Add($"{shown}: quantile {level} = {q.Value:R} below the lower level's {previous:R}");
                }

                previous = q.Value;
                if (!double.IsNaN(q.StdError) && !(q.StdError >= 0))
                {
                    failures.Add($"{shown}: quantile {level} ± {q.StdError:R}");
                }

                if (level == 1_000_000)
                {
                    continue; // a tail of no paths (k = 0): mc's levels are 95%, 99% and 99.9%
                }

                TailRisk tail = CreditMetrics.Tail(histogram, level);
                if (!(tail.ExpectedShortfall.Value >= tail.ValueAtRisk.Value))
                {
                    failures.Add($"{shown}: level {level} ES {tail.ExpectedShortfall.Value:R} < VaR {tail.ValueAtRisk.Value:R}");
                }

                if (!(tail.ExpectedShortfall.Value <= max))
                {
                    failures.Add($"{shown}: level {level} ES {tail.ExpectedShortfall.Value:R} above the max {max:R}");
                }

                if (tail.ExpectedShortfall.EveryPathSame != same || tail.ValueAtRisk.EveryPathSame != same)
                {
                    failures.Add($"{shown}: level {level} tail everyPathSame VaR={tail.ValueAtRisk.EveryPathSame} ES={tail.ExpectedShortfall.EveryPathSame}, same={same}");
                }

                if (!double.IsNaN(tail.ExpectedShortfall.StdError) && !(tail.ExpectedShortfall.StdError >= 0))
                {
                    failures.Add($"{shown}: level {level} ES ± {tail.ExpectedShortfall.StdError:R}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(20)));
    }

    // A loss distribution of one of several shapes, in a random order (the histogram must not depend on it).
    private static double[] Draw(Random random)
    {
        int n = random.Next(8) switch
        {
            0 => 1,
            1 => 2,
            2 => 3,
            3 => random.Next(4, 20),
            4 => random.Next(20, 200),
            _ => random.Next(200, 3000),
        };
        double scale = random.Next(8) switch
        {
            0 => 1e-12,
            1 => 1e-7,
            2 => 1,
            3 => 550e6,
            4 => 1e15,
            5 => 1e18,
            6 => 1e16,
            _ => 1e300, // beyond any loss; the sum of the tail overflows
        };
        double[] atoms = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => Math.Round(random.NextDouble() * 4) * scale)];
        var values = new double[n];
        int shape = random.Next(9);
        for (int i = 0; i < n; i++)
        {
            values[i] = shape switch
            {
                0 => 0.0,                                                        // all zero
                1 => atoms[0],                                                   // every path the same
                2 => random.Next(10) < 9 ? 0.0 : scale * random.NextDouble(),   // mostly no loss
                3 => atoms[random.Next(atoms.Length)],                           // a few ties
                4 => random.Next(50) == 0 ? scale * (1 + random.NextDouble() * 1e-3) : scale, // a full loss beside near-full ones
                5 => scale * random.NextDouble(),                                // continuous
                6 => (random.NextDouble() - 0.5) * scale,                        // negative and positive (an IRR)
                7 => scale * Math.Exp(random.NextDouble() * 40 - 20),             // many magnitudes
                _ => random.Next(2) == 0 ? atoms[0] : Math.BitIncrement(atoms[0]), // two neighbouring doubles (0 and the least subnormal)
            };
            if (!double.IsFinite(values[i]))
            {
                values[i] = double.MaxValue;
            }
        }

        return values;
    }
}
