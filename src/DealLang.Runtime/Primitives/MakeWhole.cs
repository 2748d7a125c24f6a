namespace DealLang.Runtime;

/// <summary>
/// The make-whole price of notes called before their first call date (docs/language.md §5, "The make-whole price"), per
/// unit of the principal called, the market standard of high-yield indentures: the present value at the redemption
/// (the end of the call's period, when the called notes are paid with that period's coupon) of the first call date's
/// price and of the coupons due from the redemption up to that date, discounted semiannually at the make-whole rate
/// (the index plus the spread, read at the call period's start), and at least par.
/// </summary>
public static class MakeWhole
{
    /// <param name="rate">The discount rate a year, compounded semiannually (the index read at the period's start plus
    /// the spread).</param>
    /// <param name="coupon">The notes' coupon a year, this period's (a floating coupon held at its rate now).</param>
    /// <param name="firstCallPrice">The first step's price, per unit of principal.</param>
    /// <param name="firstCall">The first call date.</param>
    /// <param name="t">The call's period: the notes are paid at <c>boundaries[t + 1]</c>.</param>
    /// <param name="boundaries">The deal's period boundaries: the remaining coupons are the periods' after
    /// <paramref name="t"/>, the last one accruing to <paramref name="firstCall"/> only.</param>
    /// <param name="dayCount">The deal's day count: each coupon's accrual and each flow's time from the redemption.</param>
    public static double Price(double rate, double coupon, double firstCallPrice, Date firstCall, int t, Date[] boundaries, DayCount dayCount)
    {
        Date redeemed = boundaries[t + 1];
        double value = 0.0;
        for (int j = t + 1; j < boundaries.Length - 1 && boundaries[j] < firstCall; j++)
        {
            Date paid = boundaries[j + 1] < firstCall ? boundaries[j + 1] : firstCall;
            value += coupon * DayCounts.YearFraction(dayCount, boundaries[j], paid) * Discount(rate, dayCount, redeemed, paid);
        }

        value += firstCallPrice * Discount(rate, dayCount, redeemed, firstCall);
        // At least par; a rate with no level (n/a), or one so far below −200% that the discount has no value, prices at par.
        return value > 1.0 ? value : 1.0;
    }

    /// <summary>(1 + r / 2)^(−2τ), τ the years from <paramref name="from"/> to <paramref name="to"/> (none when
    /// <paramref name="to"/> is not after it: a first call date inside the call's period is paid at its price).</summary>
    private static double Discount(double rate, DayCount dayCount, Date from, Date to) =>
        to <= from ? 1.0 : Math.Pow(1.0 + rate / 2.0, -2.0 * DayCounts.YearFraction(dayCount, from, to));
}
