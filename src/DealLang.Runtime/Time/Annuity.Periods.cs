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

    /// <summary>
    /// The two sums of <see cref="Payment(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/> for every start
    /// period t up to <paramref name="lastPeriod"/> at once, so the loop's level payment is O(1) a period:
    /// <c>growth[t] = Π_{k=t..last}(1 + r_k)</c> and <c>paymentsAtMaturity[t] = Σ_{j=t..last} w_j·Π_{k=j+1..last}(1 + r_k)</c>,
    /// built in the same backward order as <c>Payment</c>, so <c>balance·growth[t] / paymentsAtMaturity[t]</c> is
    /// bit for bit the payment over the periods t..last. Periods after <paramref name="lastPeriod"/> hold 1 and 1.
    /// </summary>
    public static (double[] Growth, double[] PaymentsAtMaturity) LevelSums(
        ReadOnlySpan<double> periodRates, ReadOnlySpan<double> periodWeights, int lastPeriod)
    {
        double[] growth = new double[periodRates.Length];
        double[] payments = new double[periodRates.Length];
        Array.Fill(growth, 1.0);
        Array.Fill(payments, 1.0);
        double g = 1.0;
        double s = 0.0;
        for (int k = Math.Min(lastPeriod, periodRates.Length - 1); k >= 0; k--)
        {
            s += (periodWeights.IsEmpty ? 1.0 : periodWeights[k]) * g;
            g *= 1.0 + periodRates[k];
            growth[k] = g;
            payments[k] = s;
        }

        return (growth, payments);
    }
}
