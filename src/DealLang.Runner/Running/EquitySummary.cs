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
    ImmutableArray<HolderShare> Holders);

/// <summary>A holder's cut of an equity's distributions: <paramref name="Share"/> × the total.</summary>
public sealed record HolderShare(string Holder, double Share, double Distributions);
