using System.Collections.Immutable;

namespace DealLang.Runner.Running;

/// <summary>How an equity piece fared: what went in (at closing and by the capital calls the run reached), what
/// came out, the IRR of that, and each holder's share of the distributions.</summary>
/// <param name="Irr">Annual IRR of −contributed at closing, −each call at its date and the distributions at each period end; NaN when undefined.</param>
public sealed record EquitySummary(
    string Name,
    double Contributed,
    double Distributions,
    double Irr,
    ImmutableArray<HolderShare> Holders)
{
    /// <summary>A fund's split between its LP classes and its GP (an equity with a carry), else null.</summary>
    public CarrySummary? Carry { get; init; }

    /// <summary>What the LPs committed; NaN when the equity states no commitment.</summary>
    public double Commitment { get; init; } = double.NaN;

    /// <summary>The commitment not yet paid in at the run's end (contribution, calls made and cures off it); NaN without a commitment.</summary>
    public double Unfunded { get; init; } = double.NaN;

    /// <summary>What it paid in over the periods run besides <see cref="Contributed"/>: its equity cures and the calls for
    /// a holding's draws (in its IRR, and off <see cref="Unfunded"/>); with <see cref="Contributed"/>, all the capital it
    /// put in, what its LP classes' capital adds up to.</summary>
    public double PaidIn { get; init; }
}

/// <summary>A fund's distribution waterfall, as it paid out: the GP's carry (after any clawback) and each LP class's figures.</summary>
public sealed record CarrySummary(string Partner, double Carry, ImmutableArray<LpClassSummary> Classes)
{
    /// <summary>Whether the carry was paid deal by deal ("American"), with a clawback at the end.</summary>
    public bool DealByDeal { get; init; }

    /// <summary>What the GP returned to the LPs at the end (deal by deal only): its carry above the whole-fund carry.</summary>
    public double Clawback { get; init; }

    /// <summary>The carry still owed the GP at the run's end (deal by deal only), deferred for want of a distribution and
    /// never paid: the LPs kept it. Σ over the classes.</summary>
    public double Unpaid { get; init; }

    /// <summary>Whether any LP class has terms of its own (the summary then shows each class's terms and carry).</summary>
    public bool ClassTerms { get; init; }
}

/// <summary>One LP class (a holder of the fund's equity): its capital (its share of the contribution, of the calls
/// made and of any cures), what it received, the IRR of those flows, and its loss, capital less what it received
/// (never below 0).</summary>
public sealed record LpClassSummary(string Holder, double Contributed, double Distributions, double Irr, double Loss)
{
    /// <summary>The GP's carry out of this class's distributions, after the clawback.</summary>
    public double Carry { get; init; }

    /// <summary>What the GP returned to this class at the end (deal by deal).</summary>
    public double Clawback { get; init; }

    /// <summary>The carry on this class's streams still owed the GP at the end, never paid (deal by deal).</summary>
    public double Unpaid { get; init; }

    /// <summary>The class's share of the unfunded commitment; NaN without a commitment.</summary>
    public double Unfunded { get; init; } = double.NaN;

    /// <summary>The class's hurdle (its own or the equity's).</summary>
    public double Hurdle { get; init; }

    /// <summary>The class's carry rate (its own or the equity's).</summary>
    public double Rate { get; init; }
}

/// <summary>A holder's cut of an equity's distributions: <paramref name="Share"/> × the total.</summary>
public sealed record HolderShare(string Holder, double Share, double Distributions);
