namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// The standard normal's quantile and distribution function. The quantile is Wichura's algorithm AS 241 (PPND16,
/// Applied Statistics 37(3), 1988): rational approximations with a relative error about 1e-16, symmetric in p ↔ 1 − p
/// (so an antithetic path's normal is exactly the negated one). The distribution function is Marsaglia's Taylor series
/// ("Evaluating the normal distribution", J. Stat. Software 11(4), 2004), absolute error about 1e-15.
/// </summary>
public static class NormalQuantile
{
    // AS 241's coefficients, highest power first (Horner), numerator then denominator, for each of its three regions.
    static readonly double[] A = [2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
        13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608];
    static readonly double[] B = [5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
        5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0];
    static readonly double[] C = [7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
        3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734];
    static readonly double[] D = [1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
        0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0];
    static readonly double[] E = [2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093,
        0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772];
    static readonly double[] F = [2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
        0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1.0];

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1.</summary>
    public static double Inverse(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r2 = 0.180625 - (q * q);
            return q * Horner(A, r2) / Horner(B, r2);
        }

        double r = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double value = r <= 5 ? Horner(C, r - 1.6) / Horner(D, r - 1.6) : Horner(E, r - 5) / Horner(F, r - 5);
        return q < 0 ? -value : value;
    }

    static double Horner(double[] c, double x)
    {
        double v = c[0];
        for (int i = 1; i < c.Length; i++)
        {
            v = (v * x) + c[i];
        }

        return v;
    }

    /// <summary>Φ(x), Marsaglia's series Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + …); 0 and 1 beyond ±37.</summary>
    public static double Cdf(double x)
    {
        if (x < -37)
        {
            return 0.0;
        }

        if (x > 37)
        {
            return 1.0;
        }

        if (x < -8 || x > 8)
        {
            // The series converges slowly this far out; the tail here is below 7e-16 (the asymptotic φ(x)/|x|).
            double tail = Math.Exp((-0.5 * x * x) - 0.91893853320467274178) / Math.Abs(x);
            return x < 0 ? tail : 1 - tail;
        }

        double s = x, t = 0, b = x, q = x * x, i = 1;
        while (s != t)
        {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }

        return 0.5 + (s * Math.Exp((-0.5 * q) - 0.91893853320467274178));
    }
}
