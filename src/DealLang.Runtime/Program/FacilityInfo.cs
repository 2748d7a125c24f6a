namespace DealLang.Runtime;

/// <summary>A physical asset: its <see cref="Cost"/> and its unstressed <see cref="Value"/> curve.</summary>
public sealed record FacilityInfo(string Name, double Cost, ValueCurve Value);
