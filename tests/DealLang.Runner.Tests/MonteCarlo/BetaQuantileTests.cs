using DealLang.Runner.MonteCarlo;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// The beta's distribution function and its inverse, which a wrong-way recovery turns its variate through
/// (docs/language.md §10, "Wrong-way recoveries"), against closed forms.
/// </summary>
public class BetaQuantileTests
{
    [Theory]
    [InlineData(0.001)]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8166550079166947)]
    [InlineData(0.99)]
    [InlineData(0.999999)]
    public void TheQuantileOfBeta23SolvesItsPolynomial(double u)
    {
        // Beta(2, 3): density 12 x (1 − x)², so I_x(2, 3) = 6x² − 8x³ + 3x⁴; the quantile x solves it for u.
        double x = BetaQuantile.Inverse(u, 2, 3);
        Assert.InRange(x, 0.0, 1.0);
        Assert.Equal(u, (6 * x * x) - (8 * x * x * x) + (3 * x * x * x * x), 1e-13);
        Assert.Equal(u, BetaQuantile.Cdf(x, 2, 3), 1e-13);
    }

    [Theory]
    [InlineData(0.4, 0.2)]
    [InlineData(0.45, 0.15)]
    [InlineData(0.3, 0.4)] // α = 0.094, β = 0.22: both shapes below 1, the density unbounded at both ends
    [InlineData(0.9, 0.05)] // α = 31.5, β = 3.5
    public void TheQuantileInvertsTheDistributionFunction(double mean, double sd)
    {
        double nu = (mean * (1 - mean) / (sd * sd)) - 1, a = mean * nu, b = (1 - mean) * nu;
        for (int i = 1; i < 100; i++)
        {
            double u = i / 100.0;
            double x = BetaQuantile.Inverse(u, a, b);

            // Within 1e-12, or as near as doubles go: where the density is unbounded (β < 1 near 1), the next double
            // either side of x moves I_x by more, so u lies between I at x's neighbours.
            double at = BetaQuantile.Cdf(x, a, b);
            Assert.True(Math.Abs(at - u) <= 1e-12
                || (BetaQuantile.Cdf(Math.BitDecrement(x), a, b) <= u && u <= BetaQuantile.Cdf(Math.BitIncrement(x), a, b)),
                $"u = {u}: x = {x}, I_x = {at}");
        }
    }

    [Fact]
    public void TheEndsAreZeroAndOne()
    {
        // A uniform of 0 or 1 (Φ of a normal beyond about ±8.3, which rounds) gives the beta's support's ends.
        Assert.Equal(0.0, BetaQuantile.Inverse(0, 2, 3));
        Assert.Equal(1.0, BetaQuantile.Inverse(1, 2, 3));

        // Beta(1, 1) is the uniform: its quantile is u itself.
        Assert.Equal(0.37, BetaQuantile.Inverse(0.37, 1, 1), 1e-15);
    }
}
