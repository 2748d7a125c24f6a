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
/// in, as an uneven schedule's instalment is (<see cref="AmortizationLowering"/>). Instalments more frequent than the
/// deal's periods (<c>amortize linear monthly</c> on a quarterly deal) also move the balance the period's interest
/// accrues on: <see cref="AccrualFractions"/>. Instalments dated inside the deal's periods, at whatever frequency, are
/// received before a default after them in the period: <see cref="DefaultPeriodInstalments"/>, <see cref="DatedInside"/>.
/// The amounts are sized on the dates as scheduled; each instalment is paid on its day as paid (<see cref="DealPeriods"/>:
/// with business days, one due on a quarter end is paid with that quarter, one due on another day that is not a business
/// day on the day the deal's roll gives), and that day places it in a period and dates it against a default.
/// </summary>
internal static class LoanInstalments
{
    /// <param name="kind">"level" or "linear".</param>
    /// <param name="closing">The deal's closing, which a default's day is counted from (<see cref="DefaultPeriodInstalments.Days"/>).</param>
    /// <param name="levelRate">The fixed coupon a level instalment is sized at (the checks refuse level on any other).</param>
    /// <param name="periods">The deal's periods and the day each instalment is paid on.</param>
    /// <param name="dealMonths">The months in one of the deal's periods.</param>
    public static InstalmentAmortization Lower(
        string kind, Frequency every, double balance, double levelRate, Date closing, Date start, Date maturity, DayCount dayCount,
        DealPeriods periods, int dealMonths)
    {
        // The loan's own schedule, rolled back from its maturity as the deal's is (Schedule.Boundaries: a month-end
        // maturity keeps month ends, a short first period is the stub): [start, date 1, …, maturity].
        Date[] bounds = maturity > start ? Schedule.Boundaries(start, maturity, every) : [start];
        ImmutableArray<Date> dates = [.. bounds.AsSpan(1)];
        double[] instalments = kind == "level"
            ? Level(balance, levelRate, bounds, Frequencies.MonthsPerPeriod(every), dayCount)
            : Linear(balance, dates.Length);

        var amounts = new double[periods.Boundaries.Length - 1];
        for (int k = 0; k < dates.Length; k++)
        {
            int period = periods.PeriodOf(dates[k]);
            if (period >= 0 && period < periods.ScheduledPeriods)
            {
                amounts[period] += instalments[k];
            }
        }

        if (Frequencies.MonthsPerPeriod(every) >= dealMonths)
        {
            // A period holds at most one instalment and accrues on its opening balance; an instalment dated inside it
            // matters only to a default after it (DatedInside).
            return new InstalmentAmortization(kind, every, dates, [.. instalments], [.. amounts])
            {
                BeforeDefault = DatedInside(balance, dates, instalments, closing, periods, dayCount),
            };
        }

        var beforeDefault = new BeforeDefaultBuilder(closing, periods.Boundaries.Length);
        double[] fractions = AccrualFractions(balance, dates, instalments, periods, dayCount, beforeDefault);
        return new InstalmentAmortization(kind, every, dates, [.. instalments], [.. amounts])
        {
            AccrualFractions = [.. fractions],
            BeforeDefault = beforeDefault.Build(dates.Length),
        };
    }

    /// <summary>
    /// Instalments at the deal's frequency or a coarser one, or an uneven schedule's, dated inside the deal's periods
    /// (a loan maturing on the 15th in a month-end deal): what a default period receives of those dated before the
    /// default, as for a loan paying more often than the deal (<see cref="DefaultPeriodInstalments"/>, the same walk as
    /// <see cref="AccrualFractions"/>, whose fractions the performing loan does not use: its period accrues on the opening
    /// balance, an instalment inside it counting from its end). Null when every instalment falls on a period's end (paid
    /// on its boundary, or due on its unadjusted date when the deal accrues unadjusted): a default inside a period is then
    /// before the period's instalment or on it, and the default period receives nothing, as it always has.
    /// </summary>
    /// <param name="dates">The instalments' due dates in date order, the maturity's (the whole balance left) last.</param>
    internal static DefaultPeriodInstalments? DatedInside(
        double balance, IReadOnlyList<Date> dates, double[] instalments, Date closing, DealPeriods periods, DayCount dayCount)
    {
        bool inside = false;
        foreach (Date date in dates)
        {
            int period = periods.PeriodOf(date);
            inside |= period >= 0 && period < periods.ScheduledPeriods && Array.IndexOf(periods.Boundaries, periods.PaidOn(date)) < 0
                && Array.IndexOf(periods.AccrualDates, periods.AccruedTo(date)) < 0;
        }

        if (!inside)
        {
            return null;
        }

        var beforeDefault = new BeforeDefaultBuilder(closing, periods.Boundaries.Length);
        AccrualFractions(balance, [.. dates], instalments, periods, dayCount, beforeDefault);
        return beforeDefault.Build(dates.Count);
    }

