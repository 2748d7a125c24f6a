namespace DealLang.Runtime;

/// <summary>
/// A holding of another entity of the chain (docs/language.md §5 "holding"): <see cref="Share"/> of tranche or equity
/// <see cref="Member"/> of the deal named <see cref="Entity"/> (<see cref="Equity"/>: an equity). A face amount is
/// held as the share it is of the tranche's face (<see cref="Face"/>: the tranche's balance, or its commitment).
/// What the entity pays the holding each period, and its par value, are path inputs the runner fills from the
/// entity's run (<see cref="InputQuantity.HoldingReceipts"/>, <see cref="InputQuantity.HoldingPar"/>); when
/// <see cref="MarkIndex"/> is not −1 the holding's value is that par times that index's level (an index of
/// <see cref="DealDescription.Indices"/>, a price as a share of par).
/// </summary>
public sealed record HoldingInfo(string Name, string Entity, string Member, bool Equity, double Share, double Face, int MarkIndex)
{
    /// <summary>Whether a <c>sell … to cover</c> step of the holder sells it (a forced sale: docs/language.md §5 "holding");
    /// only then does it have its market's path inputs read and its sale figures written.</summary>
    public bool Sold { get; init; }

    /// <summary>Whether it holds a delayed-draw tranche that draws after the holder's closing: only then does the holder
    /// pay its share of each draw (<see cref="InputQuantity.HoldingDraws"/>) and have the draws' figures written.</summary>
    public bool Draws { get; init; }

    /// <summary>For a holding that funds draws, the equity of the holder (its index in <see cref="DealDescription.Equities"/>)
    /// whose investors are called for what the holder's cash cannot fund; −1 when none is (the rest waits for the cash).
    /// A deal-by-deal carry counts what that equity was called for a holding's draws as capital of that holding.</summary>
    public int CalledFrom { get; init; } = -1;

    /// <summary>The market a forced sale sells it into, as the deal says (a scenario may replace each term,
    /// <see cref="HoldingLevers"/>): the discount to the mark, the marked value a period the market absorbs (0: no
    /// depth, so no price impact) and the further discount at a sale of the whole depth.</summary>
    public double SaleDiscount { get; init; }

    /// <inheritdoc cref="SaleDiscount"/>
    public double Depth { get; init; }

    /// <inheritdoc cref="SaleDiscount"/>
    public double Impact { get; init; }
}
