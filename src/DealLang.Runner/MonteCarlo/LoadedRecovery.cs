using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A drawn recovery loaded on the factors (wrong-way risk, docs/language.md §10, "Wrong-way recoveries"). The path's
/// beta variate R₀ (<see cref="BetaVariate"/>, the numbers an unloaded recovery draws, so the stream after it is the
/// same) gives the recovery's own normal η = Φ⁻¹(I_{R₀}(α, β)), a standard normal since I_{R₀} is uniform; the
/// recovery's uniform is U = Φ(√(1 − v) η + Σ γ_k Z_k), with Z_k the factors' path shocks a drawn default reads and
/// v = γᵀRγ (with regimes, the normal and stress regimes' weighted by the path's stressed share, as a default's: the
/// <see cref="FactorCopula"/> a drawn delay shares), so U is uniform whatever the loadings and R = I⁻¹_U(α, β) keeps the
/// beta's mean and sd. A positive γ_k lowers R on paths where factor k's shock is low: where a default loaded the same
/// way comes sooner.
/// </summary>
internal sealed class LoadedRecovery
{
    readonly double alpha, beta;
    readonly FactorCopula copula;

    LoadedRecovery(RecoveryBeta recovery, FactorCopula copula)
    {
        alpha = recovery.Alpha;
        beta = recovery.Beta;
        this.copula = copula;
    }

    /// <summary>The copula of <paramref name="recovery"/>, or null when it loads on no factor (it is then the beta
    /// variate itself, bit for bit as before loadings existed). <paramref name="bad"/> makes the error for loadings
    /// that do not fit the scenario (the compiler's checks reject the same: DL0533, DL0534);
    /// <paramref name="holder"/> names what is drawn in that error in place of the party's recovery (a loan's drawn share).</summary>
    public static LoadedRecovery? Of(RecoveryBeta recovery, string party, int factors, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad, string? holder = null) =>
        FactorCopula.Of(recovery.Loadings, holder ?? $"party '{party}''s drawn recovery", "γ", factors, correlation, regimes, bad) is { } copula
            ? new LoadedRecovery(recovery, copula)
            : null;

    /// <summary>The recovery in [0, 1] on a path whose beta variate is <paramref name="r0"/>, whose factors' path shocks
    /// are <paramref name="shocks"/> and whose stressed share is <paramref name="stressedShare"/>.</summary>
    public double Draw(double r0, double[] shocks, double stressedShare)
    {
        // I_{R₀} rounds to 1 for R₀ within an ulp or so of 1 (a large α): kept below it, so η is finite.
        double u0 = Math.Clamp(BetaQuantile.Cdf(r0, alpha, beta), double.Epsilon, Math.BitDecrement(1.0));
        double eta = NormalQuantile.Inverse(u0);
        return BetaQuantile.Inverse(copula.Uniform(eta, shocks, stressedShare), alpha, beta);
    }
}
