namespace DealLang.Runtime;

/// <summary>
/// A recovery drawn per path from outcomes (<c>recovery drawn at 0% with 30%, 60% with 70%</c>): <c>Recoveries[j]</c>
/// with probability <c>Probabilities[j]</c>, the recoveries increasing, each in [0, 1], the probabilities each in (0, 1]
/// adding up to 1, or, with a <see cref="Rest"/> (<c>0% with 30% else beta mean 55% sd 20%</c>), to less than 1, the beta
/// taking the rest: a mixture. The path's uniform U gives the distribution's quantile F⁻¹(U) = min{R : F(R) ≥ U} (for
/// outcomes alone the smallest R_j with p_0 + … + p_j ≥ U), so a higher U gives a higher recovery, as a beta's quantile
/// does; loaded, U is the copula's (<see cref="RecoveryDraw.Loadings"/>).
/// </summary>
public sealed record RecoveryOutcomes(double[] Recoveries, double[] Probabilities) : RecoveryDraw
{
    /// <summary>The beta that takes the probability the outcomes leave, 1 − Σp (its own loadings unused: the mixture's
    /// are <see cref="RecoveryDraw.Loadings"/>); null when the outcomes are the whole distribution.</summary>
    public RecoveryBeta? Rest { get; init; }

    // Records compare arrays by reference; a recovery is compared by its numbers.
    public bool Equals(RecoveryOutcomes? other) => other is not null && Recoveries.AsSpan().SequenceEqual(other.Recoveries)
        && Probabilities.AsSpan().SequenceEqual(other.Probabilities) && Loadings.AsSpan().SequenceEqual(other.Loadings)
        && Equals(Rest, other.Rest);

    public override int GetHashCode() => HashCode.Combine(Recoveries.Length, Loadings.Length, Rest);
}
