using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// Beta variates from a path's stream, for a drawn recovery (docs/language.md §10, "Stochastic scenarios"): X / (X + Y)
/// with X ~ Gamma(α), Y ~ Gamma(β), each by Marsaglia and Tsang's method ("A simple method for generating gamma
/// variables", ACM TOMS 26(3), 2000): with d = a − 1/3 and c = 1 / √(9d), draw a normal x and v = (1 + c x)³; accept
/// d v when v &gt; 0 and a uniform u has u &lt; 1 − 0.0331 x⁴ (the squeeze) or ln u &lt; x²/2 + d (1 − v + ln v);
/// else draw again. For a &lt; 1, Gamma(a) = Gamma(a + 1) × U^(1/a). Exact (no approximation of the beta CDF, which
/// MathNet's <c>Beta.InvCDF</c> inverts slowly); the draws per path vary with the rejections, which a counter-based
/// stream allows (the path's numbers are still a function of (seed, path) alone). Allocation-free.
/// </summary>
public static class BetaVariate
{
    /// <summary>One draw of the beta distribution <paramref name="recovery"/> describes, in [0, 1] (in (0, 1) but where
    /// double rounds a variate within 10⁻¹⁶ of an end to it).</summary>
    public static double Draw(ref PathStream rng, RecoveryBeta recovery)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        double x = Gamma(ref rng, recovery.Alpha, out double logX);
        double y = Gamma(ref rng, recovery.Beta, out double logY);
        if (x + y > 0)
        {
            return x / (x + y);
        }

        // Both gamma variates underflowed to 0: with α and β both far below 1 (an sd just under √(m (1 − m)), a beta
        // nearly all at 0 and 1), U^(1/a) is below 10⁻³²⁴ for most U, and 0 / 0 was NaN, which the path then read as
        // "not drawn" (the window's mean share, the party's own recovery) while --paths-out showed n/a. The ratio is
        // exp(ln X) / (exp(ln X) + exp(ln Y)), taken from the logs, which do not underflow: 1 / (1 + e^(ln Y − ln X)).
        return logX >= logY ? 1.0 / (1.0 + Math.Exp(logY - logX)) : Math.Exp(logX - logY) / (1.0 + Math.Exp(logX - logY));
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) variate, shape &gt; 0.</summary>
    public static double Gamma(ref PathStream rng, double shape) => Gamma(ref rng, shape, out _);

    /// <summary>A Gamma(<paramref name="shape"/>, 1) variate, shape &gt; 0, and, when it underflowed to 0 (a shape far
    /// below 1), its natural log, which stays finite (0 otherwise: <see cref="Draw"/> reads the logs only when both of
    /// its variates underflowed, so no other draw pays for them); the same numbers drawn, the variate the same bits.</summary>
    static double Gamma(ref PathStream rng, double shape, out double logIfZero)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) U^(1/a): the boost keeps the method's d above 0. The boosted variate (shape ≥ 1)
            // never underflows: the method below accepts no v near 0.
            double boosted = Gamma(ref rng, shape + 1, out _);
            double u = rng.Uniform();
            double value = boosted * Math.Pow(u, 1.0 / shape);
            logIfZero = value > 0 ? 0.0 : Math.Log(boosted) + (Math.Log(u) / shape);
            return value;
        }

        logIfZero = 0.0;
        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = rng.Normal();
            double v = 1.0 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = rng.Uniform();
            double x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }
}
