using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// <c>--loop [ROUNDS]</c>: the generated period loop against <see cref="HyperionLoop"/>, alternately in one process
/// so both see the same machine load. Each round takes, for every case and both loops in turn, the median of 7
/// batches timed by <see cref="Stopwatch"/> (a batch lasts at least 20 ms); the table holds each loop's median over
/// the rounds, per path, their ratio, and the JIT tier and IL size of the generated methods (the tier from the
/// runtime's JIT events, <see cref="JitTiers"/>, read after the warm-up and the rounds).
/// </summary>
public static class LoopVsHandWritten
{
    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        using var jit = new JitTiers();
        var cases = new List<LoopCase>();
        try
        {
            foreach (string name in LoopCase.Names)
            {
                cases.Add(new LoopCase(name));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU: {CpuName()}; {RuntimeInformation.FrameworkDescription}; every hand-written figure checked against the generated program's."));
            var methods = new (string Name, Func<LoopCase, int> Call)[] { ("generated", c => c.RunGenerated()), ("hand-written", c => c.RunHandWritten()) };
            var perCall = cases.ToDictionary(c => c.Name, _ => methods.ToDictionary(m => m.Name, _ => new List<double>()));
            var calls = new Dictionary<(string, string), int>();
            foreach (LoopCase c in cases)
            {
                foreach (var m in methods)
                {
                    calls[(c.Name, m.Name)] = Calibrate(() => m.Call(c));
                }
            }

            for (int r = 1; r <= rounds; r++)
            {
                foreach (LoopCase c in cases)
                {
                    foreach (var m in methods)
                    {
                        perCall[c.Name][m.Name].Add(Median(c, m.Call, calls[(c.Name, m.Name)]));
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r} of {rounds} done"));
            }

            Thread.Sleep(500); // the runtime delivers its JIT events from a dispatch thread
            output.WriteLine();
            output.WriteLine("| Case | periods | generated | hand-written | generated / hand-written | Run: JIT tier, IL | other generated methods |");
            output.WriteLine("|---|---:|---:|---:|---:|---|---|");
            foreach (LoopCase c in cases)
            {
                double generated = MedianOf(perCall[c.Name]["generated"]);
                double hand = MedianOf(perCall[c.Name]["hand-written"]);
                Type type = c.Program.GetType();
                var tiers = jit.Of(type.FullName!);
                string runTier = tiers.GetValueOrDefault("Run", "not seen");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Generated.PeriodsRun} | {Time(generated)} | {Time(hand)} | {generated / hand:0.00} | {runTier}, {IlSize(type.GetMethod("Run")!)} B | {Others(type, tiers)} |"));
            }
        }
        finally
        {
            foreach (LoopCase c in cases)
            {
                c.Dispose();
            }
        }
    }

    // The generated methods other than Run that the loop calls (phase methods), by tier, with the largest IL.
    static string Others(Type type, IReadOnlyDictionary<string, string> tiers)
    {
        var others = tiers.Where(p => p.Key != "Run" && !p.Key.StartsWith('.') && !p.Key.Contains("Create", StringComparison.Ordinal)
            && !p.Key.Contains("Compute", StringComparison.Ordinal) && p.Key != "get_Description" && p.Key != "get_Layout" && p.Key != "get_Inputs").ToList();
        if (others.Count == 0)
        {
            return "none";
        }

        int largest = type.GetNestedTypes(BindingFlags.NonPublic).Append(type)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => others.Any(o => o.Key.EndsWith(m.Name, StringComparison.Ordinal)))
            .Select(IlSize).DefaultIfEmpty(0).Max();
        return string.Join(", ", others.GroupBy(p => p.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))
            + string.Create(CultureInfo.InvariantCulture, $"; largest IL {largest} B");
    }

    static int IlSize(MethodInfo method) => method.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0;

    static string CpuName()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return (line?.Split(':', 2)[1].Trim() ?? "unknown") + $", {Environment.ProcessorCount} logical CPUs";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    // Calls per batch so that a batch lasts at least MinBatch; also the warm-up (about a second per loop), which
    // takes the generated methods through tiered compilation to their final tier.
    static int Calibrate(Action call)
    {
        var watch = Stopwatch.StartNew();
        int n = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1) || n < 3)
        {
            call();
            n++;
        }

        double perCall = watch.Elapsed.TotalMilliseconds / n;
        return Math.Max(1, (int)Math.Ceiling(MinBatch.TotalMilliseconds / perCall));
    }

    static double Median(LoopCase c, Func<LoopCase, int> call, int n)
    {
        var times = new double[Batches];
        for (int b = 0; b < Batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                call(c);
            }

            times[b] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        }

        return MedianOf(times);
    }

    static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    static string Time(double us) => us >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{us / 1000:0.00} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{us:0.000} µs");
}
