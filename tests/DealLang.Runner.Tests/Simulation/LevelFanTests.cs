using DealLang.Runner.Simulation;

namespace DealLang.Runner.Tests.Simulation;

/// <summary>
/// An index's fan chart held as rows of counts, one per bucket reached (<see cref="LevelFan"/>), is, period by period, the histogram a
/// <see cref="LogHistogram"/> per period would have made: the same counts, smallest and largest values, bit for bit,
/// after adding paths, after merging shards in any split, and read back from its periods' histograms (a shard file's).
/// </summary>
public sealed class LevelFanTests
{
    const int Periods = 7;

    // Rows of levels as a fan sees them: rates and prices near each other from period to period (the common case, one
    // bucket or its neighbour), with exact zeros, negative rates, a far outlier and a level in the zero bucket
    // (below 2^-26) mixed in.
    static double[][] Rows(int paths, int seed)
    {
        var random = new Random(seed);
        var rows = new double[paths][];
        for (int p = 0; p < paths; p++)
        {
            double level = random.NextDouble() < 0.5 ? 0.01 + (0.08 * random.NextDouble()) : 1 + (3 * random.NextDouble());
            rows[p] = new double[Periods + 2]; // longer than the fan: the periods after it are not added
            for (int t = 0; t < rows[p].Length; t++)
            {
                double u = random.NextDouble();
                level *= 1 + (0.1 * (random.NextDouble() - 0.5));
                rows[p][t] = u < 0.03 ? 0.0 : u < 0.06 ? -level / 10 : u < 0.07 ? level * 1e9 : u < 0.08 ? 1e-9 : level;
            }
        }

        return rows;
    }

    static LogHistogram[] PerPeriod(IEnumerable<double[]> rows)
    {
        var histograms = new LogHistogram[Periods];
        for (int t = 0; t < Periods; t++)
        {
            histograms[t] = LogHistogram.WithoutExtremes(SimulationTotals.FanBits);
        }

        foreach (double[] row in rows)
        {
            for (int t = 0; t < Periods; t++)
            {
                histograms[t].Add(row[t]);
            }
        }

        return histograms;
    }

    static void AssertSame(LogHistogram[] expected, LevelFan fan, long paths)
    {
        Assert.Equal(paths, fan.Count);
        Assert.Equal(expected.Length, fan.Periods);
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.True(fan[t].SameAs(expected[t]), $"period {t}");
            Assert.Equal(expected[t].Quantile(500_000), fan[t].Quantile(500_000));
        }
    }

    [Fact]
    public void EachPeriodIsTheHistogramOfItsLevels()
    {
        double[][] rows = Rows(3_000, 7);
        var fan = new LevelFan(Periods);
        foreach (double[] row in rows)
        {
            fan.Add(row);
        }

        AssertSame(PerPeriod(rows), fan, rows.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_234)]
    [InlineData(2_999)]
    [InlineData(3_000)]
    public void ShardsMergeToTheWholeRunInAnySplit(int split)
    {
        double[][] rows = Rows(3_000, 11);
        var first = new LevelFan(Periods);
        var second = new LevelFan(Periods);
        for (int p = 0; p < rows.Length; p++)
        {
            (p < split ? first : second).Add(rows[p]);
        }

        // Either order: counts add and extremes take their min and max, both exact.
        var merged = new LevelFan(Periods);
        merged.Merge(second);
        merged.Merge(first);
        AssertSame(PerPeriod(rows), merged, rows.Length);
    }

    [Fact]
    public void ReadBackFromItsPeriodsItIsTheSameFan()
    {
        double[][] rows = Rows(500, 13);
        var fan = new LevelFan(Periods);
        foreach (double[] row in rows)
        {
            fan.Add(row);
        }

        LevelFan read = LevelFan.FromPeriods([.. Enumerable.Range(0, Periods).Select(t => fan[t])]);
        AssertSame(PerPeriod(rows), read, rows.Length);

        // And it goes on adding as the fan it was read from does.
        double[][] more = Rows(200, 17);
        foreach (double[] row in more)
        {
            fan.Add(row);
            read.Add(row);
        }

        AssertSame(PerPeriod(rows.Concat(more)), read, rows.Length + more.Length);
    }

    [Fact]
    public void PeriodsCountingDifferentPathsAreNotAFan()
    {
        // A shard file edited so that one period counts a level more than the others: a fan counts one a path.
        LogHistogram[] periods = PerPeriod(Rows(10, 19));
        periods[3].Add(1.5);
        FormatException error = Assert.Throws<FormatException>(() => LevelFan.FromPeriods(periods));
        Assert.Contains("period 3's histogram counts 11 levels, period 0's 10", error.Message, StringComparison.Ordinal);

        // A histogram with extremes (a measure's, not a fan's) is refused too.
        Assert.Throws<FormatException>(() => LevelFan.FromPeriods([new LogHistogram(SimulationTotals.FanBits)]));
    }

    [Fact]
    public void ARowWithALevelThatIsNotANumberAddsNothing()
    {
        var fan = new LevelFan(3);
        Assert.True(fan.Add([1.0, 2.0, 3.0]));
        Assert.False(fan.Add([1.5, double.NaN, 2.5]));
        Assert.False(fan.Add([1.5, 2.5, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => fan.Add([1.0, 2.0])); // shorter than the fan

        // Still the one path: 1, 2 and 3 alone in their periods.
        Assert.Equal(1, fan.Count);
        Assert.Equal(1.0, fan[0].Min);
        Assert.Equal(1.0, fan[0].Max);
        Assert.Equal(3.0, fan[2].Quantile(500_000));
    }

    [Fact]
    public void AFanOfNoPeriodsCountsItsPathsAndMerges()
    {
        var fan = new LevelFan(0);
        fan.Add([]);
        var other = new LevelFan(0);
        other.Merge(fan);
        Assert.Equal(1, other.Count);
        Assert.Throws<ArgumentException>(() => other.Merge(new LevelFan(2)));
    }

    [Fact]
    public void AFanOfALongDealHoldsTheBucketsItsLevelsReachedNotTheGrid()
    {
        // A deal to 9999 paid quarterly has 31,896 periods (the fuzz hunt's mutant of corpus 056): a table of every
        // bucket (10,500 of them at FanBits 6) by every period was 4 × 10,500 × 31,896 = 1.3 GB a fan, and merging six
        // shards of three paths made 17.7 GB of them resident. Here every level falls in one bucket (1.0), so the fan
        // holds one row of 31,896 counts: 127.6 KB, plus its 10,500 row references, min and max (84 KB + 2 × 255 KB).
        const int periods = 31_896;
        double[] row = new double[periods];
        Array.Fill(row, 1.0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var shards = new LevelFan[6];
        for (int s = 0; s < shards.Length; s++)
        {
            shards[s] = new LevelFan(periods);
            shards[s].Add(row);
        }

        var merged = new LevelFan(periods);
        foreach (LevelFan shard in shards)
        {
            merged.Merge(shard);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 7 fans of about 0.73 MB each, 5.1 MB: under 8 MB (the table's was 9.4 GB for the seven).
        Assert.True(allocated < 8_000_000, $"{allocated:N0} bytes allocated");
        Assert.Equal(6, merged.Count);
        Assert.Equal(6, merged[periods - 1].Count);
        Assert.Equal(1.0, merged[periods - 1].Min);
    }
}
