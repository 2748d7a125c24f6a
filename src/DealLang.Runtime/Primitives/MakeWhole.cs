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

    /// <summary>
    /// The make-whole rate read from a Treasury curve (<c>make_whole curve { 2y UST2Y  5y UST5Y  10y UST10Y } + 50bp</c>),
    /// as an indenture's "Treasury Rate" is: the curve's yield at the time left from the redemption (the end of the call's
    /// period, <c>boundaries[t + 1]</c>) to the first call date, τ in years on the deal's day count (0 when the first call
    /// date is not after the redemption), linear between the two points around τ and flat beyond the first and last, plus
    /// <paramref name="spread"/>. A point's rate that is n/a makes the rate n/a (the price is then par).
    /// </summary>
    /// <param name="years">The points' tenors in years, increasing (the checker's DL0589).</param>
    /// <param name="rates">The points' rates, read at the call period's start.</param>
    public static double CurveRate(ReadOnlySpan<double> years, ReadOnlySpan<double> rates, double spread, Date firstCall, int t, Date[] boundaries, DayCount dayCount)
    {
        Date redeemed = boundaries[t + 1];
        double tau = firstCall <= redeemed ? 0.0 : DayCounts.YearFraction(dayCount, redeemed, firstCall);
        return Interpolate(years, rates, tau) + spread;
    }

    /// <summary>The rate at <paramref name="tau"/> years: the first point's at or before its tenor, the last's at or after
    /// its tenor, else linear between the two points around it.</summary>
    public static double Interpolate(ReadOnlySpan<double> years, ReadOnlySpan<double> rates, double tau)
    {
        if (tau <= years[0])
        {
            return rates[0];
        }

        for (int k = 1; k < years.Length; k++)
        {
            if (tau <= years[k])
            {
                double w = (tau - years[k - 1]) / (years[k] - years[k - 1]);
                return rates[k - 1] + (w * (rates[k] - rates[k - 1]));
            }
        }

        return rates[^1];
    }

    /// <summary>(1 + r / 2)^(−2τ), τ the years from <paramref name="from"/> to <paramref name="to"/> (none when
    /// <paramref name="to"/> is not after it: a first call date inside the call's period is paid at its price).</summary>
    private static double Discount(double rate, DayCount dayCount, Date from, Date to) =>
        to <= from ? 1.0 : Math.Pow(1.0 + rate / 2.0, -2.0 * DayCounts.YearFraction(dayCount, from, to));
}
