namespace DealLang.Runtime;

/// <summary>An equity piece: what its holders put in at closing and how they split what comes out.</summary>
public sealed record EquityInfo(string Name, double Contributed, EquityHolder[] Holders);

public sealed record EquityHolder(int Party, double Share);
