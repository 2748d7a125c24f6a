using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// What one set of path buffers' previous paths already computed that the next path may reuse: results of pure
/// functions of the scenario's numbers, each kept with the exact numbers (compared bit for bit) it was computed
/// from, so a reused value is the value the path would compute, bit for bit. Never the path's own slots: every
/// slot is still written on every path (<see cref="IPathSource"/>), from these tables or freshly.
/// <list type="bullet">
/// <item>the market-rent index (1 − deflation)^years at each of the deal's distinct lease-year resets
/// (<see cref="DealPaths"/> numbers them once per deal, so leases that share a reset share one exponential),
/// computed on first use for the path's deflation and kept while later paths deflate at the same rate;</item>
/// <item>each lease at market's rescaled rent, period by period, as far as a path has needed it, at that rate;</item>
/// <item>the rent of the period a lessee's default cuts, per lease, for the last default date and rate;</item>
/// <item>per lease, its whole rent row cut at the last default date and rate, with that end's period, shared into the
/// inputs read-only (a lessee defaulting on the same day path after path costs a compare, not a copy of the row);</item>
/// <item>each facility's stressed value curve for the last stress applied to it;</item>
/// <item>per lease, its facility's value on the day its RVG is measured, for the last day and stress (a lease running its
/// term ends on the same day path after path);</item>
/// <item>the sale terms' slots as the last scenario object filled wrote them, when they are the same on each of its paths
/// (<see cref="Paths.SaleTerms.FixedFor"/>: a scenario's levers, not a path's draws).</item>
/// </list>
/// Sized once, when a path source first fills the buffers (<see cref="ScenarioPaths"/> keeps one per
/// <see cref="PathInputs"/>, so threads with their own buffers never share one); a path then allocates nothing.
/// </summary>
sealed class PathMemo
{
    // The market-rent index: powers[i] is valid when powerStamp[i] == generation, which moves on with the rate.
    readonly double[] years;
    readonly double[] powers;
    readonly long[] powerStamp;
    long rateBits;
    long generation;

    // Per lease at market: the rescaled rent of periods [its first market period, rowEnd[l]) at the rate of
    // rowStamp[l] (null rows for leases that do not renew at market).
    readonly double[]?[] rows;
    readonly long[] rowStamp;
    readonly int[] rowEnd;

    // Per lease: the cut rent of its last default date, at the rate with those bits.
    readonly bool[] cutKnown;
    readonly Date[] cutEnd;
    readonly long[] cutRateBits;
    readonly double[] cutRent;

    // Per lease: its rent row cut at the last default date (LeasePlan.SharedCutRow), at the rate with those bits, and
    // the period that date ends the lease in.
    readonly double[][] cutRows;
    readonly bool[] cutRowKnown;
    readonly Date[] cutRowEnd;
    readonly long[] cutRowRateBits;
    readonly int[] cutRowEndPeriod;

    // Per lease: the facility's value on the day its RVG is measured, for the last day, rate and drop.
    readonly bool[] rvgKnown;
    readonly Date[] rvgDay;
    readonly long[] rvgDeflate;
    readonly long[] rvgDrop;
    readonly Date?[] rvgDropBy;
    readonly double[] rvgValue;

    // Per facility: the stressed curve of the last stress, with its numbers.
    readonly double[][] values;
    readonly bool[] valueKnown;
    readonly long[] valueDeflate;
    readonly long[] valueDrop;
    readonly Date?[] valueDropBy;

    // Per contract: the re-let rows of the last customer default date, idle gap and renewals taken (ContractRelets),
    // shared into the inputs.
    readonly double[][] reletYears;
    readonly double[][] reletLive;
    readonly bool[] reletKnown;
    readonly (Date? Default, int Gap, int Taken)[] reletKey;

    // The sale terms' scalar slots (DealPaths' order: SaleTerms.Quantities, then the sales) and re-let curves as
    // SaleTerms.Fill wrote them for saleScenario (held here, so no other scenario can take its place at the same
    // address): that object's enforcement levers are init-only, so its sale terms never change.
    readonly double[] saleValues;
    readonly ReletCurve?[] saleCurves;
    ScenarioSpec? saleScenario;

    /// <summary>The token of the path source whose memo this is (ScenarioPaths keeps it on the buffers too, and
    /// checks it there).</summary>
    public object? Source { get; set; }

