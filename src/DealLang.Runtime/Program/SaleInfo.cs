namespace DealLang.Runtime;

/// <summary>
/// One enforcement sale: after an event of default, the listed facilities are sold
/// <see cref="LagMonths"/> after the default date at value less <see cref="Haircut"/> (both scenario-overridable).
/// </summary>
public sealed record SaleInfo(int[] Facilities, double Haircut, int LagMonths);
