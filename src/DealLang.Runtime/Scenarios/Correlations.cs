namespace DealLang.Runtime;

/// <summary>
/// Checks and factors a correlation matrix (docs/language.md §10, "Stochastic scenarios"): symmetric, a diagonal of 1,
/// entries in [−1, 1], and positive semi-definite, tested by a Cholesky factorisation that accepts a pivot down to
/// −<see cref="Tolerance"/> (taken as 0, its column then 0) and rejects a lower one. The compiler's check and the
/// path source use the same code, so a matrix the checker accepts never gives a NaN.
/// </summary>
public static class Correlations
{
    /// <summary>The pivot tolerance of the semi-definiteness test, and of symmetry and the unit diagonal.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>The k × k identity, row-major: the correlations of k uncorrelated factors, which a scenario without a
    /// correlation item has (the lowering's default matrix, and the path source's Cholesky factor of it).</summary>
    public static double[] Identity(int k)
    {
        var m = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            m[(i * k) + i] = 1;
        }

        return m;
    }

    /// <summary>βᵀRβ, the variance of Σ β_k Z_k for standard normals Z_k with the k × k correlations R by rows (null:
    /// uncorrelated, Σβ²), summed row by row: with no correlation between the loaded factors it is Σβ² to the bit
    /// (each off-diagonal term adds 0, and β × 1 × β is β × β). A drawn default's copula needs it at most 1 (its own
    /// weight is √(1 − βᵀRβ)); the checker and the path source both sum it here.</summary>
    public static double LoadedVariance(double[] beta, double[]? r)
    {
        ArgumentNullException.ThrowIfNull(beta);
        int k = beta.Length;
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                sum += r is null ? (i == j ? beta[i] * beta[i] : 0.0) : beta[i] * r[(i * k) + j] * beta[j];
            }
        }

        return sum;
    }

    /// <summary>What is wrong with the k × k row-major matrix <paramref name="m"/> (null when it is a correlation
    /// matrix), naming the first offending entry by its row and column (0-based).</summary>
    public static string? Problem(double[] m, int k)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Length != k * k)
        {
            return $"it has {m.Length} entries, and {k} factors need {k * k}";
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double v = m[(i * k) + j];
                if (!double.IsFinite(v) || v < -1 || v > 1)
                {
                    return $"entry ({i + 1}, {j + 1}) is {v}, outside [-1, 1]";
                }

                if (i == j && Math.Abs(v - 1) > Tolerance)
                {
                    return $"its diagonal entry ({i + 1}, {i + 1}) is {v}, not 1";
                }

                if (Math.Abs(v - m[(j * k) + i]) > Tolerance)
                {
                    return $"it is not symmetric: entry ({i + 1}, {j + 1}) is {v} and ({j + 1}, {i + 1}) is {m[(j * k) + i]}";
                }
            }
        }

        return Factor(m, k, out _) is { } pivot
            ? $"it is not positive semi-definite (Cholesky pivot {pivot + 1} is negative beyond the tolerance {Tolerance})"
            : null;
    }

    /// <summary>The lower-triangular L with L Lᵀ = <paramref name="m"/> (row-major); throws
    /// <see cref="ArgumentException"/> with <see cref="Problem"/>'s message when it is not a correlation matrix.</summary>
    public static double[] Cholesky(double[] m, int k)
    {
        if (Problem(m, k) is { } problem)
        {
            throw new ArgumentException($"The correlation matrix is not valid: {problem}.", nameof(m));
        }

        Factor(m, k, out double[] lower);
        return lower;
    }

    // Cholesky–Banachiewicz; returns the first pivot below −Tolerance, or null. A pivot in [−Tolerance, Tolerance] is
    // a dependent column (a correlation of ±1): its column of L is 0 below the diagonal and its diagonal 0.
    static int? Factor(double[] m, int k, out double[] l)
    {
        l = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = m[(i * k) + j];
                for (int p = 0; p < j; p++)
                {
                    sum -= l[(i * k) + p] * l[(j * k) + p];
                }

                if (i == j)
                {
                    if (sum < -Tolerance)
                    {
                        return i;
                    }

                    l[(i * k) + i] = sum <= Tolerance ? 0.0 : Math.Sqrt(sum);
                }
                else
                {
                    double d = l[(j * k) + j];
                    l[(i * k) + j] = d == 0.0 ? 0.0 : sum / d;
                }
            }
        }

        return null;
    }
}