    public PathMemo(double[] marketYears, int periods, int facilities, bool[] leaseAtMarket, int contracts = 0, int sales = 0)
    {
        saleValues = new double[SaleTerms.Quantities.Length * sales];
        saleCurves = new ReletCurve?[sales];
        reletYears = new double[contracts][];
        reletLive = new double[contracts][];
        for (int c = 0; c < contracts; c++)
        {
            reletYears[c] = new double[periods];
            reletLive[c] = new double[periods];
        }

        reletKnown = new bool[contracts];
        reletKey = new (Date?, int, int)[contracts];

        years = marketYears;
        powers = new double[years.Length];
        powerStamp = new long[years.Length];
        generation = 1;
        rateBits = BitConverter.DoubleToInt64Bits(0.0);

        int leases = leaseAtMarket.Length;
        rows = new double[]?[leases];
        for (int l = 0; l < leases; l++)
        {
            rows[l] = leaseAtMarket[l] ? new double[periods] : null;
        }

        rowStamp = new long[leases];
        rowEnd = new int[leases];
        cutKnown = new bool[leases];
        cutEnd = new Date[leases];
        cutRateBits = new long[leases];
        cutRent = new double[leases];
        cutRows = new double[leases][];
        for (int l = 0; l < leases; l++)
        {
            cutRows[l] = new double[periods];
        }

        cutRowKnown = new bool[leases];
        cutRowEnd = new Date[leases];
        cutRowRateBits = new long[leases];
        cutRowEndPeriod = new int[leases];
        rvgKnown = new bool[leases];
        rvgDay = new Date[leases];
        rvgDeflate = new long[leases];
        rvgDrop = new long[leases];
        rvgDropBy = new Date?[leases];
        rvgValue = new double[leases];

        values = new double[facilities][];
        for (int f = 0; f < facilities; f++)
        {
            values[f] = new double[periods];
        }

        valueKnown = new bool[facilities];
        valueDeflate = new long[facilities];
        valueDrop = new long[facilities];
        valueDropBy = new Date?[facilities];
    }

    /// <summary>Sets the market-rent deflation of the path about to be filled: a rate with other bits than the
    /// last one's makes every power and rescaled row computed so far stale.</summary>
    public void UseMarketRate(double rate)
    {
        long bits = BitConverter.DoubleToInt64Bits(rate);
        if (bits != rateBits)
        {
            rateBits = bits;
            rateLog = MonthCount.DeflationLog(rate);
            generation++;
        }
    }

    // ln(1 − the market rate) (MonthCount.DeflationLog): each power is then one exponential.
    double rateLog;

    /// <summary>(1 − rate)^years[slot] (<see cref="MonthCount.Deflation"/>), computed at most once per rate.</summary>
    public double Power(int slot)
    {
        if (powerStamp[slot] != generation)
        {
            powers[slot] = MonthCount.DeflationFromLog(rateLog, years[slot]); // MonthCount.Deflation(rate, years[slot]) to the bit
            powerStamp[slot] = generation;
        }

        return powers[slot];
    }

    /// <summary>Lease <paramref name="l"/>'s rescaled row at the current rate and how far it is filled
    /// (<paramref name="end"/>, starting at <paramref name="first"/> when the rate moved since it was filled).</summary>
    public double[] Row(int l, int first, out int end)
    {
        if (rowStamp[l] != generation)
        {
            rowStamp[l] = generation;
            rowEnd[l] = first;
        }

        end = rowEnd[l];
        return rows[l]!;
    }

    /// <summary>Records that lease <paramref name="l"/>'s row is filled up to <paramref name="end"/>.</summary>
    public void RowFilledTo(int l, int end) => rowEnd[l] = end;

    /// <summary>Lease <paramref name="l"/>'s cut rent for a default on <paramref name="end"/> at
    /// <paramref name="rate"/>, if the last one computed was for exactly those.</summary>
    public bool TryCut(int l, Date end, double rate, out double rent)
    {
        rent = cutRent[l];
        return cutKnown[l] && cutEnd[l] == end && cutRateBits[l] == BitConverter.DoubleToInt64Bits(rate);
    }

    public void KeepCut(int l, Date end, double rate, double rent)
    {
        cutKnown[l] = true;
        cutEnd[l] = end;
        cutRateBits[l] = BitConverter.DoubleToInt64Bits(rate);
        cutRent[l] = rent;
    }

