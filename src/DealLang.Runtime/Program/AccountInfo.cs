namespace DealLang.Runtime;

/// <summary>A reserve or trap account: its balance at closing and the rate its cash earns.</summary>
public sealed record AccountInfo(string Name, double Initial, double Rate);
