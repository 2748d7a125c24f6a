namespace DealLang.Runtime;

/// <summary>
/// The Sobol low-discrepancy sequence in base 2 (docs/language.md §10, "Sobol points"), dimensions 1 to
/// <see cref="MaxDimensions"/>, as 32-bit integers (the point is the integer over 2³²). Point n is computed alone, by
/// the Gray-code construction: x_n = ⊕ v_k over the bits k set in g(n) = n ⊕ (n ≫ 1), so point n equals the n-th
/// point of Antonov and Saleev's recursive ordering (x_n = x_{n−1} ⊕ v_c, c the lowest zero bit of n − 1), which is
/// the order Joe and Kuo's own generator and most libraries list — and a path can be run alone, in any shard.
/// <para>
/// Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
/// SIAM J. Sci. Comput. 30 (2008) 2635–2654, the table new-joe-kuo-6.21201
/// (https://web.maths.unsw.edu.au/~fkuo/sobol/), its rows for dimensions 2 to 32: the degree s of the primitive
/// polynomial, its inner coefficients a, and the initial m_1 … m_s. Dimension 1 is v_k = 2^(32−k) (the van der Corput
/// sequence). The rest follow the recurrence v_k = v_{k−s} ⊕ (v_{k−s} ≫ s) ⊕ ⊕_{j=1}^{s−1} a_j v_{k−j}, with
/// v_k = m_k 2^(32−k) for k ≤ s and a_j the bit s − 1 − j of a.
/// </para>
/// </summary>
public static class SobolPoints
{
    /// <summary>The dimensions embedded: a path's factors plus its drawn defaults may use at most this many.</summary>
    public const int MaxDimensions = 32;

    const int Bits = 32;

    // new-joe-kuo-6.21201, dimensions 2 to 32: { s, a, m_1, …, m_s }.
    static readonly int[][] Table =
    [
        [1, 0, 1],
        [2, 1, 1, 3],
        [3, 1, 1, 3, 1],
        [3, 2, 1, 1, 1],
        [4, 1, 1, 1, 3, 3],
        [4, 4, 1, 3, 5, 13],
        [5, 2, 1, 1, 5, 5, 17],
        [5, 4, 1, 1, 5, 5, 5],
        [5, 7, 1, 1, 7, 11, 19],
        [5, 11, 1, 1, 5, 1, 1],
        [5, 13, 1, 1, 1, 3, 11],
        [5, 14, 1, 3, 5, 5, 31],
        [6, 1, 1, 3, 3, 9, 7, 49],
        [6, 13, 1, 1, 1, 15, 21, 21],
        [6, 16, 1, 3, 1, 13, 27, 49],
        [6, 19, 1, 1, 1, 15, 7, 5],
        [6, 22, 1, 3, 1, 15, 13, 25],
        [6, 25, 1, 1, 5, 5, 19, 61],
        [7, 1, 1, 3, 7, 11, 23, 15, 103],
        [7, 4, 1, 3, 7, 13, 13, 15, 69],
        [7, 7, 1, 1, 3, 13, 7, 35, 63],
        [7, 8, 1, 3, 5, 9, 1, 25, 53],
        [7, 14, 1, 3, 1, 13, 9, 35, 107],
        [7, 19, 1, 3, 1, 5, 27, 61, 31],
        [7, 21, 1, 1, 5, 11, 19, 41, 61],
        [7, 28, 1, 3, 5, 3, 3, 13, 69],
        [7, 31, 1, 1, 7, 13, 1, 19, 1],
        [7, 32, 1, 3, 7, 5, 13, 19, 59],
        [7, 37, 1, 1, 3, 9, 25, 29, 41],
        [7, 41, 1, 3, 5, 13, 23, 1, 55],
        [7, 42, 1, 3, 7, 3, 13, 59, 17],
    ];

    // [dimension][k − 1]: the direction numbers v_1 … v_32, computed once.
    static readonly uint[][] Directions = Build();

    /// <summary>Point <paramref name="index"/>'s coordinate in dimension <paramref name="dimension"/> (0-based, below
    /// <see cref="MaxDimensions"/>) as a 32-bit integer: the coordinate is it over 2³². Point 0 is 0 in every dimension.</summary>
    public static uint Point(uint index, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, MaxDimensions);
        uint[] v = Directions[dimension];
        uint gray = index ^ (index >> 1);
        uint x = 0;
        for (int k = 0; gray != 0; k++, gray >>= 1)
        {
            if ((gray & 1) != 0)
            {
                x ^= v[k];
            }
        }

        return x;
    }

    static uint[][] Build()
    {
        var directions = new uint[MaxDimensions][];
        directions[0] = new uint[Bits];
        for (int k = 1; k <= Bits; k++)
        {
            directions[0][k - 1] = 1u << (Bits - k);
        }

        for (int d = 1; d < MaxDimensions; d++)
        {
            int[] row = Table[d - 1];
            int s = row[0], a = row[1];
            var v = new uint[Bits + 1]; // 1-based, as the recurrence is written
            for (int k = 1; k <= Bits; k++)
            {
                if (k <= s)
                {
                    v[k] = (uint)row[1 + k] << (Bits - k);
                    continue;
                }

                uint next = v[k - s] ^ (v[k - s] >> s);
                for (int j = 1; j < s; j++)
                {
                    if (((a >> (s - 1 - j)) & 1) != 0)
                    {
                        next ^= v[k - j];
                    }
                }

                v[k] = next;
            }

            directions[d] = v[1..];
        }

        return directions;
    }
}
