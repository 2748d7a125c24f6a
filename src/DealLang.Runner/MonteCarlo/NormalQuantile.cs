using System.Runtime.Intrinsics;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// The standard normal's quantile and distribution function. The quantile is Wichura's algorithm AS 241 (PPND16,
/// Applied Statistics 37(3), 1988): rational approximations with a relative error about 1e-16, symmetric in p ↔ 1 − p
/// (so an antithetic path's normal is exactly the negated one). The distribution function is Marsaglia's Taylor series
/// ("Evaluating the normal distribution", J. Stat. Software 11(4), 2004), absolute error about 1e-15.
/// </summary>
public static class NormalQuantile
{
    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1.</summary>
    public static double Inverse(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r2 = 0.180625 - (q * q);
            return q * A(r2) / B(r2);
        }

        double r = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double value = r <= 5 ? C(r - 1.6) / D(r - 1.6) : E(r - 5) / F(r - 5);
        return q < 0 ? -value : value;
    }

    /// <summary>
    /// Φ⁻¹ of each of <paramref name="p"/> into <paramref name="z"/> (the same span, or one as long): the bits of
    /// <see cref="Inverse(double)"/> one by one. Four at a time in the central region |p − ½| ≤ 0.425, where most draws
    /// fall: one normal's two polynomials are chains of dependent multiplications and additions, about 20 ns of
    /// latency, which four lanes share (bench/HISTORY.md, "Session 2026-12-03e"). Each lane does the scalar's
    /// operations in its order (a multiplication, then an addition: nothing fused), so the same bits; a group with a
    /// draw in a tail takes the scalar way for that draw.
    /// </summary>
    public static void Inverse(ReadOnlySpan<double> p, Span<double> z)
    {
        if (z.Length != p.Length)
        {
            throw new ArgumentException($"Expected {p.Length} places for the normals, got {z.Length}.", nameof(z));
        }

        if (p.Overlaps(z, out int offset) && offset != 0)
        {
            // A group's normals are written before the next group's draws are read: z may be p, not p shifted.
            throw new ArgumentException("The normals may be written over their draws, but not over a shifted part of them.", nameof(z));
        }

        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> half = Vector256.Create(0.5), edge = Vector256.Create(0.425), r2Base = Vector256.Create(0.180625);
            for (; i <= p.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                // The draws are read into the vector before any normal is written: z may be p itself.
                Vector256<double> draws = Vector256.Create(p.Slice(i, Vector256<double>.Count));
                Vector256<double> q = draws - half;
                Vector256<double> r2 = r2Base - (q * q);
                Vector256<double> central = q * A(r2) / B(r2);
                central.CopyTo(z.Slice(i, Vector256<double>.Count));
                uint tails = Vector256.GreaterThan(Vector256.Abs(q), edge).ExtractMostSignificantBits();
                for (; tails != 0; tails &= tails - 1)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(tails);
                    z[i + lane] = Inverse(draws.GetElement(lane));
                }
            }
        }

        for (; i < p.Length; i++)
        {
            z[i] = Inverse(p[i]);
        }
    }

    // AS 241's central polynomials over four draws: the scalar A's and B's steps lane by lane.
    static Vector256<double> A(Vector256<double> x)
    {
        Vector256<double> v = Vector256.Create(2509.0809287301226727);
        v = (v * x) + Vector256.Create(33430.575583588128105);
        v = (v * x) + Vector256.Create(67265.770927008700853);
        v = (v * x) + Vector256.Create(45921.953931549871457);
        v = (v * x) + Vector256.Create(13731.693765509461125);
        v = (v * x) + Vector256.Create(1971.5909503065514427);
        v = (v * x) + Vector256.Create(133.14166789178437745);
        v = (v * x) + Vector256.Create(3.387132872796366608);
        return v;
    }

    static Vector256<double> B(Vector256<double> x)
    {
        Vector256<double> v = Vector256.Create(5226.495278852854561);
        v = (v * x) + Vector256.Create(28729.085735721942674);
        v = (v * x) + Vector256.Create(39307.89580009271061);
        v = (v * x) + Vector256.Create(21213.794301586595867);
        v = (v * x) + Vector256.Create(5394.1960214247511077);
        v = (v * x) + Vector256.Create(687.1870074920579083);
        v = (v * x) + Vector256.Create(42.313330701600911252);
        v = (v * x) + Vector256.Create(1.0);
        return v;
    }

    // AS 241's polynomials, numerator then denominator for each of its three regions, by Horner's rule written out
    // (highest power first, one multiply and one add a step, as a loop over the coefficients computes them — the same
    // bits): no array, bounds check or loop in the ~140 normals a path draws (bench/HISTORY.md, "What changed for
    // throughput").
    static double A(double x)
    {
        double v = 2509.0809287301226727;
        v = (v * x) + 33430.575583588128105;
        v = (v * x) + 67265.770927008700853;
        v = (v * x) + 45921.953931549871457;
        v = (v * x) + 13731.693765509461125;
        v = (v * x) + 1971.5909503065514427;
        v = (v * x) + 133.14166789178437745;
        v = (v * x) + 3.387132872796366608;
        return v;
    }

    static double B(double x)
    {
        double v = 5226.495278852854561;
        v = (v * x) + 28729.085735721942674;
        v = (v * x) + 39307.89580009271061;
        v = (v * x) + 21213.794301586595867;
        v = (v * x) + 5394.1960214247511077;
        v = (v * x) + 687.1870074920579083;
        v = (v * x) + 42.313330701600911252;
        v = (v * x) + 1.0;
        return v;
    }

    static double C(double x)
    {
        double v = 7.7454501427834140764e-4;
        v = (v * x) + 0.0227238449892691845833;
        v = (v * x) + 0.24178072517745061177;
        v = (v * x) + 1.27045825245236838258;
        v = (v * x) + 3.64784832476320460504;
        v = (v * x) + 5.7694972214606914055;
        v = (v * x) + 4.6303378461565452959;
        v = (v * x) + 1.42343711074968357734;
        return v;
    }

    static double D(double x)
    {
        double v = 1.05075007164441684324e-9;
        v = (v * x) + 5.475938084995344946e-4;
        v = (v * x) + 0.0151986665636164571966;
        v = (v * x) + 0.14810397642748007459;
        v = (v * x) + 0.68976733498510000455;
        v = (v * x) + 1.6763848301838038494;
        v = (v * x) + 2.05319162663775882187;
        v = (v * x) + 1.0;
        return v;
    }

    static double E(double x)
    {
        double v = 2.01033439929228813265e-7;
        v = (v * x) + 2.71155556874348757815e-5;
        v = (v * x) + 0.0012426609473880784386;
        v = (v * x) + 0.026532189526576123093;
        v = (v * x) + 0.29656057182850489123;
        v = (v * x) + 1.7848265399172913358;
        v = (v * x) + 5.4637849111641143699;
        v = (v * x) + 6.6579046435011037772;
        return v;
    }

    static double F(double x)
    {
        double v = 2.04426310338993978564e-15;
        v = (v * x) + 1.4215117583164458887e-7;
        v = (v * x) + 1.8463183175100546818e-5;
        v = (v * x) + 7.868691311456132591e-4;
        v = (v * x) + 0.0148753612908506148525;
        v = (v * x) + 0.13692988092273580531;
        v = (v * x) + 0.59983220655588793769;
        v = (v * x) + 1.0;
        return v;
    }
    /// <summary>Φ(x), Marsaglia's series Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + …); 0 and 1 beyond ±37; NaN for NaN.</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN; // the series below runs until its sum stops changing, which a NaN sum never does
        }

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
