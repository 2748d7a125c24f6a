namespace DealLang.Runtime;

/// <summary>
/// Which of a held delayed draw's draws a holding funds (docs/language.md §5, "Draws"): each draw is funded at the end
/// of the held entity's period it falls in, and it is the holder's to fund when that date falls in one of the holder's
/// scheduled periods, after its closing and up to its maturity. One on or before the closing is in the par the holder
/// bought; one after the maturity comes when the holder no longer runs (its workout periods after a default sell and
/// pay out, they do not lend), so no one of the holder's funds it. One on the maturity itself is in the holder's last
/// period, (start, end], as a payment received that day is. The checker (DL0795, DL0797), the lowering (whether a
/// holding funds draws) and the runner (<c>HoldingFlows</c>, which draws it funds) all ask this one rule.
/// </summary>
public static class HeldDraws
{
    /// <summary>Whether a draw funded on <paramref name="drawn"/> (the end of the held entity's period) is the
    /// holder's, whose scheduled periods run from <paramref name="holderClosing"/> to <paramref name="holderMaturity"/>.</summary>
    public static bool FundedBy(Date drawn, Date holderClosing, Date holderMaturity) =>
        drawn > holderClosing && drawn <= holderMaturity;
}
