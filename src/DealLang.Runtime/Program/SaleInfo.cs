namespace DealLang.Runtime;

/// <summary>
/// One enforcement sale: after an event of default, the listed <see cref="Collateral"/> (of any sellable kind) is
/// sold <see cref="LagMonths"/> after the default date at value less <see cref="Haircut"/> (both scenario-overridable).
/// </summary>
public sealed record SaleInfo(CollateralRef[] Collateral, double Haircut, int LagMonths);