    /// <summary>What a default period receives before the default, instalment by instalment, as
    /// <see cref="AccrualFractions"/> walks them (<see cref="DefaultPeriodInstalments"/>).</summary>
    private sealed class BeforeDefaultBuilder(Date closing, int boundaries)
    {
        private readonly List<int> _days = [];
        private readonly List<double> _fractions = [];
        private readonly List<double> _principal = [];
        private readonly int[] _first = new int[boundaries];

        public void StartPeriod(int t) => _first[t] = _days.Count;

        public void Add(Date date, double fraction, double principal)
        {
            _days.Add(Date.DaysBetween(closing, date));
            _fractions.Add(fraction);
            _principal.Add(principal);
        }

        /// <param name="instalments">How many the loan has: the last listed is the maturity's when all of them are.</param>
        public DefaultPeriodInstalments Build(int instalments)
        {
            _first[^1] = _days.Count;
            int maturity = _days.Count == instalments ? instalments - 1 : -1;
            return new DefaultPeriodInstalments([.. _days], [.. _fractions], [.. _principal], [.. _first], maturity);
        }
    }

    /// <summary>
    /// Each deal period's interest on a loan whose instalments fall inside it, as a share of the period's opening
    /// balance B: the period is cut at the instalment dates inside it, each piece j (up to an instalment, or from the
    /// last to the period's end) accrues on the balance B_j left before it, and the fraction is
    /// Σ_j (B_j / B) × yf_j, so that B × coupon × fraction = Σ_j B_j × coupon × yf_j, the interest of the loan's
    /// sub-periods inside the period (docs/language.md, loan). The run multiplies it by the balance it holds: the
    /// opening balance while the loan performs (nothing but its instalments moves it), 0 once it is repaid, written
    /// off or sold. A period without an instalment inside it, or with nothing outstanding, accrues its own year
    /// fraction (the first piece's share is exactly 1), so it is the deal's <c>yf</c> bit for bit. Each instalment's
    /// sum so far, and the principal so far, go to <paramref name="beforeDefault"/>: what the period receives when its
    /// obligor defaults after the day that instalment is paid and on or before the next one's. With business days each
    /// piece ends where the period's do: at the day the instalment is paid when the deal accrues to the dates paid, at its
    /// due date when it accrues unadjusted (<see cref="DealPeriods.AccruedTo"/>).
    /// </summary>
    private static double[] AccrualFractions(
        double balance, ImmutableArray<Date> dates, double[] instalments, DealPeriods periods, DayCount dayCount,
        BeforeDefaultBuilder beforeDefault)
    {
        Date[] accrualDates = periods.AccrualDates;
        var fractions = new double[periods.Boundaries.Length - 1];
        double opening = balance;
        int k = 0;
        for (int t = 0; t < fractions.Length; t++)
        {
            Date from = accrualDates[t];
            Date end = accrualDates[t + 1];
            double left = opening;
            double fraction = 0;
            beforeDefault.StartPeriod(t);
            // The instalments received in this period (those paid in it, as Lower sums them): the piece up to each accrues
            // on the balance before it; one on the period's end closes the last piece.
            for (; k < dates.Length && t < periods.ScheduledPeriods && periods.PeriodOf(dates[k]) <= t; k++)
            {
                Date accrued = periods.AccruedTo(dates[k]);
                Date to = accrued < from ? from : accrued > end ? end : accrued;
                fraction += Share(left, opening) * DayCounts.YearFraction(dayCount, from, to);
                from = to;
                left = Math.Max(0, left - instalments[k]);
                beforeDefault.Add(periods.PaidOn(dates[k]), fraction, opening - left);
            }

            fractions[t] = fraction + (Share(left, opening) * DayCounts.YearFraction(dayCount, from, end));
            opening = left;
        }

        return fractions;
    }

    // The balance left as a share of the opening balance: exactly 1 before the period's first instalment (so a period
    // without one accrues its year fraction bit for bit), and 1 when nothing is outstanding (the run's balance, 0, then
    // makes the interest 0 whatever the fraction).
    private static double Share(double left, double opening) => opening > 0 ? left / opening : 1;

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
