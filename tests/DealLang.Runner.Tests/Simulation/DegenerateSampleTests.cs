using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>A sample whose values are all the same reports that value exactly, as its mean and every percentile, and a
/// reported percentile never leaves the sample's exact [min, max] (docs/language.md, "Monte Carlo results").</summary>
public sealed class DegenerateSampleTests
{
    [Fact]
    public void EveryPathTheSameReportsTheExactValueAsMeanAndPercentiles()
    {
        // Eight paths of LossProgram losing 30 each: the Notes' IRR is the same on every path (interest 5 a year and 70
        // back at the end of four years, on 100: −2.8254537915%), and so are their WAL and the Sponsor's IRR. The
        // histogram holds the exact min = max, so each percentile is that value; the mean was the sum of the values in
        // whole 2⁻³² over n, round(x · 2³²) / 2³², up to 2⁻³³ = 1.2e-10 off: the IRR mean −0.028254537843 printed (CSV,
        // JSON: full precision) above its p50 −0.028254537915. Now a distribution's mean is clamped into its exact
        // [min, max], so a sample of one value reports it exactly.
        var program = new LossProgram();
        SimulationTotals totals = new SimulationEngine(program, new ListSource(program.Description, [30, 30, 30, 30, 30, 30, 30, 30])).Run(0, 8, threads: 1);
        CreditMetrics metrics = CreditMetrics.Compute(SimulationFrame.Of(program.Description, "test", "Same", 1, 8), totals);
        foreach (Distribution d in (Distribution[])[metrics.Tranches[0].Irr, metrics.Tranches[0].Wal, metrics.Equities[0].Irr])
        {
            Assert.Equal(d.Min, d.Max);
            Assert.Equal(d.Min, d.Mean.Value);
            Assert.All(d.Percentiles, p => Assert.Equal(d.Min, p.Value));
        }

        double irr = metrics.Tranches[0].Irr.Min;
        Assert.NotEqual(Math.Round(irr * 4294967296.0) / 4294967296.0, irr); // the sums' unit would not hold it exactly
    }

    [Fact]
    public void APercentileIsWithinTheExactMinAndMax()
    {
        // Values whose bucket's midpoint lies outside them: 100.1 and 100.2 share [100, 100.5), midpoint 100.25, above
        // the largest; 3.0705 is in [3.0625, 3.078125), midpoint 3.0703125, below it; negatives mirror. Every rank,
        // read at the midpoint or interpolated, and every printed percentile stays in the exact [min, max] (a guard: the
        // sketch has clamped so since it was written).
        foreach (double[] values in (double[][])[[100.1, 100.2], [100.2, 100.1, 100.15], [3.0705, 3.0705, 3.0705], [-100.2, -100.1]])
        {
            var h = new LogHistogram(SimulationTotals.MeasureBits);
            foreach (double v in values)
            {
                h.Add(v);
            }

            for (long rank = 1; rank <= values.Length; rank++)
            {
                Assert.InRange(h.ValueAtRank(rank), values.Min(), values.Max());
                Assert.InRange(h.ValueAtRank(rank), values.Min(), values.Max());
            }

            Assert.All(CreditMetrics.PercentileLevels, q => Assert.InRange(CreditMetrics.Quantile(h, q).Value, values.Min(), values.Max()));
        }
    }
}
