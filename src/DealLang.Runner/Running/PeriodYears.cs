using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Times for the analytics: ACT/365F years from closing to each period's end, whatever the deal's own
/// day count, because IRR and WAL are quoted on actual elapsed time (as XIRR does).</summary>
static class PeriodYears
{
    public static double[] FromClosing(DealDescription deal, int periods)
    {
        var years = new double[periods];
        Fill(deal, years);
        return years;
    }

    /// <summary>The first <c>years.Length</c> periods' ends, into the caller's buffer.</summary>
    public static void Fill(DealDescription deal, Span<double> years)
    {
        for (int t = 0; t < years.Length; t++)
        {
            years[t] = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Boundaries[t + 1]);
        }
    }

    /// <summary>An investment at closing followed by one inflow per period, less <paramref name="outflow"/> × <paramref name="price"/>
    /// (a delayed-draw tranche's draws, bought at the issue price): the flows an IRR is solved over.</summary>
    public static double Irr(double[] years, double invested, double[] inflowA, double[]? inflowB, double[]? outflow = null, double price = 1.0,
        double[]? inflowC = null)
    {
        var times = new double[years.Length + 1];
        var amounts = new double[years.Length + 1];
        amounts[0] = -invested;
        for (int t = 0; t < years.Length; t++)
        {
            times[t + 1] = years[t];
            amounts[t + 1] = inflowA[t] + (inflowB is null ? 0.0 : inflowB[t]) + (inflowC is null ? 0.0 : inflowC[t]) - (outflow is null ? 0.0 : price * outflow[t]);
        }

        return Analytics.InvestorIrr.Solve(times, amounts);
    }

    public static double Sum(double[] values, int periods)
    {
        double sum = 0;
        for (int t = 0; t < periods; t++)
        {
            sum += values[t];
        }

        return sum;
    }
}
