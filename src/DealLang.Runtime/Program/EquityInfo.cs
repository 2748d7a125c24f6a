namespace DealLang.Runtime;

/// <summary>An equity piece: what its holders put in at closing and how they split what comes out.</summary>
public sealed record EquityInfo(string Name, double Contributed, EquityHolder[] Holders)
{
    /// <summary>A fund's distribution waterfall between its LPs (the holders) and its GP; null when the holders
    /// simply share what the equity receives.</summary>
    public CarryTerms? Carry { get; init; }

    /// <summary>What the LPs committed (<c>commitment 400m</c>), of which <see cref="Contributed"/> and the
    /// <see cref="Calls"/> are drawn; NaN when the equity states none.</summary>
    public double Commitment { get; init; } = double.NaN;

    /// <summary>Capital called after the closing, in date order (<c>calls 2026-07-01 100m</c>): paid by the holders
    /// on each date, as <see cref="Contributed"/> is at the closing. docs/language.md §5 "Commitments drawn over time".</summary>
    public CapitalCall[] Calls { get; init; } = [];
}

/// <summary>A holder's share; for a fund's LP class, its own terms (null: the equity's <see cref="EquityInfo.Carry"/>).</summary>
public sealed record EquityHolder(int Party, double Share)
{
    /// <summary>The class's hurdle, carry and catch-up, each its own or the equity's; null when it states none.</summary>
    public CarryTerms? Terms { get; init; }
}

/// <summary><c>hurdle 8%  carry 20% to Manager catch_up 100%</c>: the preferred return a year (compounding on
/// contributed capital), the GP's share of profits, the GP (a party index) and its catch-up share (0: none).
/// docs/language.md §5 "equity", "A fund's LPs: hurdle and carry".</summary>
public sealed record CarryTerms(double Hurdle, double Rate, int Partner, double CatchUp)
{
    /// <summary><c>deal_by_deal</c>: carry paid per holding as it pays ("American"), with a clawback of what the
    /// GP took above the whole-fund carry at the end.</summary>
    public bool DealByDeal { get; init; }
}

/// <summary>One dated capital call: the holders pay <paramref name="Amount"/> on <paramref name="Date"/>.</summary>
public sealed record CapitalCall(Date Date, double Amount);
