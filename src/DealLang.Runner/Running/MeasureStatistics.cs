namespace DealLang.Runner.Running;

/// <summary>
/// One measure (a tranche's IRR or WAL, an equity's IRR) over many paths, accumulated with no allocation and
/// mergeable exactly, like <see cref="LossStatistics"/>: paths where the measure is defined (an IRR that does not
/// exist, NaN, is counted apart, in <see cref="Undefined"/>), the sum and the sum of squares of the values, each
/// rounded to a whole number of 1/<see cref="Unit"/> (2⁻³², about 2.3·10⁻¹⁰: far below the 10⁻⁴ a rate is printed
/// to) in 128-bit integers, so the result does not depend on the order of the paths, and the smallest and largest
/// values. Checked: a value of magnitude 2⁵⁰ or more (no IRR or WAL comes near) throws
/// <see cref="OverflowException"/>, and so would a sum of squares past 2¹²⁷ (about 4·10⁹ paths at a WAL of 1,000
/// years).
/// </summary>
public struct MeasureStatistics
{
    /// <summary>The sums count values in 1/<see cref="Unit"/>.</summary>
    public const double Unit = 4294967296.0;

    const double Largest = 1125899906842624.0; // 2^50

    Int128 sumUnits;
    Int128 sumSquareUnits;
    double min;
    double max;

    /// <summary>Paths where the measure was defined.</summary>
    public long Paths { get; private set; }

    /// <summary>Paths where it was not (NaN: no IRR, or no principal paid for a WAL).</summary>
    public long Undefined { get; private set; }

    /// <summary>The smallest value added (NaN before any).</summary>
    public readonly double Min => Paths == 0 ? double.NaN : min;

    /// <summary>The largest value added (NaN before any).</summary>
    public readonly double Max => Paths == 0 ? double.NaN : max;

    /// <summary>The mean of the defined values, each rounded to 1/<see cref="Unit"/> (NaN before any).</summary>
    public readonly double Mean => Paths == 0 ? double.NaN : (double)sumUnits / Paths / Unit;

    /// <summary>The sample standard deviation of the defined values, from the exact sums (NaN below two).</summary>
    public readonly double StandardDeviation
    {
        get
        {
            if (Paths < 2)
            {
                return double.NaN;
            }

            return ExactSums.SampleDeviation(sumUnits, sumSquareUnits, Paths, Unit);
        }
    }

    /// <summary>Adds one path's value; NaN counts as undefined, an infinity is refused.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            Undefined++;
            return;
        }

        if (!(Math.Abs(value) < Largest))
        {
            throw new OverflowException($"A value of {value} is beyond what the measure statistics can sum exactly.");
        }

        double scaled = Math.Round(value * Unit);
        ExactSums.Add(ref sumUnits, ref sumSquareUnits, scaled);

        min = Paths == 0 ? value : Math.Min(min, value);
        max = Paths == 0 ? value : Math.Max(max, value);
        Paths++;
    }

    /// <summary>Adds another accumulator's paths (a shard's): exactly what adding them one by one does.</summary>
    public void Merge(in MeasureStatistics other)
    {
        if (other.Paths > 0)
        {
            min = Paths == 0 ? other.min : Math.Min(min, other.min);
            max = Paths == 0 ? other.max : Math.Max(max, other.max);
        }

        checked
        {
            sumUnits += other.sumUnits;
            sumSquareUnits += other.sumSquareUnits;
            Paths += other.Paths;
            Undefined += other.Undefined;
        }
    }

    /// <summary>The exact parts, for a shard file (<see cref="Simulation.ShardFile"/>).</summary>
    internal readonly (Int128 Sum, Int128 SumSquares, long Paths, long Undefined, double Min, double Max) Parts =>
        (sumUnits, sumSquareUnits, Paths, Undefined, Min, Max);

    /// <summary>An accumulator from a shard file's parts.</summary>
    internal static MeasureStatistics FromParts(Int128 sum, Int128 sumSquares, long paths, long undefined, double min, double max)
    {
        if (paths < 0 || undefined < 0 || sumSquares < 0 || (paths > 0 && !(min <= max && double.IsFinite(min) && double.IsFinite(max)))
            || !ExactSums.Possible(sum, sumSquares, paths, paths == 0 ? 0 : Math.Round(Math.Max(Math.Abs(min), Math.Abs(max)) * Unit)))
        {
            throw new FormatException("measure statistics whose counts, sums or extremes do not fit together");
        }

        return new MeasureStatistics
        {
            sumUnits = sum, sumSquareUnits = sumSquares, Paths = paths, Undefined = undefined,
            min = paths == 0 ? 0 : min, max = paths == 0 ? 0 : max,
        };
    }

    /// <summary>Whether two accumulators hold the same statistics, exactly.</summary>
    public readonly bool SameAs(in MeasureStatistics other) =>
        sumUnits == other.sumUnits && sumSquareUnits == other.sumSquareUnits && Paths == other.Paths
        && Undefined == other.Undefined && Min.Equals(other.Min) && Max.Equals(other.Max);
}
