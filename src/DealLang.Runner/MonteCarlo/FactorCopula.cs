using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A draw's Gaussian copula on the factors (docs/language.md §10, "Wrong-way recoveries", "Drawn delays", "Drawn workout
/// lags"): given the draw's own standard normal ε, its uniform is U = Φ(√(1 − v) ε + Σ β_k Z_k), with Z_k the factors' path shocks a drawn
/// default reads and v = βᵀRβ (with regimes, the normal and stress regimes' weighted by the path's stressed share, as a
/// default's), so U is uniform whatever the loadings and the draw keeps its own distribution; only which paths get its
/// low or high values changes. A positive β_k gives the low values where factor k's shock is low. Shared by the
/// draws that turn a uniform they already drew into a loaded one: a drawn recovery (<see cref="LoadedRecovery"/>), a
/// drawn delay (<see cref="DrawnDelays"/>) and a drawn workout lag (<see cref="DrawnWorkouts"/>).
/// </summary>
internal sealed class FactorCopula
{
    readonly double[] loadings;
    readonly double loadedNormal, loadedStress, ownNormal;

    FactorCopula(double[] loadings, double loadedNormal, double loadedStress)
    {
        this.loadings = loadings;
        this.loadedNormal = loadedNormal;
        this.loadedStress = loadedStress;
        ownNormal = Math.Sqrt(Math.Max(0.0, 1 - loadedNormal));
    }

    /// <summary>The copula of <paramref name="loadings"/> (<paramref name="symbol"/> their letter in a message: β, γ),
    /// or null when they load on no factor (the draw is then its own uniform, bit for bit as before loadings existed).
    /// <paramref name="bad"/> makes the error for loadings that do not fit the scenario, naming <paramref name="what"/>
    /// ("party 'Lab''s drawn recovery"; the compiler's checks reject the same: DL0533, DL0534).</summary>
    public static FactorCopula? Of(double[] loadings, string what, string symbol, int factors, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad)
    {
        if (!Array.Exists(loadings, b => b != 0))
        {
            return null;
        }

        if (loadings.Length != factors || !Array.TrueForAll(loadings, double.IsFinite))
        {
            throw bad($"{what} has {loadings.Length} factor loadings (each a number), and the scenario has {factors} factors");
        }

        (double normal, double stress) = Variances(loadings, $"{what}'s", symbol, correlation, regimes, bad);
        return new FactorCopula(loadings, normal, stress);
    }

    /// <summary>
    /// The variance of Σ β_k Z_k under the normal regime's correlations and under the stress regime's (the normal one's
    /// again without <paramref name="regimes"/>): βᵀRβ, not Σ β², when the factors are correlated. Refused above 1, where
    /// the draw's own weight √(1 − v), which keeps it a standard normal, would not be real (<paramref name="whose"/>:
    /// "party 'Lab''s", for the message). Every loaded draw checks its loadings here: a default time, a renewal, a break,
    /// a recovery, a delay, a workout lag.
    /// </summary>
    internal static (double Normal, double Stress) Variances(
        double[] loadings, string whose, string symbol, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad)
    {
        double normal = Correlations.LoadedVariance(loadings, correlation?.Normal);
        double stress = regimes ? Correlations.LoadedVariance(loadings, correlation!.Stress) : normal;
        double loaded = Math.Max(normal, stress);
        if (loaded > 1 + Correlations.Tolerance)
        {
            throw bad($"{whose} loadings give Σ {symbol}_k Z_k a variance of {loaded} ({symbol}ᵀR{symbol}, the factors' correlations R), above 1");
        }

        return (normal, stress);
    }

    /// <summary>The loaded uniform U in [0, 1] of a draw whose own standard normal is <paramref name="own"/>, on a path
    /// whose factors' path shocks are <paramref name="shocks"/> and whose stressed share is
    /// <paramref name="stressedShare"/>.</summary>
    public double Uniform(double own, double[] shocks, double stressedShare)
    {
        double x = StochasticPaths.OwnWeight(ownNormal, loadedNormal, loadedStress, stressedShare) * own;
        for (int f = 0; f < loadings.Length; f++)
        {
            x += loadings[f] * shocks[f];
        }

        return NormalQuantile.Cdf(x);
    }
}
