using DealLang.Runner.Solvers;

namespace DealLang.Runner.Tests.Solvers;

/// <summary>
/// A Monte Carlo objective's standard error under <c>antithetic</c> is over the mirrored pairs, as the report's
/// (docs/language.md, "Monte Carlo objectives" and "Under antithetic"): before, `deallang solve` printed s / √N for an
/// antithetic scenario as if its paths were independent.
/// </summary>
public sealed class MonteCarloPairErrorTests
{
    [Fact]
    public void Pairs_with_an_undefined_value_and_an_odd_run()
    {
        // Paths 1, 2 | 4, 5 | 3, NaN (no IRR): N = 5 defined values, mean 15 / 5 = 3.
        // Independent: s² = (4 + 1 + 1 + 4 + 0) / 4 = 2.5, s.e. √(2.5 / 5) = 0.70711.
        // Pairs (M = 3): a = 3, 9, 3 and b = 2, 2, 1; a − 3b = −3, 3, 0, Σ² = 18; b̄ = 5 / 3;
        // s.e. √(18 / (3 × 2)) / (5 / 3) = 3√3 / 5 = 1.03923.
        double[] x = [1, 2, 4, 5, 3, double.NaN];
        (double mean, double independent, int n) = MonteCarloProblem.MeanAndError(x, mirroredPairs: false);
        Assert.Equal(3.0, mean, 1e-15);
        Assert.Equal(5, n);
        Assert.Equal(Math.Sqrt(0.5), independent, 1e-15);

        (double pairedMean, double paired, _) = MonteCarloProblem.MeanAndError(x, mirroredPairs: true);
        Assert.Equal(mean, pairedMean);
        Assert.Equal(3 * Math.Sqrt(3) / 5, paired, 1e-14);

        // The same run with its last path unpaired (an odd N): the same pairs, the same error.
        (_, double odd, _) = MonteCarloProblem.MeanAndError(x.AsSpan(0, 5), mirroredPairs: true);
        Assert.Equal(3 * Math.Sqrt(3) / 5, odd, 1e-14);
    }

    [Fact]
    public void Mirrored_values_that_cancel_have_a_smaller_error_than_independent_paths_would()
    {
        // 1, 5 | 2, 4 | 3, 3: every pair sums to 6, so the mean 3 is known exactly from the pairs: s.e. 0, where the
        // independent formula says s = √(10 / 5) = 1.41421, s.e. √(2 / 6) = 0.57735.
        double[] x = [1, 5, 2, 4, 3, 3];
        Assert.Equal(Math.Sqrt(2.0 / 6.0), MonteCarloProblem.MeanAndError(x, mirroredPairs: false).StdError, 1e-15);
        Assert.Equal(0.0, MonteCarloProblem.MeanAndError(x, mirroredPairs: true).StdError, 1e-15);
    }

    [Fact]
    public void One_pair_with_a_value_has_no_error()
    {
        double[] x = [1, 2, double.NaN, double.NaN];
        Assert.True(double.IsNaN(MonteCarloProblem.MeanAndError(x, mirroredPairs: true).StdError));
    }
}
