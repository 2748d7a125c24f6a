using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>A holding's figures in one scenario (docs/language.md §12 "The summary"): what the held entity paid it
/// over the periods run (<paramref name="Received"/>) and its value at the end of the last period run. For a holding a
/// sale step sells (a forced sale), on the share still held each period, and its sales' figures: the marked value
/// sold, what it raised (<paramref name="SaleProceeds"/>), the loss on sale (the value sold less what it raised) and to par, the
/// share of the holding sold by the end and the end of the first period it was sold in (null: never).</summary>
public sealed record HoldingSummary(string Holding, string Of, double Received, double FinalValue)
{
    public double ValueSold { get; init; }

    public double SaleProceeds { get; init; }

    public double LossOnSale => ValueSold - SaleProceeds;

    /// <summary>The par of what the sales sold: each period's marked value sold over its mark's level then (the value
    /// sold itself for a holding marked at par).</summary>
    public double ParSold { get; init; }

    /// <summary>What the sales lost against par, the par sold less what it raised, never below 0: the mark's fall below
    /// par and the market's discount together, what the holder gave up against being repaid at par (the chain's funds
    /// layer counts it; <see cref="LossOnSale"/> is only the discount to the mark).</summary>
    public double LossToPar => Math.Max(0.0, ParSold - SaleProceeds);

    public double ShareSold { get; init; }

    public Date? FirstSale { get; init; }

    /// <summary>For a holding of a delayed draw that draws after the holder's closing: what the holder paid of its share
    /// of the draws (at the tranche's issue price) over the periods run.</summary>
    public double DrawsPaid { get; init; }

    /// <summary>What it owed of them and had not paid at the end of the last period run (the cash could not fund it).</summary>
    public double DrawsUnpaid { get; init; }
}
