using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A recovery drawn from outcomes (<c>recovery drawn at 0% with 30%, 60% with 70%</c>, docs/language.md §10, "Drawn
/// recovery outcomes"), worked out once per source: the outcomes' running sums c_j = p_0 + … + p_j (the last 1 exactly)
/// and, when it loads on the factors, its <see cref="FactorCopula"/>. A path draws one number from its stream: a uniform
/// u (1 − u on a mirrored path) or, loaded, its own normal ε = Φ⁻¹(u) (negated on a mirrored path) turned into the
/// copula's uniform U = Φ(√(1 − v) ε + Σ γ_k Z_k), as a loaded beta's η is (<see cref="LoadedRecovery"/>); the recovery
/// is the distribution's quantile at it, the smallest R_j with c_j ≥ U. The recoveries increase (the compiler's DL0554),
/// so a higher uniform gives a higher recovery, as the beta's quantile does, and a loading's sign means what it means
/// for a beta.
/// </summary>
internal sealed class RecoveryOutcomeDraw
{
    // How far the probabilities may add up from 1 (the compiler's check, DL0553, is the same).
    const double Tolerance = 1e-9;

    readonly double[] recoveries;
    readonly double[] cumulative;
    readonly FactorCopula? copula;

    RecoveryOutcomeDraw(double[] recoveries, double[] cumulative, FactorCopula? copula)
    {
        this.recoveries = recoveries;
        this.cumulative = cumulative;
        this.copula = copula;
    }

    /// <summary>The draw of <paramref name="outcomes"/>, party <paramref name="party"/>'s; <paramref name="bad"/> makes the
    /// error for outcomes or loadings the compiler's checks reject (DL0552-DL0554; DL0533, DL0534).</summary>
    public static RecoveryOutcomeDraw Of(RecoveryOutcomes outcomes, string party, int factors, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Recoveries is not { Length: > 0 } r || outcomes.Probabilities is not { } p || p.Length != r.Length
            || !Array.TrueForAll(r, x => x is >= 0 and <= 1)
            || !Enumerable.Range(1, r.Length - 1).All(j => r[j] > r[j - 1])
            || !Array.TrueForAll(p, x => x is > 0 and <= 1)
            || Math.Abs(p.Sum() - 1) > Tolerance)
        {
            throw bad($"party '{party}''s drawn recovery is not outcomes in [0%, 100%], increasing, with probabilities in (0%, 100%] adding up to 100%");
        }

        FactorCopula? copula = FactorCopula.Of(outcomes.Loadings ?? [], $"party '{party}''s drawn recovery", "γ", factors, correlation, regimes, bad);
        return new RecoveryOutcomeDraw(r, DrawnDelays.Cumulative(p), copula);
    }

    /// <summary>The path's recovery: its one number drawn from <paramref name="rng"/> (after every draw before it),
    /// through the copula when loaded, on a path whose factors' path shocks are <paramref name="shocks"/> and whose
    /// stressed share is <paramref name="stressedShare"/>.</summary>
    public double Draw(ref PathStream rng, double[] shocks, double stressedShare) =>
        Quantile(copula is { } loaded ? loaded.Uniform(rng.Normal(), shocks, stressedShare) : rng.Uniform());

    /// <summary>The smallest outcome R_j with c_j ≥ <paramref name="u"/>, for a uniform in [0, 1]: the discrete
    /// distribution's quantile F⁻¹(u) = min{R : F(R) ≥ u}.</summary>
    public double Quantile(double u)
    {
        int j = 0;
        while (j < cumulative.Length - 1 && cumulative[j] < u)
        {
            j++;
        }

        return recoveries[j];
    }
}
