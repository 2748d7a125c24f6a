namespace DealLang.Runtime;

/// <summary>
/// A fleet's figures per period as if no unit were ever sold (docs/language.md §5 "fleet"), computed once per deal
/// before any path: the generated loop scales them by the share of the delivered units still held. Period t runs
/// from <c>boundaries[t]</c> (exclusive) to <c>boundaries[t + 1]</c> (inclusive); a batch counts from the period
/// its delivery date falls in. Ages are in years of 365.25 days, at the period's end.
/// </summary>
public sealed class FleetCurves
{
    /// <summary>Days in a year of age, depreciation and maintenance (the Julian year: leap years averaged).</summary>
    public const double DaysPerYear = 365.25;

    private FleetCurves(int periods, FleetInfo fleet, Date[] boundaries, int batches)
    {
        this.fleet = fleet;
        this.boundaries = boundaries;
        Batches = batches;
        Delivered = new double[periods];
        BookValue = new double[periods];
        MarketValue = new double[periods];
        UnitYears = new double[periods];
        PowerCost = new double[periods];
        MaintenanceCost = new double[periods];
        HeldUnitDays = new double[periods];
        BatchMarketValue = [];
        DeliveryPeriod = [];
    }

    private readonly FleetInfo fleet;
    private readonly Date[] boundaries;

    // [k]: the curves of the first k batches alone, worked out the first time an event of default asks (Through).
    private FleetCurves?[]? through;

    /// <summary>How many of the fleet's batches (the first, in delivery order) these curves count: all of them, or
    /// those delivered by an event of default (<see cref="Through"/>).</summary>
    public int Batches { get; }

    /// <summary>Whether these curves leave out batches the fleet's deliveries schedule (an event of default stopped them).</summary>
    public bool Cut => Batches < fleet.Batches.Length;

    /// <summary>[batch][t]: the batch's market value at the period's end before its generation's index moves it
    /// (0 before its delivery): what a fleet with a generation weights by the index (<see cref="MarketValueAt"/>).</summary>
    public double[][] BatchMarketValue { get; private set; }

    /// <summary>[batch]: the period the batch is delivered in, whose index level the batch's value is measured from
    /// (the number of periods if it is delivered after the last).</summary>
    public int[] DeliveryPeriod { get; private set; }

    /// <summary>Units delivered by the period's end.</summary>
    public double[] Delivered { get; }

    /// <summary>Σ units × unit cost × the depreciation's remaining share at the period's end.</summary>
    public double[] BookValue { get; }

    /// <summary>Σ units × unit cost × residual × (1 − decline)^age at the period's end.</summary>
    public double[] MarketValue { get; }

    /// <summary>The book value at the closing date (<c>boundaries[0]</c>) of the batches delivered on or before it: what a
    /// coupon or PIK condition reading the fleet's <c>book_value</c> sees at the start of the first period.</summary>
    public double ClosingBookValue { get; private set; }

    /// <summary>The market value at the closing date of the batches delivered on or before it (a generation's index
    /// moves none of them yet: each is measured from the closing's level).</summary>
    public double ClosingMarketValue { get; private set; }

    /// <summary>Σ units × age in years at the period's end (over the delivered units: the unit-weighted age's numerator).</summary>
    public double[] UnitYears { get; }

    /// <summary>Σ units × kW per GPU × PUE × price per kWh × 24 × days held in the period.</summary>
    public double[] PowerCost { get; }

    /// <summary>Σ units × unit cost × maintenance × days held in the period / 365.25.</summary>
    public double[] MaintenanceCost { get; }

    /// <summary>Σ units × days held in the period: the unit-days its power and maintenance are counted over, what an
    /// <c>idle_cost</c>'s share divides the contracts' unit-days in use by (docs/language.md §5 "Idle cost").</summary>
    public double[] HeldUnitDays { get; }

