using DealLang.Runner.MonteCarlo;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// The draw's own exponential (<see cref="RowExp"/>): within a unit of the last place of the C library's
/// (<see cref="Math.Exp"/>) over the whole range of doubles whose exponential is one, the vector forms give the scalar
/// form's bits lane by lane, and the ends (NaN, the infinities, overflow, the subnormals, underflow) are as
/// <see cref="Math.Exp"/> has them.
/// </summary>
public sealed class RowExpTests
{
    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(-0.5, 0.5)] // a log-OU row's exponents: the level's deviation from its trend
    [InlineData(-40.0, 40.0)]
    [InlineData(-745.0, 709.7)] // every exponent with a normal, finite exponential
    [InlineData(-745.13, -708.4)] // subnormal results
    public void Each_is_within_a_unit_of_the_last_place_of_the_c_librarys(double from, double to)
    {
        var random = new Random(7);
        double[] x = [.. Enumerable.Range(0, 200_003).Select(_ => from + ((to - from) * random.NextDouble()))];
        double[] row = [.. x];
        RowExp.Exp(row);
        int identical = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double one = RowExp.Exp(x[i]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(one), BitConverter.DoubleToInt64Bits(row[i])); // lane = scalar
            long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(one) - BitConverter.DoubleToInt64Bits(Math.Exp(x[i])));
            Assert.True(ulps <= 1, $"e^{x[i]:R}: {one:R} against Math.Exp's {Math.Exp(x[i]):R}");
            identical += ulps == 0 ? 1 : 0;
        }

        // Most are the same to the bit (measured: 89-97% over these ranges); a unit apart is a rounding either way.
        Assert.True(identical > x.Length * 0.8, $"{identical} of {x.Length} identical");
    }

    [Fact]
    public void The_ends_are_as_the_c_library_has_them()
    {
        double[] x =
        [
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0,
            709.782712893384, // e^x just below double.MaxValue
            709.7827128933841, 710.0, 1e300, // overflow to +∞
            -745.1332191019411, // the smallest subnormal, 2^-1074
            -745.1332191019412, -746.0, -1e300, // underflow to 0
            -708.4, -720.0,
        ];
        double[] row = [.. x];
        RowExp.Exp(row);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Math.Exp(x[i]), RowExp.Exp(x[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(RowExp.Exp(x[i])), BitConverter.DoubleToInt64Bits(row[i]));
        }

        Assert.Equal(1.0, RowExp.Exp(0.0)); // exactly: r = 0, the polynomial 1, n = 0
    }

    [Fact]
    public void Rows_of_every_length_are_taken_whole()
    {
        // Lengths around the eight- and four-lane blocks, each element as the scalar form gives it: where 512-bit
        // vectors are in hardware they take the eights, the 256-bit form the four after them (lengths 4-7, 12-15),
        // and the scalar form the rest, so both vector forms are held to the scalar's bits on such a machine.
        for (int n = 0; n <= 19; n++)
        {
            double[] x = [.. Enumerable.Range(0, n).Select(i => (i * 0.37) - 3.0)];
            double[] row = [.. x];
            RowExp.Exp(row);
            Assert.Equal(x.Select(RowExp.Exp), row);
        }
    }
}
