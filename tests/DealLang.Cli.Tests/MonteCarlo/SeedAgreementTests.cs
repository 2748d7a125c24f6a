using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>What the standard errors promise, on Hyperion's stochastic paths: two seeds agree within them, and they
/// shrink as 1/√n.</summary>
public sealed class SeedAgreementTests(StochasticHyperion hyperion) : IClassFixture<StochasticHyperion>
{
    private CreditMetrics Run(ulong seed, int paths)
    {
        StochasticPaths source = hyperion.Source(seed, paths);
        SimulationTotals totals = new SimulationEngine(hyperion.Program, source).Run(0, paths, threads: 2);
        return CreditMetrics.Compute(hyperion.Frame(source), totals);
    }

    [Fact]
    public void TwoSeedsAgreeWithinTheStandardErrorsPrinted()
    {
        CreditMetrics a = Run(42, 8000), b = Run(4242, 8000);

        // Independent estimates differ by a normal variable of SE √(SEa² + SEb²): within 4 of those (a 1-in-15,000
        // chance of failing for a correct engine; the seeds are fixed, so the test is deterministic).
        foreach (var (x, y) in new[]
        {
            (a.Tranches[0].LossProbability, b.Tranches[0].LossProbability),
            (a.Tranches[0].ExpectedLoss, b.Tranches[0].ExpectedLoss),
            (a.Tranches[0].Irr.Mean, b.Tranches[0].Irr.Mean),
            (a.Parties[0].DefaultRate, b.Parties[0].DefaultRate),
            (a.EventOfDefault, b.EventOfDefault),
        })
        {
            double se = Math.Sqrt((x.StdError * x.StdError) + (y.StdError * y.StdError));
            Assert.True(se > 0);
            Assert.InRange(x.Value - y.Value, -4 * se, 4 * se);
        }

        // The simulated default rate against the input PD to the horizon: within 4 SE.
        PartyRisk meta = a.Parties[0];
        Assert.InRange(meta.DefaultRate.Value - meta.HorizonPd, -4 * meta.DefaultRate.StdError, 4 * meta.DefaultRate.StdError);
    }

    [Fact]
    public void StandardErrorsShrinkAsOneOverTheSquareRootOfThePaths()
    {
        // 16 times the paths: a quarter of the standard error (within 15%, the sampling noise of the SE itself).
        CreditMetrics small = Run(7, 1000), large = Run(7, 16_000);
        Assert.InRange(small.Tranches[0].ExpectedLoss.StdError / large.Tranches[0].ExpectedLoss.StdError, 4 * 0.85, 4 * 1.15);
        Assert.InRange(small.Tranches[0].LossProbability.StdError / large.Tranches[0].LossProbability.StdError, 4 * 0.85, 4 * 1.15);
    }
}
