namespace DealLang.Runtime;

// The per-period inputs of the unequal-period annuity, computed once per deal (the generated class holds them in
// static arrays) so that the loop itself only slices them.
public static partial class Annuity
{
    /// <summary>Each period's rate: <paramref name="annualRate"/> × its year fraction (interest per unit of balance).</summary>
    public static double[] PeriodRates(double annualRate, ReadOnlySpan<double> yearFractions)
    {
        double[] rates = new double[yearFractions.Length];
        for (int k = 0; k < rates.Length; k++)
        {
            rates[k] = annualRate * yearFractions[k];
        }

        return rates;
    }

    /// <summary>
    /// The share of a regular period's payment each period between <paramref name="boundaries"/> pays: 1 for a
    /// period of the full <paramref name="monthsPerPeriod"/> (or longer); for a stub, its year fraction over that
    /// of the regular period ending on the same date (a 14-day stub before a 30/360 quarter: 14/90).
    /// </summary>
    public static double[] PeriodWeights(DayCount dayCount, int monthsPerPeriod, ReadOnlySpan<Date> boundaries)
    {
        double[] weights = new double[Math.Max(0, boundaries.Length - 1)];
        for (int k = 0; k < weights.Length; k++)
        {
            Date start = boundaries[k];
            Date end = boundaries[k + 1];

            // A full period rolled from its start reaches its end (31 Jan + 1M = 28 Feb counts as full); the
            // regular period that a stub replaces is rolled back from the stub's end.
            bool stub = start.AddMonthsClamped(monthsPerPeriod) > end;
            weights[k] = stub && end.TryAddMonths(-monthsPerPeriod, out Date regularStart)
                ? Math.Min(1.0, DayCounts.YearFraction(dayCount, start, end) / DayCounts.YearFraction(dayCount, regularStart, end))
                : 1.0;
        }

        return weights;
    }
}
