using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// Stochastic paths against closed forms, each within three standard errors (the computation in a comment). The deal:
/// quarterly from 2026-01-01 to 2030-01-01 (16 periods, 1,461 days), one index at 2.00 (say $/GPU-hour), one party.
/// Period 15 starts on 2029-10-01, 1,369 days (T = 3.750685 years) after the closing.
/// </summary>
public class StochasticPathsTests
{
    static readonly Date Closing = new(2026, 1, 1);
    const int Last = 15;
    const double T = 1369 / 365.0;

    static DealDescription Deal() =>
        TestDeals.Make(Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360,
            parties: [new PartyInfo("Lessee", "B", 0.05, 0.4)],
            indices: [new IndexInfo("Rent", 2.0, 0.0, null, [])]);

    static ScenarioSpec Stochastic(DealDescription deal, StochasticSpec spec) => ScenarioSpec.AsWritten(deal) with { Name = "Mc", Stochastic = spec };

    static FactorSpec Gbm(double mu, double sigma) => new("Rent", FactorTarget.Index, 0, FactorProcess.Gbm) { Drift = mu, Volatility = sigma };

    static double[] Terminal(StochasticPaths source, int paths)
    {
        var inputs = new PathInputs(source.Deal);
        var x = new double[paths];
        for (int p = 0; p < paths; p++)
        {
            source.Fill(p, inputs);
            x[p] = inputs.IndexLevel[0][Last];
        }

        return x;
    }

    [Fact]
    public void GbmHasItsClosedFormTerminalMeanAndVariance()
    {
        // X_T = X0 exp((μ − σ²/2)T + σW_T): E = X0 e^(μT) = 2 e^(0.05 × 3.750685) = 2 × 1.206272 = 2.412543;
        // Var = X0² e^(2μT)(e^(σ²T) − 1) = 5.820364 × (e^(0.150027) − 1 = 0.161866) = 0.942120.
        DealDescription deal = Deal();
        var source = new StochasticPaths(deal, Stochastic(deal, new StochasticSpec(null, null, false, [Gbm(0.05, 0.20)], null, [])), 7, 40_000);
        double[] x = Terminal(source, source.Count);
        double mean = x.Average(), var = x.Select(v => (v - mean) * (v - mean)).Sum() / (x.Length - 1);
        double m4 = x.Select(v => Math.Pow(v - mean, 4)).Average();
        double expectedMean = 2 * Math.Exp(0.05 * T), expectedVar = 4 * Math.Exp(0.1 * T) * (Math.Exp(0.04 * T) - 1);
        Assert.Equal(2.412543, expectedMean, 5);
        Assert.Equal(0.942120, expectedVar, 5);
        Assert.InRange(mean, expectedMean - (3 * Math.Sqrt(expectedVar / x.Length)), expectedMean + (3 * Math.Sqrt(expectedVar / x.Length)));
        // The sample variance's standard error: √((m4 − s⁴) / N).
        double seVar = Math.Sqrt((m4 - (var * var)) / x.Length);
        Assert.InRange(var, expectedVar - (3 * seVar), expectedVar + (3 * seVar));
    }

    [Fact]
    public void AConstantHazardDefaultsAtOneMinusSurvivalToThePower()
    {
        // PD 5% a year over the run's 1,461 days (T = 4.002740): 1 − 0.95^4.002740 = 1 − 0.814392 = 0.185608.
        // SE = √(p(1 − p) / N) = √(0.185608 × 0.814392 / 40,000) = 0.001944.
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, false, [], null, [new DefaultModel(0, 0.05, [])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 11, 40_000);
        Assert.Equal(1 - Math.Pow(0.95, 1461 / 365.0), source.DefaultInputs[0].HorizonPd, 12);
        Assert.Equal(0.185608, source.DefaultInputs[0].HorizonPd, 5);
        var inputs = new PathInputs(deal);
        int hits = 0;
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            hits += inputs.PartyDefaulted[0][^1] ? 1 : 0;
        }

        double pd = source.DefaultInputs[0].HorizonPd, se = Math.Sqrt(pd * (1 - pd) / source.Count);
        Assert.InRange(hits / (double)source.Count, pd - (3 * se), pd + (3 * se));
    }

    [Fact]
    public void APathIsTheSameBytesFromAnyThreadInAnyOrder()
    {
        DealDescription deal = Deal();
        var spec = new StochasticSpec(null, null, true, [Gbm(0.02, 0.3)], null, [new DefaultModel(0, 0.05, [-0.5])]);
        var source = new StochasticPaths(deal, Stochastic(deal, spec), 99, 64);
        byte[][] Run(IEnumerable<int> order)
        {
            var inputs = new PathInputs(deal);
            var bytes = new byte[64][];
            foreach (int p in order)
            {
                source.Fill(p, inputs);
                bytes[p] = [.. inputs.IndexLevel[0].SelectMany(BitConverter.GetBytes), .. inputs.PartyDefaulted[0].Select(b => (byte)(b ? 1 : 0))];
            }

            return bytes;
        }

        byte[][] forward = Run(Enumerable.Range(0, 64));
        byte[][][] threads = new byte[2][][];
        Parallel.For(0, 2, i => threads[i] = Run(i == 0 ? Enumerable.Range(0, 64).Reverse() : Enumerable.Range(0, 64).Select(p => (p * 37) % 64)));
        for (int p = 0; p < 64; p++)
        {
            Assert.Equal(forward[p], threads[0][p]);
            Assert.Equal(forward[p], threads[1][p]);
        }
    }
}
