using System.Diagnostics;
using System.Globalization;

namespace DealLang.Benchmarks;

/// <summary>What the interleaved modes (<c>--interleaved</c>, <c>--runner</c>, <c>--loop</c>) share: batches calibrated
/// to last a minimum time, medians, and how a time per call prints.</summary>
static class Timing
{
    /// <summary>Calls per batch so that a batch lasts at least <paramref name="minBatch"/>; the calibration is also the
    /// warm-up (about a second per method), which takes the code through tiered compilation to its final tier.</summary>
    public static int Calibrate(Action call, TimeSpan minBatch)
    {
        var watch = Stopwatch.StartNew();
        int n = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1) || n < 3)
        {
            call();
            n++;
        }

        double perCall = watch.Elapsed.TotalMilliseconds / n;
        return Math.Max(1, (int)Math.Ceiling(minBatch.TotalMilliseconds / perCall));
    }

    /// <summary>The median over <paramref name="batches"/> batches of <paramref name="calls"/> calls each of the time a
    /// call takes, in microseconds.</summary>
    public static double MedianPerCall(Action call, int calls, int batches)
    {
        var perCall = new double[batches];
        for (int b = 0; b < batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                call();
            }

            perCall[b] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls;
        }

        return MedianOf(perCall);
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Microseconds per call as "12.34 µs", or "1.23 ms" from a millisecond on.</summary>
    public static string Time(double us, string microseconds = "0.00") => us >= 1000
        ? (us / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : us.ToString(microseconds, CultureInfo.InvariantCulture) + " µs";

    /// <summary>The CPU's model name (/proc/cpuinfo) and its logical CPUs: every table says which CPU its figures come
    /// from (Intel and AMD differ on the loops measured here, bench/README.md).</summary>
    public static string CpuName()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return (line?.Split(':', 2)[1].Trim() ?? "unknown") + $", {Environment.ProcessorCount} logical CPUs";
        }
        catch (IOException)
        {
            return $"unknown, {Environment.ProcessorCount} logical CPUs";
        }
    }
}
