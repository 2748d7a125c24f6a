using DealLang.Runner.MonteCarlo;
using MathNet.Numerics.Distributions;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>The generator's parts against published values: Philox4x32-10's known answers (Random123's
/// tests/kat_vectors) and AS 241's quantile against MathNet's.</summary>
public class GeneratorTests
{
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void PhiloxMatchesRandom123sKnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        Assert.Equal((x0, x1, x2, x3), Philox.Block(c0, c1, c2, c3, k0, k1));
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-20)]
    [InlineData(1e-9)]
    [InlineData(0.001)]
    [InlineData(0.074)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    [InlineData(0.999)]
    [InlineData(1 - 1e-12)]
    public void TheQuantileIsAs241sToAboutTheLastBits(double p)
    {
        double expected = Normal.InvCDF(0, 1, p);
        Assert.Equal(expected, NormalQuantile.Inverse(p), Math.Max(1e-14, Math.Abs(expected) * 1e-13));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(-9)]
    [InlineData(-3.2)]
    [InlineData(-0.4)]
    [InlineData(0)]
    [InlineData(1.7)]
    [InlineData(7.9)]
    public void TheDistributionFunctionIsPhiToAbout1e15(double x)
    {
        Assert.Equal(Normal.CDF(0, 1, x), NormalQuantile.Cdf(x), 14);
    }

    [Fact]
    public void TheDistributionFunctionOfNaNIsNaN()
    {
        // Its series stops when a term no longer changes the sum, which NaN never does: it must not be started.
        Assert.True(double.IsNaN(NormalQuantile.Cdf(double.NaN)));
    }

    [Fact]
    public void AMirroredStreamNegatesEachNormalAndReflectsEachUniform()
    {
        var a = new PathStream(42, 7, mirrored: false);
        var b = new PathStream(42, 7, mirrored: true);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(-a.Normal(), b.Normal());
            Assert.Equal(1.0, a.Uniform() + b.Uniform(), 15);
        }
    }
}