    /// <summary>Lease <paramref name="l"/>'s cut row; <paramref name="known"/> (with its <paramref name="endPeriod"/>)
    /// when it holds the rent of a lease ending on <paramref name="end"/> at exactly <paramref name="rate"/> (otherwise
    /// the caller fills it and calls <see cref="KeepCutRow"/>).</summary>
    public double[] CutRow(int l, Date end, double rate, out bool known, out int endPeriod)
    {
        known = cutRowKnown[l] && cutRowEnd[l] == end && cutRowRateBits[l] == BitConverter.DoubleToInt64Bits(rate);
        endPeriod = cutRowEndPeriod[l];
        return cutRows[l];
    }

    public void KeepCutRow(int l, Date end, double rate, int endPeriod)
    {
        cutRowKnown[l] = true;
        cutRowEnd[l] = end;
        cutRowRateBits[l] = BitConverter.DoubleToInt64Bits(rate);
        cutRowEndPeriod[l] = endPeriod;
    }

    /// <summary>Facility <paramref name="f"/>'s kept curve; <paramref name="known"/> when it was computed under
    /// exactly <paramref name="stress"/>'s numbers (otherwise the caller fills it and calls
    /// <see cref="KeepValues"/>).</summary>
    public double[] Values(int f, ValueStress stress, out bool known)
    {
        known = valueKnown[f]
            && valueDeflate[f] == BitConverter.DoubleToInt64Bits(stress.DeflatePerYear)
            && valueDrop[f] == BitConverter.DoubleToInt64Bits(stress.DropFraction)
            && valueDropBy[f] == stress.DropBy;
        return values[f];
    }

    /// <summary>Contract <paramref name="c"/>'s re-let rows; <paramref name="known"/> when they hold the re-let of a
    /// customer default on <paramref name="customerDefault"/>, a gap of <paramref name="gapMonths"/> and
    /// <paramref name="renewalsTaken"/> renewals (otherwise they are now taken for those, and the caller fills them).</summary>
    public (double[] Years, double[] Live) Relet(int c, Date? customerDefault, int gapMonths, int renewalsTaken, out bool known)
    {
        var key = (customerDefault, gapMonths, renewalsTaken);
        known = reletKnown[c] && reletKey[c] == key;
        if (!known)
        {
            // Stored only when it moves: path after path of a scenario finds its own key, and the stores were a share of it.
            reletKnown[c] = true;
            reletKey[c] = key;
        }

        return (reletYears[c], reletLive[c]);
    }

    /// <summary>Lease <paramref name="l"/>'s facility value on <paramref name="day"/> at the deflation
    /// <paramref name="deflatePerYear"/> and <paramref name="stress"/>'s drop, when the last one kept was for exactly
    /// these numbers.</summary>
    public bool TryRvgValue(int l, Date day, double deflatePerYear, ValueStress stress, out double value)
    {
        value = rvgValue[l];
        return rvgKnown[l] && rvgDay[l] == day
            && rvgDeflate[l] == BitConverter.DoubleToInt64Bits(deflatePerYear)
            && rvgDrop[l] == BitConverter.DoubleToInt64Bits(stress.DropFraction)
            && rvgDropBy[l] == stress.DropBy;
    }

    public void KeepRvgValue(int l, Date day, double deflatePerYear, ValueStress stress, double value)
    {
        rvgKnown[l] = true;
        rvgDay[l] = day;
        rvgDeflate[l] = BitConverter.DoubleToInt64Bits(deflatePerYear);
        rvgDrop[l] = BitConverter.DoubleToInt64Bits(stress.DropFraction);
        rvgDropBy[l] = stress.DropBy;
        rvgValue[l] = value;
    }

    /// <summary>The sale terms' slot values and re-let curves kept; true when they are <paramref name="scenario"/>'s (the
    /// same object: <see cref="Paths.SaleTerms.FixedFor"/>), else the caller fills them and calls <see cref="KeepSaleTerms"/>.</summary>
    public bool SaleValues(ScenarioSpec scenario, out double[] values, out ReletCurve?[] curves)
    {
        values = saleValues;
        curves = saleCurves;
        return ReferenceEquals(saleScenario, scenario);
    }

    public void KeepSaleTerms(ScenarioSpec scenario) => saleScenario = scenario;

    public void KeepValues(int f, ValueStress stress)
    {
        valueKnown[f] = true;
        valueDeflate[f] = BitConverter.DoubleToInt64Bits(stress.DeflatePerYear);
        valueDrop[f] = BitConverter.DoubleToInt64Bits(stress.DropFraction);
        valueDropBy[f] = stress.DropBy;
    }
}
