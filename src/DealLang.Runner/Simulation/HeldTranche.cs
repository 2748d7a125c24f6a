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
}
