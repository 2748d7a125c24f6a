namespace DealLang.Runtime;

/// <summary>
/// A recovery drawn per path from outcomes (<c>recovery drawn at 0% with 30%, 60% with 70%</c>): <c>Recoveries[j]</c>
/// with probability <c>Probabilities[j]</c>, the recoveries increasing, each in [0, 1], the probabilities each in (0, 1]
/// adding up to 1. The path's uniform U gives the smallest R_j with p_0 + … + p_j ≥ U (the discrete distribution's
/// quantile), so a higher U gives a higher recovery, as a beta's quantile does; loaded, U is the copula's
/// (<see cref="RecoveryDraw.Loadings"/>).
/// </summary>
public sealed record RecoveryOutcomes(double[] Recoveries, double[] Probabilities) : RecoveryDraw
{
    // Records compare arrays by reference; a recovery is compared by its numbers.
    public bool Equals(RecoveryOutcomes? other) => other is not null && Recoveries.AsSpan().SequenceEqual(other.Recoveries)
        && Probabilities.AsSpan().SequenceEqual(other.Probabilities) && Loadings.AsSpan().SequenceEqual(other.Loadings);

    public override int GetHashCode() => HashCode.Combine(Recoveries.Length, Loadings.Length);
}
