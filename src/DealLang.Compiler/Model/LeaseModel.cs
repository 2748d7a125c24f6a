namespace DealLang.Compiler.Model;

/// <summary>A lease's terms (runtime data) plus the RVG's guaranteed amount, which is an expression over deal
/// state evaluated when the lease ends (e.g. the notes' balance then). Null when the lease has no RVG.
/// <see cref="PhasedBy"/> is the position among the deal's indices of the completion index a phased lease's rent is
/// scaled by (<c>phased Built</c>, docs/language.md §5 "lease", "Phased commencement"); null when the rent starts in full.
/// <see cref="IndexedBy"/> is the position of the index an indexed rent follows (<c>rent 100m per year indexed CPI</c>,
/// "Indexed rent"); null when the rent is a constant with its escalator. <see cref="Indexation"/> is how the ratio is read
/// (every period, unlagged, by default).</summary>
public sealed record LeaseModel(DealLang.Runtime.LeaseInfo Info, BoundExpression? RvgGuarantees, int? PhasedBy = null, int? IndexedBy = null)
{
    public RentIndexation Indexation { get; init; } = RentIndexation.EveryPeriod;

    /// <summary>The RVG terms of the initial term's break (<c>break_option … with rvg guarantees 90m cap 20m</c>), each null
    /// where the break states none (the lease's then); null when it states neither (docs/language.md §5, "An RVG owed at
    /// a break").</summary>
    public BreakRvgTerms? BreakRvg { get; init; }

    /// <summary>The same for the renewal terms' break (<c>renewals … with break_option … with rvg cap 20m</c>).</summary>
    public BreakRvgTerms? RenewalBreakRvg { get; init; }
}

/// <summary>A break's own RVG terms: the amount guaranteed (<see cref="Guarantees"/>, an expression over the deal's state
/// evaluated when the lease ends, as the lease's) and the cap, each in place of the lease's, null where not written.</summary>
public sealed record BreakRvgTerms(BoundExpression? Guarantees, double? Cap);

/// <summary>
/// An indexed rent's terms (<c>indexed CPI yearly floor 1% cap 4% lag 3m</c>, docs/language.md "Indexed rent"):
/// <see cref="Yearly"/> resets the ratio on the first period start on or after each anniversary of the lease's start
/// and holds it between; <see cref="Floor"/> and <see cref="Cap"/> hold each reset's change within [1 + floor, 1 + cap]
/// (null: unbounded that side; only with yearly, DL0497); the index is read <see cref="LagMonths"/> months early, which
/// is <see cref="LagPeriods"/> of the deal's periods (DL0496).
/// </summary>
public sealed record RentIndexation(bool Yearly, double? Floor, double? Cap, int LagMonths, int LagPeriods)
{
    /// <summary>The ratio read at every period's start, unlagged and uncollared (<c>indexed CPI</c> alone).</summary>
    public static readonly RentIndexation EveryPeriod = new(false, null, null, 0, 0);

    /// <summary>Whether a reset's change is held within a floor or a cap.</summary>
    public bool Collared => Floor is not null || Cap is not null;
}
