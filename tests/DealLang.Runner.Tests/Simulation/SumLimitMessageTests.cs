using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Support;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>The limit a <see cref="SumLimitException"/> quotes is the run's: an antithetic run's pair sums square a
/// pair's two paths added together, so each path holds half what a plain run's does.</summary>
public sealed class SumLimitMessageTests
{
    [Fact]
    public void TheLimitQuotedIsThePlainOrTheAntitheticRuns()
    {
        // Σa² holds a value a of up to √2¹²⁷ = 2^63.5 units of 1/1,024: a plain run's loss on one path up to
        // 2^63.5 / 1,024 = 2^53.5 = 1.27e16; an antithetic run's a = x + x' of a pair, so one path up to half, 6.37e15 (2^52.5) (it quoted
        // 1.3e+16 for both).
        Assert.Equal(Math.Pow(2, 63.5) / 1024, SumLimitException.LargestLoss, 0);
        Assert.Equal(Math.Pow(2, 62.5) / 1024, SumLimitException.LargestPairedLoss, 0);
        var figures = new PathFigures(new LossProgram().Description);
        figures.Loss[0] = 8e15;
        var overflow = new OverflowException();
        string plain = SumLimitException.For(figures, 5, overflow).Message;
        string paired = SumLimitException.For(figures, 5, overflow, paired: true).Message;
        Assert.StartsWith("tranche Notes's loss of 8e+15 USD on path 5 is beyond what the Monte Carlo sums hold exactly (about 1.3e+16 USD on one path, less summed over many);", plain, StringComparison.Ordinal);
        Assert.StartsWith("tranche Notes's loss of 8e+15 USD on path 5 is beyond what the Monte Carlo sums hold exactly "
            + "(about 6.4e+15 USD on one path of an antithetic run, whose pair sums add each path to its mirror; less summed over many);", paired, StringComparison.Ordinal);
        Assert.Contains("(about 6.4e+15 USD on one path of an antithetic run", SumLimitException.ForSums(figures.Deal, overflow, paired: true).Message, StringComparison.Ordinal);
        Assert.Contains("(about 1.3e+16 USD on one path, less", SumLimitException.ForSums(figures.Deal, overflow).Message, StringComparison.Ordinal);
    }
}
