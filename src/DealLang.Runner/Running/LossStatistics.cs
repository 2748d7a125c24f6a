using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// One tranche's losses over many paths, accumulated with no allocation and mergeable exactly: paths, paths with
/// a loss (at least <see cref="Flows.ShortfallTolerance"/>, the half cent below which a shortfall is rounding),
/// the sum and the sum of squares of the loss, and the largest loss. Each loss enters the sums as a whole number of
/// <see cref="Unit"/>ths of the currency unit (1/1024, exact in binary), in 128-bit integers, so the sums do not
/// depend on the order of the paths: shards merged in any order give the statistics of one run over all their
/// paths, bit for bit (a sum of doubles would not). The integers are checked: a sum that would overflow throws
/// <see cref="OverflowException"/> (the squares reach 2^127 at a loss of about 1.3·10^16 currency units, or at a
/// billion paths of about 4·10^11 each), which the engine reports as a <see cref="Simulation.SumLimitException"/>
/// naming the figure and the path.
/// </summary>
public struct LossStatistics
{
    /// <summary>The sums count losses in 1/<see cref="Unit"/> of the currency unit.</summary>
    public const double Unit = 1024.0;

    Int128 sumUnits;
    Int128 sumSquareUnits;

    /// <summary>Paths added.</summary>
    public long Paths { get; private set; }

    /// <summary>Paths whose loss was at least half a cent.</summary>
    public long PathsWithLoss { get; private set; }

    /// <summary>The largest loss added (0 before any).</summary>
    public double MaxLoss { get; private set; }

    /// <summary>The sum of the losses, each rounded to 1/<see cref="Unit"/>.</summary>
    public readonly double SumLoss => (double)sumUnits / Unit;

    /// <summary>Share of the paths with a loss.</summary>
    public readonly double LossProbability => Paths == 0 ? double.NaN : PathsWithLoss / (double)Paths;

    /// <summary>The mean loss (NaN before any path).</summary>
    public readonly double MeanLoss => Paths == 0 ? double.NaN : (double)sumUnits / Paths / Unit;

    /// <summary>The sample standard deviation of the loss, from the exact sums (NaN below two paths).</summary>
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

    /// <summary>Adds one path's loss (finite, not negative). A loss that is not finite is the path's amounts grown past a
    /// double's range (NaN where an overflow met another: ∞ − ∞), so it is beyond the sums as a huge one is.</summary>
    public void Add(double loss)
    {
        // The common case in one test, on every path and tranche: a loss of 0 or more (NaN fails it) whose units
        // convert to a long exactly (so finite, and far below the limit of 1e30): the sums ExactSums.Add makes of it,
        // without its tests. Anything else takes AddChecked, which refuses it or sums it as before.
        double scaled = Math.Round(loss * Unit);
        if (loss >= 0 && scaled < ExactSums.LongRange)
        {
            long units = (long)scaled;
            checked
            {
                sumUnits += units;
                sumSquareUnits += Math.BigMul(units, units);
            }
        }
        else
        {
            AddChecked(loss);
        }

        Paths++;
        if (loss >= Flows.ShortfallTolerance)
        {
            PathsWithLoss++;
        }

        MaxLoss = Math.Max(MaxLoss, loss);
    }

    // A loss that is not finite, below 0, or of 2^63 units or more: refused, or summed in 128 bits.
    void AddChecked(double loss)
    {
        if (!double.IsFinite(loss))
        {
            throw new OverflowException($"A loss of {loss} (amounts past a double's range) is beyond what the loss statistics can sum.");
        }

        if (loss < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, "A loss is a finite amount of 0 or more.");
        }

        double scaled = Math.Round(loss * Unit);
        if (scaled >= 1e30)
        {
            throw new OverflowException($"A loss of {loss} is beyond what the loss statistics can sum exactly.");
        }

        ExactSums.Add(ref sumUnits, ref sumSquareUnits, scaled);
    }

    /// <summary>Adds another accumulator's paths (a shard's) to this one: exactly what adding them one by one does.</summary>
    public void Merge(in LossStatistics other)
    {
        checked
        {
            sumUnits += other.sumUnits;
            sumSquareUnits += other.sumSquareUnits;
            Paths += other.Paths;
            PathsWithLoss += other.PathsWithLoss;
        }

        MaxLoss = Math.Max(MaxLoss, other.MaxLoss);
    }

    /// <summary>The exact parts, for a shard file (<see cref="Simulation.ShardFile"/>): the sums in units, the counts and the largest loss.</summary>
    internal readonly (Int128 Sum, Int128 SumSquares, long Paths, long PathsWithLoss, double Max) Parts =>
        (sumUnits, sumSquareUnits, Paths, PathsWithLoss, MaxLoss);

    /// <summary>An accumulator from a shard file's parts.</summary>
    internal static LossStatistics FromParts(Int128 sum, Int128 sumSquares, long paths, long pathsWithLoss, double max)
    {
        if (paths < 0 || pathsWithLoss < 0 || pathsWithLoss > paths || sum < 0 || sumSquares < 0 || !(max >= 0) || double.IsInfinity(max)
            || !ExactSums.Possible(sum, sumSquares, paths, Math.Round(max * Unit)))
        {
            throw new FormatException("loss statistics whose counts, sums or largest loss do not fit together");
        }

        return new LossStatistics { sumUnits = sum, sumSquareUnits = sumSquares, Paths = paths, PathsWithLoss = pathsWithLoss, MaxLoss = max };
    }

    /// <summary>Whether two accumulators hold the same statistics, exactly.</summary>
    public readonly bool SameAs(in LossStatistics other) =>
        sumUnits == other.sumUnits && sumSquareUnits == other.sumSquareUnits && Paths == other.Paths
        && PathsWithLoss == other.PathsWithLoss && MaxLoss.Equals(other.MaxLoss);
}
