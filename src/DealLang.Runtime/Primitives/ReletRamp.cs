namespace DealLang.Runtime;

/// <summary>
/// A re-let whose utilisation ramps over its window (docs/language.md §9, "relet-ramp"): a repossessed fleet fills as
/// the lender finds customers (or empties as a market fades), so the utilisation of the period that starts re-letting on
/// day d is u = R0 + (R1 − R0) × min(1, m / M), m the whole calendar months from the sale date to d and M the ramp's
/// months. Whole months step the ramp at each monthly anniversary of the sale date, as its window does. A contract's
/// re-let in a scenario (docs/language.md §5, "contract-relet-ramp") ramps the same way from the re-let's start (the
/// contract's stop plus the idle gap) in place of the sale date. Allocation-free, called by the generated loop.
/// </summary>
public static class ReletRamp
{
    /// <summary>The utilisation of a re-let from <paramref name="from"/> to <paramref name="to"/> over
    /// <paramref name="rampMonths"/> months after <paramref name="saleDate"/>, on <paramref name="day"/>; a ramp of 0
    /// months (or less) is flat at <paramref name="from"/>.</summary>
    public static double Utilisation(double from, double to, int rampMonths, Date saleDate, Date day) =>
        rampMonths <= 0 ? from : Along(from, to, WholeMonths(saleDate, day), rampMonths);

    /// <summary>A straight ramp from <paramref name="from"/> to <paramref name="to"/> over <paramref name="monthsOf"/>
    /// (above 0) months, read <paramref name="monthsIn"/> months in and held at <paramref name="to"/> after: the one
    /// formula a ramp and each segment of a <see cref="ReletCurve"/> are read by, so that a two-point curve is its ramp
    /// bit for bit.</summary>
    internal static double Along(double from, double to, int monthsIn, int monthsOf) =>
        from + ((to - from) * Math.Min(1.0, monthsIn / (double)monthsOf));

    /// <summary>As <see cref="Utilisation(double, double, int, Date, Date)"/>, or along <paramref name="curve"/> when the
    /// re-let has one (docs/language.md §9, "relet-curve"): what the loop of a deal whose re-lets are shaped calls.</summary>
    public static double Utilisation(ReletCurve? curve, double from, double to, int rampMonths, Date saleDate, Date day) =>
        curve is null ? Utilisation(from, to, rampMonths, saleDate, day) : curve.Utilisation(saleDate, day);

    /// <summary>The whole calendar months from <paramref name="start"/> to <paramref name="day"/>: the most m with
    /// start + m months (clamped to the month's end) on or before the day; 0 for a day before the start's first
    /// anniversary (or before the start).</summary>
    public static int WholeMonths(Date start, Date day)
    {
        if (day <= start)
        {
            return 0;
        }

        int months = ((day.Year - start.Year) * 12) + (day.Month - start.Month);
        return start.AddMonthsClamped(months) <= day ? months : months - 1;
    }
}
