using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// Drawn recoveries: Marsaglia–Tsang gamma variates and the beta variates made of them against their closed forms,
/// the sample mean and variance each within three standard errors (the computation in a comment), and a drawn
/// recovery reaching the path inputs (<see cref="InputQuantity.PartyRecovery"/>) in place of the party's.
/// </summary>
public class BetaVariateTests
{
    const int N = 200_000;

    /// <summary>The sample mean and variance of <paramref name="draw"/> over <see cref="N"/> draws of one stream,
    /// and their standard errors: √(s²/N) for the mean, √((m₄ − s⁴)/N) for the variance (m₄ the sample's fourth
    /// central moment).</summary>
    static (double Mean, double MeanSe, double Var, double VarSe) Moments(Func<PathStream, (double, PathStream)> draw, uint stream)
    {
        var rng = new PathStream(2026, stream, mirrored: false);
        var x = new double[N];
        for (int i = 0; i < N; i++)
        {
            (x[i], rng) = draw(rng);
        }

        double mean = x.Average();
        double var = x.Sum(v => (v - mean) * (v - mean)) / (N - 1);
        double m4 = x.Sum(v => Math.Pow(v - mean, 4)) / N;
        return (mean, Math.Sqrt(var / N), var, Math.Sqrt((m4 - (var * var)) / N));
    }

    [Theory]
    [InlineData(0.4, 0.2)]   // α = 0.4 × 5 = 2, β = 0.6 × 5 = 3 (ν = 0.24 / 0.04 − 1 = 5): Marsaglia–Tsang directly
    [InlineData(0.1, 0.15)]  // α = 0.1 × 3 = 0.3, β = 0.9 × 3 = 2.7 (ν = 0.09 / 0.0225 − 1 = 3): α < 1, boosted by U^(1/α)
    [InlineData(0.75, 0.05)] // α = 0.75 × 74 = 55.5, β = 0.25 × 74 = 18.5 (ν = 0.1875 / 0.0025 − 1 = 74): a narrow one
    // α = 1.893e-6, β = 9.96e-8 (ν = 0.0475 / 0.21794473² − 1 = 1.993e-6): nearly all at 0 and 1, where both gamma variates
    // underflow to 0 and the ratio is taken from their logs (0 / 0 was NaN)
    [InlineData(0.95, 0.21794473)]
    public void ABetaDrawHasTheMeanAndStandardDeviationItWasGiven(double mean, double sd)
    {
        // The method of moments gives α and β whose beta distribution has exactly this mean and variance sd².
        var recovery = new RecoveryBeta(mean, sd);
        Assert.Equal(mean, recovery.Alpha / (recovery.Alpha + recovery.Beta), 12);
        double nu = recovery.Alpha + recovery.Beta;
        Assert.Equal(sd * sd, recovery.Alpha * recovery.Beta / (nu * nu * (nu + 1)), 12);

        var m = Moments(rng => (BetaVariate.Draw(ref rng, recovery), rng), 7);
        Assert.InRange(m.Mean, mean - (3 * m.MeanSe), mean + (3 * m.MeanSe));
        Assert.InRange(m.Var, (sd * sd) - (3 * m.VarSe), (sd * sd) + (3 * m.VarSe));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(55.5)]
    public void AGammaDrawHasMeanAndVarianceItsShape(double shape)
    {
        // Gamma(a, 1): mean a, variance a.
        var m = Moments(rng => (BetaVariate.Gamma(ref rng, shape), rng), 11);
        Assert.InRange(m.Mean, shape - (3 * m.MeanSe), shape + (3 * m.MeanSe));
        Assert.InRange(m.Var, shape - (3 * m.VarSe), shape + (3 * m.VarSe));
    }

    [Fact]
    public void ADrawnRecoveryFillsThePartysRecoveryOnEachPathAndTheOtherPartiesKeepTheirs()
    {
        DealDescription deal = TestDeals.Make(Schedule.Boundaries(new Date(2026, 1, 1), new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly,
            DayCount.Act360, parties: [new PartyInfo("Lessee", "B", 0.05, 0.4), new PartyInfo("Other", "A", 0.01, 0.55)]);
        var spec = new StochasticSpec(null, null, false, [], null, [new DefaultModel(0, 0.05, []) { Recovery = new RecoveryBeta(0.4, 0.2) }]);
        var source = new StochasticPaths(deal, ScenarioSpec.AsWritten(deal) with { Name = "Mc", Stochastic = spec }, 3, 20_000);
        var inputs = new PathInputs(deal);
        double sum = 0;
        var seen = new HashSet<double>();
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            double r = inputs.PartyRecovery[0];
            Assert.InRange(r, 0, 1);
            Assert.Equal(0.55, inputs.PartyRecovery[1]);
            Assert.Equal(r, source.Drawn(inputs).RecoveryOf(deal, 0)); // the deterministic scenario the path amounts to
            sum += r;
            seen.Add(r);
        }

        // Mean 40%, SE = 0.2 / √20,000 = 0.001414.
        Assert.InRange(sum / source.Count, 0.4 - (3 * 0.001414), 0.4 + (3 * 0.001414));
        Assert.True(seen.Count > 19_000, "a draw per path");

        // The same path drawn again, on other buffers, is the same recovery (a function of (seed, path) only).
        var again = new PathInputs(deal);
        source.Fill(4321, again);
        source.Fill(4321, inputs);
        Assert.Equal(inputs.PartyRecovery[0], again.PartyRecovery[0]);
    }
}
