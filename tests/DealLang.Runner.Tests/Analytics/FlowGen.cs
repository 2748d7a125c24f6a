using System.Globalization;
using CsCheck;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>Dated flows for an IRR solve, with the family they were drawn from (printed when a property fails).</summary>
public sealed record Flows(string Kind, double[] Years, double[] Amounts)
{
    public override string ToString() =>
        Kind + ": " + string.Join(", ", Years.Zip(Amounts, (t, a) => string.Create(CultureInfo.InvariantCulture, $"{a:R}@{t:R}")));
}

/// <summary>
/// Generators of the flows an IRR is solved over, one per family the solver must get right: bonds bought at a
/// price (coupons, bullet or amortising, at yields from −50% to 50%), equity-like flows (an investment, then
/// irregular distributions with gaps), losses (part of the principal never comes back: negative yields down to
/// below −99.99%), yields within 10⁻³ of zero, flows that change sign several times (capital calls), flows out of
/// time order with two on the same date, times off any day grid, and a small cheque with a large upside (rates from
/// 1000% to past the solver's 10⁴ ceiling). Times are ACT/365F years from a closing
/// date (whole days, what the runner passes) unless the family says otherwise.
/// </summary>
public static class FlowGen
{
    static readonly DateOnly Epoch = new(2020, 1, 15);

    static readonly int[] MonthsPerPeriod = [1, 3, 6, 12];

    /// <summary>Every family, in turn.</summary>
    public static readonly Gen<Flows> Any = Gen.OneOf(Bond, Equity, Loss, NearZero, MultipleSignChanges, Shuffled, OffGrid, HighRate);

    /// <summary>The continuous rates <see cref="HighRate"/> draws from: ln 11 (1000%) to 1.05 × ln 10001, past the 10⁴
    /// ceiling (about 2.7 × 10⁴), so that about one draw in 20 has no rate.</summary>
    public static readonly (double Low, double High) HighRates = (Math.Log(11.0), 1.05 * Math.Log(10001.0));

    /// <summary>A bond bought at the price that gives yield y, on whole days or on exact fractions of a year.</summary>
    public static Gen<Flows> Bond =>
        from months in Gen.Int[0, 3].Select(i => MonthsPerPeriod[i])
        from periods in Gen.Int[1, 120]
        from coupon in Gen.Double[0.0, 0.2]
        from yield in Gen.Double[-0.5, 0.5]
        from amortising in Gen.Bool
        from onDays in Gen.Bool
        from start in Gen.Int[0, 3650]
        select Priced("bond", Schedule(start, months, periods, onDays), coupon * months / 12.0, amortising, yield, principalBack: 1.0);

    /// <summary>An investment, then distributions (zero in some periods, growing towards the end) and a final sale.</summary>
    public static Gen<Flows> Equity =>
        from periods in Gen.Int[4, 80]
        from months in Gen.Int[1, 2].Select(i => MonthsPerPeriod[i])
        from start in Gen.Int[0, 3650]
        from invested in Gen.Double[1e3, 1e10]
        from shares in Gen.Double[0.0, 0.1].Array[periods]
        from skips in Gen.Bool.Array[periods]
        from growth in Gen.Double[-0.05, 0.1]
        from sale in Gen.Double[0.0, 3.0]
        select EquityFlows(Schedule(start, months, periods, onDays: true), invested, shares, skips, growth, sale);

    /// <summary>A coupon bond of which only part of the principal comes back: from −0% to far below −99.99%.</summary>
    public static Gen<Flows> Loss =>
        from months in Gen.Int[1, 2].Select(i => MonthsPerPeriod[i])
        from periods in Gen.Int[1, 60]
        from coupon in Gen.Double[0.0, 0.12]
        from back in Gen.OneOf(Gen.Double[0.0, 1.0], Gen.Double[0.0, 1e-3], Gen.Const(0.0))
        from paidFor in Gen.Double[0.8, 1.2]
        from start in Gen.Int[0, 3650]
        select Lost(Schedule(start, months, periods, onDays: true), coupon * months / 12.0, back, paidFor);

    /// <summary>A bond priced at a yield within 10⁻³ of zero (either side, down to 10⁻⁹).</summary>
    public static Gen<Flows> NearZero =>
        from months in Gen.Int[0, 3].Select(i => MonthsPerPeriod[i])
        from periods in Gen.Int[1, 80]
        from coupon in Gen.Double[0.0, 0.05]
        from size in Gen.Double[-9.0, -3.0]
        from negative in Gen.Bool
        from start in Gen.Int[0, 3650]
        select Priced("near zero", Schedule(start, months, periods, onDays: true), coupon * months / 12.0, amortising: false,
            (negative ? -1 : 1) * Math.Pow(10, size), principalBack: 1.0);

    /// <summary>Capital calls: 3 to 12 flows of either sign on whole days, in time order.</summary>
    public static Gen<Flows> MultipleSignChanges =>
        from count in Gen.Int[3, 12]
        from amounts in Gen.Double[-100.0, 100.0].Array[count]
        from gaps in Gen.Int[1, 800].Array[count]
        select new Flows("sign changes", Days(gaps), amounts);

    /// <summary>A bond's flows out of time order, its second flow split in two on the same date.</summary>
    public static Gen<Flows> Shuffled =>
        from bond in Bond
        from split in Gen.Double[0.0, 1.0]
        from seed in Gen.Int
        select Shuffle(bond, split, seed);

