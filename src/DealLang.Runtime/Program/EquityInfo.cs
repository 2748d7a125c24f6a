namespace DealLang.Runtime;

/// <summary>An equity piece: what its holders put in at closing and how they split what comes out.</summary>
public sealed record EquityInfo(string Name, double Contributed, EquityHolder[] Holders)
{
    /// <summary>A fund's distribution waterfall between its LPs (the holders) and its GP; null when the holders
    /// simply share what the equity receives.</summary>
    public CarryTerms? Carry { get; init; }
}

public sealed record EquityHolder(int Party, double Share);

/// <summary><c>hurdle 8%  carry 20% to Manager catch_up 100%</c>: the preferred return a year (compounding on
/// contributed capital), the GP's share of profits, the GP (a party index) and its catch-up share (0: none).
/// docs/language.md §5 "equity", "A fund's LPs: hurdle and carry".</summary>
public sealed record CarryTerms(double Hurdle, double Rate, int Partner, double CatchUp);
