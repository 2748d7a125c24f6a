using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>A tranche behind a guarantor (a guarantee of kind tranche), whose holders' figures a Monte Carlo run reports
/// beside the issuer's (docs/language.md §12, "Monte Carlo results"): tranche <see cref="Tranche"/>, guarantee
/// <see cref="Guarantee"/>.</summary>
public readonly record struct HeldTranche(int Tranche, int Guarantee)
{
    /// <summary>The deal's guaranteed tranches, in guarantee order (a tranche has at most one guarantor).</summary>
    public static HeldTranche[] Of(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var held = new List<HeldTranche>();
        for (int g = 0; g < deal.Guarantees.Length; g++)
        {
            if (deal.Guarantees[g] is { Kind: GuaranteeTarget.Tranche } info)
            {
                held.Add(new HeldTranche(info.Target, g));
            }
        }

        return [.. held];
    }

    /// <summary>
    /// The holders' largest interest shortfall at a period's end over the first <paramref name="periods"/> periods of
    /// <paramref name="result"/> (docs/language.md §12, "Solvers": <c>G holders miss interest</c>): in each period the
    /// issuer's unpaid interest less the part of it owed to the guarantor, max(0, <c>T.interest_shortfall</c>_t − A_t), A_t
    /// its interest arrears at the period's end (what it paid the holders in their place, and the interest on its
    /// subrogated principal, that the issuer still owes it). Both are written every period, so this reads a finished
    /// run (summary-only is enough) and costs nothing to the periods of a deal without a guaranteed tranche.
    /// </summary>
    public double LargestInterestShortfall(RunResult result, int periods)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReadOnlySpan<double> issuer = result.InterestShortfall[Tranche].AsSpan(0, periods);
        ReadOnlySpan<double> guarantor = result.GuarantorInterest[Guarantee].AsSpan(0, periods);
        double largest = 0;
        for (int t = 0; t < issuer.Length; t++)
        {
            largest = Math.Max(largest, issuer[t] - guarantor[t]);
        }

        return largest;
    }
}