    /// <summary>An investment and returns at arbitrary real times up to 40 years (no day grid).</summary>
    public static Gen<Flows> OffGrid =>
        from count in Gen.Int[1, 40]
        from times in Gen.Double[0.001, 40.0].Array[count]
        from returns in Gen.Double[0.0, 10.0].Array[count]
        select Invested("off grid", [.. times.Order()], returns);

    /// <summary>
    /// A small cheque and a large upside (a sponsor's promote, an early equity): distributions of any size, some
    /// periods none, and a sale at the end, bought at the price that gives a yield drawn uniform in ln(1 + y) over
    /// <see cref="HighRates"/>; the yield is the flows' one rate (one sign change), in the family's
    /// <see cref="Flows.Kind"/> for a property to check against.
    /// </summary>
    public static Gen<Flows> HighRate =>
        from months in Gen.Int[0, 3].Select(i => MonthsPerPeriod[i])
        from periods in Gen.Int[1, 40]
        from start in Gen.Int[0, 3650]
        from shares in Gen.Double[0.0, 1.0].Array[periods]
        from skips in Gen.Bool.Array[periods]
        from x in Gen.Double[HighRates.Low, HighRates.High]
        select PricedAt(Schedule(start, months, periods, onDays: true), shares, skips, Math.Exp(x) - 1.0);

    /// <summary>The yield a <see cref="HighRate"/> draw was priced at, from its kind.</summary>
    public static double PricedYield(Flows flows) =>
        double.Parse(flows.Kind["high rate at ".Length..], CultureInfo.InvariantCulture);

    static double[] Schedule(int startDay, int months, int periods, bool onDays)
    {
        var years = new double[periods + 1];
        DateOnly closing = Epoch.AddDays(startDay);
        for (int k = 1; k <= periods; k++)
        {
            years[k] = onDays ? (closing.AddMonths(k * months).DayNumber - closing.DayNumber) / 365.0 : k * months / 12.0;
        }

        return years;
    }

    static double[] Days(int[] gaps)
    {
        var years = new double[gaps.Length];
        int day = 0;
        for (int i = 1; i < gaps.Length; i++)
        {
            day += gaps[i];
            years[i] = day / 365.0;
        }

        return years;
    }

    // Coupons on the outstanding principal and the principal (bullet, or level), the price at the given yield.
    static Flows Priced(string kind, double[] years, double couponPerPeriod, bool amortising, double yield, double principalBack)
    {
        int periods = years.Length - 1;
        var amounts = new double[years.Length];
        double outstanding = 100.0;
        for (int k = 1; k <= periods; k++)
        {
            double principal = amortising ? 100.0 / periods : k == periods ? 100.0 : 0.0;
            amounts[k] = (outstanding * couponPerPeriod) + (principal * principalBack);
            outstanding -= principal;
        }

        double price = 0;
        for (int k = 1; k <= periods; k++)
        {
            price += amounts[k] * Math.Pow(1 + yield, -years[k]);
        }

        amounts[0] = -price;
        return new Flows(kind, years, amounts);
    }

    static Flows PricedAt(double[] years, double[] shares, bool[] skips, double yield)
    {
        var amounts = new double[years.Length];
        double price = 0;
        for (int k = 1; k < years.Length; k++)
        {
            amounts[k] = (skips[k - 1] ? 0.0 : 100.0 * shares[k - 1]) + (k == years.Length - 1 ? 100.0 : 0.0);
            price += amounts[k] * Math.Pow(1 + yield, -years[k]);
        }

        amounts[0] = -price;
        return new Flows(string.Create(CultureInfo.InvariantCulture, $"high rate at {yield:R}"), years, amounts);
    }

    static Flows EquityFlows(double[] years, double invested, double[] shares, bool[] skips, double growth, double sale)
    {
        var amounts = new double[years.Length];
        amounts[0] = -invested;
        for (int k = 1; k < years.Length; k++)
        {
            amounts[k] = skips[k - 1] ? 0.0 : invested * shares[k - 1] * Math.Pow(1 + growth, k);
        }

        amounts[^1] += invested * sale;
        return new Flows("equity", years, amounts);
    }

    static Flows Lost(double[] years, double couponPerPeriod, double back, double paidFor)
    {
        Flows bond = Priced("loss", years, couponPerPeriod, amortising: false, 0.0, back);
        bond.Amounts[0] = -100.0 * paidFor;
        return bond;
    }

    static Flows Shuffle(Flows bond, double split, int seed)
    {
        var years = new List<double>(bond.Years);
        var amounts = new List<double>(bond.Amounts);
        if (years.Count > 1)
        {
            double part = amounts[1] * split;
            amounts[1] -= part;
            years.Add(years[1]);
            amounts.Add(part);
        }

        var order = Enumerable.Range(0, years.Count).ToArray();
        new Random(seed).Shuffle(order);
        return new Flows("shuffled", [.. order.Select(i => years[i])], [.. order.Select(i => amounts[i])]);
    }

    static Flows Invested(string kind, double[] times, double[] returns)
    {
        double[] years = [0.0, .. times];
        double[] amounts = [-10.0 * times.Length / 2.0, .. returns];
        return new Flows(kind, years, amounts);
    }
}
