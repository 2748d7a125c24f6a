namespace DealLang.Runner.Analytics;

/// <summary>
/// The bond-equivalent yield of an annual IRR: the rate which, compounded semiannually, grows money as fast as
/// the IRR compounded annually, BEY = 2 × ((1 + IRR)^(1/2) − 1). Bond desks quote yields this way (a 6.58%
/// semiannual-pay bond bought at par has a BEY of 6.58% and an annual IRR of 6.69%), so the summary prints it
/// beside the XIRR-style IRR, whose annual compounding reads higher.
/// </summary>
public static class BondEquivalentYield
{
    /// <summary>BEY of an annual rate; NaN when the IRR is undefined or at or below −100% (no growth factor).</summary>
    public static double FromAnnual(double irr) =>
        double.IsFinite(irr) && irr > -1 ? 2 * (Math.Sqrt(1 + irr) - 1) : double.NaN;
}
