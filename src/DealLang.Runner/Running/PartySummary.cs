using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// A party's credit terms and what happened to it in one scenario. <see cref="PdToMaturity"/> turns the annual
/// default probability into the chance of a default before the deal's maturity, 1 − (1 − pd)^years, assuming a
/// constant hazard (the deterministic view; Monte Carlo draws defaults from the same figure).
/// </summary>
/// <param name="DefaultDate">The date the scenario makes the party default, when within the periods run; else null.</param>
public sealed record PartySummary(
    string Name,
    string Rating,
    double AnnualPd,
    double PdToMaturity,
    double Recovery,
    Date? DefaultDate)
{
    /// <summary>The workout lag, whole months, of the loans the party owes with a lag, when the scenario's path drew it
    /// (<c>P workout drawn …</c>); null when each loan's own lag holds.</summary>
    public int? WorkoutMonths { get; init; }
}
