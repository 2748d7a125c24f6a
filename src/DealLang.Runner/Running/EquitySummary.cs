using System.Collections.Immutable;

namespace DealLang.Runner.Running;

/// <summary>How an equity piece fared: what went in at closing, what came out, the IRR of that, and each
/// holder's share of the distributions.</summary>
/// <param name="Irr">Annual IRR of −contributed at closing and the distributions at each period end; NaN when undefined.</param>
public sealed record EquitySummary(
    string Name,
    double Contributed,
    double Distributions,
    double Irr,
    ImmutableArray<HolderShare> Holders)
{
    /// <summary>A fund's split between its LP classes and its GP (an equity with a carry), else null.</summary>
    public CarrySummary? Carry { get; init; }
}

/// <summary>A fund's distribution waterfall, as it paid out: the GP's carry and each LP class's figures.</summary>
public sealed record CarrySummary(string Partner, double Carry, ImmutableArray<LpClassSummary> Classes);

/// <summary>One LP class (a holder of the fund's equity): its capital (its share of the contribution and of any
/// cures), what it received, the IRR of those flows, and its loss, capital less what it received (never below 0).</summary>
public sealed record LpClassSummary(string Holder, double Contributed, double Distributions, double Irr, double Loss);

/// <summary>A holder's cut of an equity's distributions: <paramref name="Share"/> × the total.</summary>
public sealed record HolderShare(string Holder, double Share, double Distributions);