    public static FleetCurves Compute(FleetInfo fleet, Date[] boundaries)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(boundaries);
        return Compute(fleet, boundaries, fleet.Batches.Length);
    }

    /// <summary>
    /// The curves of the batches delivered by the end of period <paramref name="t"/> alone: what the fleet holds from
    /// an event of default at that period's end on, when no later batch is delivered (docs/language.md §5 "fleet",
    /// "Deliveries stop at an event of default"). These curves themselves when every batch is delivered by then; else
    /// the first k batches' (each batch's figures as in these, summed in the same order, so the same bits), worked out
    /// once per k and shared by every path (a race computes the same curves twice, and either is kept).
    /// </summary>
    public FleetCurves Through(int t)
    {
        int periods = Math.Max(0, boundaries.Length - 1);
        if (t < 0 || t >= periods)
        {
            return this;
        }

        Date end = boundaries[t + 1];
        int k = 0;
        while (k < Batches && fleet.Batches[k].Delivered <= end)
        {
            k++;
        }

        if (k == Batches)
        {
            return this;
        }

        var cache = through ?? System.Threading.Interlocked.CompareExchange(ref through, new FleetCurves?[Batches], null) ?? through!;
        return cache[k] ?? System.Threading.Interlocked.CompareExchange(ref cache[k], Compute(fleet, boundaries, k), null) ?? cache[k]!;
    }

    // The curves of the fleet's first `batches` batches (the others count as never delivered: 0 throughout).
    private static FleetCurves Compute(FleetInfo fleet, Date[] boundaries, int batches)
    {
        int periods = Math.Max(0, boundaries.Length - 1);
        var curves = new FleetCurves(periods, fleet, boundaries, batches)
        {
            BatchMarketValue = [.. fleet.Batches.Select(_ => new double[periods])],
            DeliveryPeriod = [.. fleet.Batches.Select(b => DeliveryPeriodOf(b.Delivered, boundaries))],
        };
        double powerPerGpuHour = fleet.PowerKwPerGpu * fleet.Pue * fleet.PowerPricePerKwh;
        if (boundaries.Length > 0)
        {
            Date closing = boundaries[0];
            for (int b = 0; b < batches; b++)
            {
                FleetBatch batch = fleet.Batches[b];
                if (batch.Delivered <= closing)
                {
                    double cost = batch.Units * batch.UnitCost;
                    double age = Date.DaysBetween(batch.Delivered, closing) / DaysPerYear;
                    curves.ClosingBookValue += cost * BookShare(fleet, age);
                    curves.ClosingMarketValue += cost * fleet.MarketResidual * Math.Pow(1.0 - fleet.MarketDecline, age);
                }
            }
        }

        for (int t = 0; t < periods; t++)
        {
            Date start = boundaries[t], end = boundaries[t + 1];
            for (int b = 0; b < batches; b++)
            {
                FleetBatch batch = fleet.Batches[b];
                if (batch.Delivered > end)
                {
                    continue;
                }

                double cost = batch.Units * batch.UnitCost;
                double age = Date.DaysBetween(batch.Delivered, end) / DaysPerYear;
                int heldDays = Date.DaysBetween(Date.Max(start, batch.Delivered), end);
                curves.Delivered[t] += batch.Units;
                curves.BookValue[t] += cost * BookShare(fleet, age);
                double market = cost * fleet.MarketResidual * Math.Pow(1.0 - fleet.MarketDecline, age);
                curves.BatchMarketValue[b][t] = market;
                curves.MarketValue[t] += market;
                curves.UnitYears[t] += batch.Units * age;
                curves.PowerCost[t] += batch.Units * powerPerGpuHour * 24.0 * heldDays;
                curves.MaintenanceCost[t] += cost * fleet.Maintenance * heldDays / DaysPerYear;
                curves.HeldUnitDays[t] += batch.Units * heldDays;
            }
        }

        return curves;
    }

    /// <summary>
    /// The market value at the end of period <paramref name="t"/> of a fleet whose generation's index has
    /// <paramref name="levels"/> on this path: Σ each batch's market value × levels[t] / levels[its delivery period]
    /// (a batch measured from a level of 0 or less is not moved). Allocation-free: the loop calls it each period,
    /// inlined (a call with its own loop cost a CoreWeave path measurably, bench/HISTORY.md).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double MarketValueAt(int t, double[] levels)
    {
        double sum = 0.0;
        double now = levels[t];
        for (int b = 0; b < BatchMarketValue.Length; b++)
        {
            double value = BatchMarketValue[b][t];
            if (value != 0.0)
            {
                double then = levels[DeliveryPeriod[b]];
                sum += then > 0.0 ? value * (now / then) : value;
            }
        }

        return sum;
    }

    /// <summary>The level of <paramref name="levels"/> in the period batch <paramref name="batch"/> is delivered in (0 when
    /// it is delivered after the last period): fixed for a path, so the loop reads it once, before the periods.</summary>
    public double DeliveryLevel(int batch, double[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        int period = DeliveryPeriod[batch];
        return period < levels.Length ? levels[period] : 0.0;
    }

    /// <summary>One batch's term of <see cref="MarketValueAt"/>: its market value <paramref name="value"/> moved by the
    /// index from <paramref name="then"/> (its <see cref="DeliveryLevel"/>) to <paramref name="now"/>; 0 before its
    /// delivery. Summed from 0.0 in batch order, the same bits as <see cref="MarketValueAt"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Moved(double value, double now, double then) =>
        value == 0.0 ? 0.0 : then > 0.0 ? value * (now / then) : value;

    // The first period whose end is on or after the date (a period includes its end); past the last, the count.
    private static int DeliveryPeriodOf(Date delivered, Date[] boundaries)
    {
        for (int t = 0; t + 1 < boundaries.Length; t++)
        {
            if (boundaries[t + 1] >= delivered)
            {
                return t;
            }
        }

        return Math.Max(0, boundaries.Length - 2);
    }

    /// <summary>What is left of cost after <paramref name="age"/> years: 1 − age/life (at least 0), or (1 − rate)^age.</summary>
    public static double BookShare(FleetInfo fleet, double age) => fleet.LifeMonths > 0
        ? Math.Max(0.0, 1.0 - age / (fleet.LifeMonths / 12.0))
        : Math.Pow(1.0 - fleet.DecliningRate, age);
}
