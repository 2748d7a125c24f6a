using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// A loan's <c>level</c> or <c>linear</c> instalments at its own frequency (<c>amortize level semiannual</c>,
/// docs/language.md "loan"). The dates step back from the loan's maturity by the frequency's months (a month-end
/// maturity keeps month ends) while they are after the start, its interest-only end or else the closing, as a credit
/// agreement dates its repayments: a short first instalment period, if any, is the stub. Each instalment's principal is
/// worked out here, once: a performing loan's balance moves only by its instalments (its obligor always pays in full,
/// nothing prepays a loan), and a default or a sale stops them. Each is then received in the deal period its date falls
/// in, as an uneven schedule's instalment is (<see cref="AmortizationLowering"/>).
/// </summary>
internal static class LoanInstalments
{
    /// <param name="kind">"level" or "linear".</param>
    /// <param name="levelRate">The fixed coupon a level instalment is sized at (the checks refuse level on any other).</param>
    public static InstalmentAmortization Lower(
        string kind, Frequency every, double balance, double levelRate, Date start, Date maturity, DayCount dayCount, Date[] boundaries, int scheduledPeriods)
    {
        // The loan's own schedule, rolled back from its maturity as the deal's is (Schedule.Boundaries: a month-end
        // maturity keeps month ends, a short first period is the stub): [start, date 1, …, maturity].
        Date[] bounds = maturity > start ? Schedule.Boundaries(start, maturity, every) : [start];
        ImmutableArray<Date> dates = [.. bounds.AsSpan(1)];
        double[] instalments = kind == "level"
            ? Level(balance, levelRate, bounds, Frequencies.MonthsPerPeriod(every), dayCount)
            : Linear(balance, dates.Length);

        var amounts = new double[boundaries.Length - 1];
        for (int k = 0; k < dates.Length; k++)
        {
            int period = Schedule.PeriodIndexOf(boundaries, dates[k]);
            if (period >= 0 && period < scheduledPeriods)
            {
                amounts[period] += instalments[k];
            }
        }

        return new InstalmentAmortization(kind, every, dates, [.. instalments], [.. amounts]);
    }

    /// <summary>Equal shares of what is left over the instalments left: balance / n each, the last exact.</summary>
    private static double[] Linear(double balance, int count)
    {
        var instalments = new double[count];
        double left = balance;
        for (int k = 0; k < count; k++)
        {
            instalments[k] = Annuity.LinearPrincipal(left, count - k);
            left -= instalments[k];
        }

        return instalments;
    }

    /// <summary>The principal of a level payment at the loan's frequency: instalment period k runs from the date before
    /// (the start for the first) to date k and accrues r_k = coupon × its year fraction; the payment P repays the
    /// balance over them (the unequal-period annuity of <see cref="Annuity.Payment(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/>,
    /// a stub weighted by its share of a full instalment period, as a tranche's), and instalment k's principal is
    /// w_k·P − B_k·r_k on the balance B_k before it, the last the balance left.</summary>
    private static double[] Level(double balance, double rate, Date[] bounds, int months, DayCount dayCount)
    {
        double[] rates = new double[bounds.Length - 1];
        for (int k = 0; k < rates.Length; k++)
        {
            rates[k] = rate * DayCounts.YearFraction(dayCount, bounds[k], bounds[k + 1]);
        }

        double[] weights = Annuity.PeriodWeights(dayCount, months, bounds);
        var instalments = new double[rates.Length];
        double left = balance;
        for (int k = 0; k < instalments.Length; k++)
        {
            instalments[k] = Annuity.LevelPrincipal(left, rates.AsSpan(k), weights.AsSpan(k));
            left -= instalments[k];
        }

        return instalments;
    }
}
