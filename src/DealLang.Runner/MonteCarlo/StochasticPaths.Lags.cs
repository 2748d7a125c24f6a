namespace DealLang.Runner.MonteCarlo;

// Months drawn from outcomes (docs/language.md §10, "Drawn delays", "Drawn workout lags"): each path's completion delays
// and workout lags, a party's and a loan's own, each one uniform (or a loaded normal) at a fixed place of the path.
public sealed partial class StochasticPaths
{
    /// <summary>
    /// Each drawn delay's outcome, after every other draw of the path (so no other draw moves): one uniform u from the
    /// path's stream, the first outcome j with u &lt; p_0 + … + p_j (on a mirrored path 1 − u: the mirror's delay is
    /// the other tail's). Under <c>sobol</c>, u is the delay's own dimension of the path's point, after the renewal
    /// options, so that 2^m paths draw each outcome in its share to within 2^−m. A loaded delay draws, at the same place,
    /// its own normal ε = Φ⁻¹(u) (negated on a mirrored path, as every normal) and compares U = Φ(√(1 − v) ε + Σ β_k Z_k)
    /// in u's stead (<see cref="FactorCopula"/>): the draws after it are the same whether or not it is loaded.
    /// </summary>
    void DrawDelays(ref PathStream rng, Work w, uint point)
    {
        for (int d = 0; d < delays.Count; d++)
        {
            w.DelayOutcome[d] = delays.Outcome(d, LoadedUniform(ref rng, w, point, delays.Copula(d), delayDimension + d));
        }
    }

    /// <summary>
    /// Each drawn workout lag, after every other draw of the path (so no other draw moves): one uniform u from the path's
    /// stream, the first lag j with u &lt; p_0 + … + p_j (on a mirrored path 1 − u), written as the party's lag in months
    /// for the path building to round to periods as a fixed lag is. Under <c>sobol</c>, u is the lag's own dimension of
    /// the path's point, after the drawn break dates. A loaded lag draws, at the same place, its own normal ε = Φ⁻¹(u)
    /// (negated on a mirrored path, as every normal) and compares U = Φ(√(1 − v) ε + Σ β_k Z_k) in u's stead, as a loaded
    /// delay does (<see cref="FactorCopula"/>): the draws after it are the same whether or not it is loaded.
    /// </summary>
    void DrawWorkouts(ref PathStream rng, Work w, uint point)
    {
        for (int m = 0; m < workouts.Count; m++)
        {
            w.Scenario.PartyWorkoutMonths[workouts[m].Party] = workouts.Months(m, LoadedUniform(ref rng, w, point, workouts.Copula(m), workoutDimension + m));
        }
    }

    /// <summary>
    /// Each loan's own drawn workout lag (<c>L workout drawn …</c>), drawn as a party's is (<see cref="DrawWorkouts"/>) but
    /// after every other draw of the path, the renewal terms' break dates too, so that a scenario without one draws what
    /// it drew before they existed; under <c>sobol</c>, its own dimension after those. Written as the loan's lag in
    /// months, which the loan reads in place of its obligor's.
    /// </summary>
    void DrawLoanWorkouts(ref PathStream rng, Work w, uint point)
    {
        for (int m = 0; m < loanWorkouts.Count; m++)
        {
            w.Scenario.LoanWorkoutMonths[loanWorkouts[m].Loan] = loanWorkouts.Months(m, LoadedUniform(ref rng, w, point, loanWorkouts.Copula(m), loanWorkoutDimension + m));
        }
    }

    // A drawn delay's or workout lag's uniform: the stream's next (1 − u on a mirrored path), or its Sobol dimension; a
    // loaded one's normal at the same place through its copula.
    double LoadedUniform(ref PathStream rng, Work w, uint point, FactorCopula? copula, int dimension) =>
        copula is { } loaded
            ? loaded.Uniform(sobolShift is null ? rng.Normal() : SobolNormal(point, dimension), w.Shock, w.StressedShare)
            : sobolShift is null ? rng.Uniform() : SobolUniform(point, dimension);
}
