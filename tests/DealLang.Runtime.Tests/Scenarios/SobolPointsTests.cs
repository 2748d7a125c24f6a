namespace DealLang.Runtime.Tests.Scenarios;

/// <summary>
/// The Sobol points (docs/language.md §10, "Sobol points") against the published sequence and its defining property.
/// </summary>
public class SobolPointsTests
{
    [Fact]
    public void TheFirstPointsOfDimensionsOneToThreeAreThePublishedOnes()
    {
        // Joe and Kuo's sequence (new-joe-kuo-6.21201) in Gray-code order, as their generator and scipy's
        // Sobol(scramble=False) list it: points 0 to 9 of dimensions 1 to 3.
        double[][] published =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375],
            [0.6875, 0.8125, 0.4375],
        ];
        for (uint i = 0; i < published.Length; i++)
        {
            for (int d = 0; d < 3; d++)
            {
                Assert.Equal(published[i][d], SobolPoints.Point(i, d) / 4294967296.0);
            }
        }
    }

    [Fact]
    public void EveryDimensionsFirstPowerOfTwoPointsFillItsIntervalsOnceEach()
    {
        // A (0, m, 1)-net in every dimension: the first 2^m points fall one in each [k / 2^m, (k + 1) / 2^m). It holds
        // when v_k's highest bit is bit 32 − k, i.e. every m_k is odd and below 2^k, so it checks the table's rows.
        const int m = 12;
        for (int d = 0; d < SobolPoints.MaxDimensions; d++)
        {
            var seen = new bool[1 << m];
            for (uint i = 0; i < (1u << m); i++)
            {
                uint cell = SobolPoints.Point(i, d) >> (32 - m);
                Assert.False(seen[cell], $"dimension {d + 1}: point {i} falls in an interval taken already");
                seen[cell] = true;
            }
        }
    }

    [Fact]
    public void PairsOfDimensionsAreBalancedOnSquares()
    {
        // Joe–Kuo's numbers were chosen for their two-dimensional projections: the first 2^(2m) points of dimensions
        // 1 and 2, a (0, 2m, 2)-net for these two, put exactly one point in each of 2^m × 2^m equal squares (m = 4).
        const int m = 4;
        var count = new int[1 << m, 1 << m];
        for (uint i = 0; i < (1u << (2 * m)); i++)
        {
            count[SobolPoints.Point(i, 0) >> (32 - m), SobolPoints.Point(i, 1) >> (32 - m)]++;
        }

        foreach (int c in count)
        {
            Assert.Equal(1, c);
        }
    }

    [Fact]
    public void AnyPointIsComputedAloneAndDimensionsOutsideTheTableAreRefused()
    {
        // Gray-code construction: point n = point n − 1 XOR v_c, c the lowest zero bit of n − 1 (Antonov–Saleev).
        uint previous = SobolPoints.Point(1_000_003, 5); // binary …0011: its lowest zero bit is bit 2
        uint n = 1_000_004, c = (uint)System.Numerics.BitOperations.TrailingZeroCount(~(n - 1));
        uint vc = SobolPoints.Point(1u << (int)c, 5) ^ SobolPoints.Point((1u << (int)c) - 1, 5);
        Assert.Equal(previous ^ vc, SobolPoints.Point(n, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolPoints.Point(0, SobolPoints.MaxDimensions));
    }
}
