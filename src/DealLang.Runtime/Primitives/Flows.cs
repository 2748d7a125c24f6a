using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>Small numeric helpers the generated period loop calls; all allocation-free.</summary>
public static class Flows
{
    /// <summary>Sum of <paramref name="history"/> over the last <paramref name="periods"/> periods up to and including <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few adds, called every period inside a large Run
    public static double Trailing(double[] history, int t, int periods)
    {
        ArgumentNullException.ThrowIfNull(history);
        double sum = 0;
        for (int i = Math.Max(0, t - periods + 1); i <= t; i++)
        {
            sum += history[i];
        }

        return sum;
    }

    /// <summary>Amounts owed below half a cent are floating-point residue of sums of large doubles, not money.</summary>
    public const double ShortfallTolerance = 0.005;

    /// <summary>What is still owed after paying: zero below <see cref="ShortfallTolerance"/>, so rounding noise
    /// in a fully paid amount never carries forward or reads as a shortfall (and never triggers a default).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Shortfall(double due, double paid)
    {
        double owed = due - paid;
        return owed < ShortfallTolerance ? 0.0 : owed;
    }

    /// <summary>A ratio that is undefined (NaN, printed "n/a") when the denominator is zero, so a test such as
    /// DSCR &lt; 1.10x is simply not breached in a period with nothing due, rather than dividing by zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double numerator, double denominator) =>
        denominator == 0 ? double.NaN : numerator / denominator;

    /// <summary>
    /// An amount that moves cash (a fee, an account's target, an RVG's guaranteed amount) read from an expression
    /// that can be n/a: a ratio over zero inside it (<c>Notes.balance / Campus.value * 1m</c> once the campus is
    /// worth nothing), or a test read before its <c>from</c> date. n/a counts as 0, as an n/a test breaches no
    /// trigger: the fee is not due, the target is nothing, the guarantee covers nothing, and the rest of the
    /// waterfall runs on real numbers instead of NaN.
    /// </summary>
    public static double AmountOrZero(double amount) => double.IsNaN(amount) ? 0.0 : amount;

    /// <summary>Escalation factor (1+rate)^k where k counts whole years from <paramref name="anchor"/> to <paramref name="date"/>.</summary>
    public static double Escalation(Date anchor, Date date, double rate)
    {
        int years = WholeYearsBetween(anchor, date);
        return years <= 0 ? 1.0 : Math.Pow(1 + rate, years);
    }

    /// <summary>Completed anniversaries of <paramref name="anchor"/> on or before <paramref name="date"/>.</summary>
    public static int WholeYearsBetween(Date anchor, Date date)
    {
        int years = date.Year - anchor.Year;
        if (years > 0 && anchor.AddYears(years) > date)
        {
            years--;
        }

        return years;
    }
}
