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
public sealed record HoldingInfo(string Name, string Entity, string Member, bool Equity, double Share, double Face, int MarkIndex);
