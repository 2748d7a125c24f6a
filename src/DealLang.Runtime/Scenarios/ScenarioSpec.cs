namespace DealLang.Runtime;

/// <summary>
/// A deterministic scenario as data: the overrides a <c>scenario</c> block makes to the deal's assumptions.
/// Arrays are indexed like the description's parties, facilities and leases; null means "as the deal says". The
/// enforcement overrides apply to every sale; the repo market's (depth, impact, limit, costs) to those with a market.
/// </summary>
public sealed record ScenarioSpec(
    string Name,
    int?[] RenewalsTaken,
    ValueStress[] FacilityStress,
    double MarketRentDeflation,
    Date?[] PartyDefaults,
    double? EnforcementHaircut,
    int? EnforcementLagMonths,
    double? EnforcementDepth = null,
    double? EnforcementImpact = null,
    double? EnforcementLimit = null,
    double? EnforcementCosts = null)
{
    /// <summary>The deal as written: no renewals taken, no stresses, no defaults.</summary>
    public static ScenarioSpec AsWritten(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(
            "AsWritten",
            new int?[deal.Leases.Length],
            [.. deal.Facilities.Select(_ => ValueStress.None)],
            0,
            new Date?[deal.Parties.Length],
            null,
            null);
    }
}

/// <summary>
/// A stress on a facility's value: deflation compounding per year from closing, and a drop that falls
/// linearly from 0 at closing to <see cref="DropFraction"/> at <see cref="DropBy"/> and holds after.
/// Both multiply the unstressed curve.
/// </summary>
public sealed record ValueStress(double DeflatePerYear, double DropFraction, Date? DropBy)
{
    public static readonly ValueStress None = new(0, 0, null);
}
