using MathNet.Numerics;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// The beta distribution's function I_x(α, β) and its inverse, for a recovery loaded on the factors (docs/language.md
/// §10, "Wrong-way recoveries"): the path's beta variate R₀ is turned into its uniform I_{R₀}(α, β), that into a normal,
/// the normal mixed with the factors' shocks, and the mix back into a recovery by the quantile. The function is
/// MathNet's regularised incomplete beta (a continued fraction); the quantile is Newton's method on it kept inside a
/// bracket that every step narrows (a step leaving the bracket is replaced by its midpoint), so it always converges,
/// to the last few bits, in a handful of steps from the mean (or, for a shape below 1, from the tail's leading term). Deterministic: the same operations in the same order.
/// </summary>
public static class BetaQuantile
{
    /// <summary>I_x(α, β) = P(R ≤ x) for R ~ Beta(α, β), x in [0, 1].</summary>
    public static double Cdf(double x, double alpha, double beta) =>
        x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(alpha, beta, x);

    /// <summary>The x in [0, 1] with I_x(α, β) = <paramref name="u"/>: 0 at u ≤ 0 and 1 at u ≥ 1 (a uniform made from
    /// a normal beyond ±8.3 standard deviations, which Φ rounds to 0 or 1).</summary>
    public static double Inverse(double u, double alpha, double beta)
    {
        if (u <= 0)
        {
            return 0;
        }

        if (u >= 1)
        {
            return 1;
        }

        double lnB = SpecialFunctions.BetaLn(alpha, beta);
        double lo = 0, hi = 1, x = Start(u, alpha, beta);

        // Enough halvings to reach any double in (0, 1) (1,074 binary places below 1/2, 53 above): the bracket alone
        // converges; Newton's steps take a handful.
        for (int step = 0; step < 1_200; step++)
        {
            double f = Cdf(x, alpha, beta) - u;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            // The density at x: f'(x) = x^(α − 1) (1 − x)^(β − 1) / B(α, β).
            double density = Math.Exp(((alpha - 1) * Math.Log(x)) + ((beta - 1) * Math.Log(1 - x)) - lnB);
            double next = x - (f / density);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
                if (!(next > lo && next < hi))
                {
                    return x; // the bracket is two neighbouring doubles
                }
            }

            // A step within about an ulp of x: the next would be rounding.
            if (Math.Abs(next - x) <= 2.3e-16 * x)
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    /// <summary>Where Newton's method starts: the mean, or, with a shape below 1 (a density unbounded at an end, whose
    /// quantiles crowd into that end), the tail's leading term, I_x ≈ x^α / (α B) near 0 and 1 − (1 − x)^β / (β B) near
    /// 1, split where they meet (Numerical Recipes, 3rd ed., §6.14, <c>invbetai</c>).</summary>
    static double Start(double u, double alpha, double beta)
    {
        if (alpha >= 1 && beta >= 1)
        {
            return alpha / (alpha + beta);
        }

        double lower = Math.Exp(alpha * Math.Log(alpha / (alpha + beta))) / alpha;
        double upper = Math.Exp(beta * Math.Log(beta / (alpha + beta))) / beta;
        double w = lower + upper;
        double x = u < lower / w
            ? Math.Pow(alpha * w * u, 1 / alpha)
            : 1 - Math.Pow(beta * w * (1 - u), 1 / beta);
        return x > 0 && x < 1 ? x : alpha / (alpha + beta);
    }
}
