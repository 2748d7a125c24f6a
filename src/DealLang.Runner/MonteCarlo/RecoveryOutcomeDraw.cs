using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A recovery drawn from outcomes (<c>recovery drawn at 0% with 30%, 60% with 70%</c>, docs/language.md §10, "Drawn
/// recovery outcomes"), or from outcomes and a beta taking the probability they leave (<c>0% with 30% else beta mean 55%
/// sd 20%</c>, a mixture), worked out once per source: where each outcome's jump begins and ends on the uniform's scale
/// and, when it loads on the factors, its <see cref="FactorCopula"/>. A path draws one number from its stream: a uniform
/// u (1 − u on a mirrored path) or, loaded, its own normal ε = Φ⁻¹(u) (negated on a mirrored path) turned into the
/// copula's uniform U = Φ(√(1 − v) ε + Σ γ_k Z_k), as a loaded beta's η is (<see cref="LoadedRecovery"/>); the recovery
/// is the distribution's quantile at it, F⁻¹(U) = min{R : F(R) ≥ U}. The recoveries increase (the compiler's DL0554),
/// so a higher uniform gives a higher recovery, as the beta's quantile does, and a loading's sign means what it means
/// for a beta.
/// </summary>
internal sealed class RecoveryOutcomeDraw
{
    // How far the probabilities may add up from 1 (the compiler's check, DL0553, is the same).
    const double Tolerance = 1e-9;

    readonly double[] recoveries;

    // Outcome j's jump in F: F(R_j⁻) = below[j] and F(R_j) = top[j]. Outcomes alone: below[j] = top[j − 1], the running
    // sums (the last 1 exactly). With a beta of weight w = 1 − Σp: F(r) = Σ_{R_i ≤ r} p_i + w I_r(α, β), so below[j] =
    // P_j + w I_{R_j}(α, β) with P_j = p_0 + … + p_{j−1} (mass[j]); between two jumps F is the beta's stretch.
    readonly double[] below;
    readonly double[] top;
    readonly double[] mass;
    readonly RecoveryBeta? rest;
    readonly double restWeight;
    readonly FactorCopula? copula;

    RecoveryOutcomeDraw(double[] recoveries, double[] probabilities, RecoveryBeta? rest, FactorCopula? copula)
    {
        this.recoveries = recoveries;
        this.rest = rest;
        this.copula = copula;
        int n = recoveries.Length;
        below = new double[n];
        top = new double[n];
        mass = new double[n + 1];
        for (int j = 0; j < n; j++)
        {
            mass[j + 1] = mass[j] + probabilities[j];
        }

        if (rest is null)
        {
            double[] cumulative = DrawnDelays.Cumulative(probabilities);
            for (int j = 0; j < n; j++)
            {
                below[j] = j == 0 ? 0 : cumulative[j - 1];
                top[j] = cumulative[j];
            }

            return;
        }

        restWeight = 1 - mass[n];
        for (int j = 0; j < n; j++)
        {
            below[j] = mass[j] + (restWeight * BetaQuantile.Cdf(recoveries[j], rest.Alpha, rest.Beta));
            top[j] = below[j] + probabilities[j];
        }
    }

    /// <summary>The draw of <paramref name="outcomes"/>, party <paramref name="party"/>'s; <paramref name="bad"/> makes the
    /// error for outcomes or loadings the compiler's checks reject (DL0552-DL0554, DL0588, DL0541; DL0533, DL0534).</summary>
    public static RecoveryOutcomeDraw Of(RecoveryOutcomes outcomes, string party, int factors, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        RecoveryBeta? rest = outcomes.Rest;
        if (outcomes.Recoveries is not { Length: > 0 } r || outcomes.Probabilities is not { } p || p.Length != r.Length
            || !Array.TrueForAll(r, x => x is >= 0 and <= 1)
            || !Enumerable.Range(1, r.Length - 1).All(j => r[j] > r[j - 1])
            || !Array.TrueForAll(p, x => x is > 0 and <= 1)
            || (rest is null ? Math.Abs(p.Sum() - 1) > Tolerance : p.Sum() >= 1 - Tolerance))
        {
            throw bad(rest is null
                ? $"party '{party}''s drawn recovery is not outcomes in [0%, 100%], increasing, with probabilities in (0%, 100%] adding up to 100%"
                : $"party '{party}''s drawn recovery is not outcomes in [0%, 100%], increasing, with probabilities in (0%, 100%] adding up to less than 100%, before its beta");
        }

        if (rest is not null && !(rest.Mean > 0 && rest.Mean < 1 && rest.Sd > 0 && rest.Sd * rest.Sd < rest.Mean * (1 - rest.Mean)))
        {
            throw bad($"party '{party}''s drawn recovery's beta after its outcomes (mean {rest.Mean}, sd {rest.Sd}) is not a beta distribution");
        }

        FactorCopula? copula = FactorCopula.Of(outcomes.Loadings ?? [], $"party '{party}''s drawn recovery", "γ", factors, correlation, regimes, bad);
        return new RecoveryOutcomeDraw(r, p, rest, copula);
    }

    /// <summary>The path's recovery: its one number drawn from <paramref name="rng"/> (after every draw before it),
    /// through the copula when loaded, on a path whose factors' path shocks are <paramref name="shocks"/> and whose
    /// stressed share is <paramref name="stressedShare"/>.</summary>
    public double Draw(ref PathStream rng, double[] shocks, double stressedShare) =>
        Quantile(copula is { } loaded ? loaded.Uniform(rng.Normal(), shocks, stressedShare) : rng.Uniform());

    /// <summary>The distribution's quantile F⁻¹(<paramref name="u"/>) = min{R : F(R) ≥ u}, for a uniform in [0, 1]: the
    /// outcome R_j whose jump [F(R_j⁻), F(R_j)] holds u or, with a beta, below the jump of the first outcome j whose jump
    /// begins at or above u, the beta's stretch: F(r) = P_j + w I_r(α, β) = u, r = I⁻¹((u − P_j) / w), which lies in
    /// (R_{j−1}, R_j] as F increases.</summary>
    public double Quantile(double u)
    {
        for (int j = 0; j < recoveries.Length; j++)
        {
            if (rest is not null && u <= below[j])
            {
                return RestQuantile(u, j);
            }

            if (u <= top[j] || (rest is null && j == recoveries.Length - 1))
            {
                return recoveries[j];
            }
        }

        return RestQuantile(u, recoveries.Length);
    }

    // The beta's stretch after the outcomes below index j, whose mass is P_j: r = I⁻¹((u − P_j) / w), clamped to the
    // stretch (the subtraction's last bit may leave (u − P_j) / w a hair outside [0, 1]).
    double RestQuantile(double u, int j) =>
        BetaQuantile.Inverse(Math.Clamp((u - mass[j]) / restWeight, 0.0, 1.0), rest!.Alpha, rest.Beta);
}
