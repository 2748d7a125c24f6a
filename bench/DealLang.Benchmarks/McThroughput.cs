using System.Diagnostics;
using System.Globalization;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--mc [ROUNDS]</c>: Monte Carlo throughput (issue 10, "Tests and performance"), measured alternately in one
/// process so every method sees the same machine load. For each <see cref="McCase"/>, per path:
/// <list type="bullet">
/// <item><c>draw + fill</c>: <c>StochasticPaths.Fill</c>, the factors' draws and the path's inputs built from them;</item>
/// <item><c>loop</c>: the generated <c>Run</c>, summary-only, on those inputs;</item>
/// <item><c>figures + totals</c>: <c>PathFigures.Read</c> (each tranche's and equity's IRR, WAL, loss) and
/// <c>SimulationTotals.Add</c> (the exact sums and the histograms);</item>
/// <item><c>whole path</c>: the three on one set of buffers, as the engine's worker runs them;</item>
/// <item>for Hyperion, the hand-written limit: <c>hand draw</c> (<see cref="HandWritten.HyperionDraw"/>) and
/// <c>hand loop</c> (<see cref="HandWritten.HyperionLoop"/> on the same drawn inputs).</item>
/// </list>
/// Each round takes, for every case and method in turn, the median of 7 batches (a batch lasts at least 20 ms, after
/// about a second of warm-up), then runs the <see cref="Runner.Simulation.SimulationEngine"/> over
/// <see cref="EnginePaths"/> fresh paths on one thread and on all cores, alternately: paths per second end to end
/// inside the process (factor generation included; no compile). The table holds the medians of the rounds, the
/// managed bytes allocated per call, and the gen-0 collections during the engine runs (0 when paths allocate nothing).
/// </summary>
public static class McThroughput
{
    /// <summary>Paths per engine run: 16 blocks of 4,096.</summary>
    public const int EnginePaths = 65_536;

    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        var cases = McCase.Names.Select(n => new McCase(n)).ToList();
        try
        {
            int cores = Environment.ProcessorCount;
            var methods = new (string Name, Func<McCase, double> Call, bool HandOnly)[]
            {
                ("draw + fill", c => c.DrawAndFill(), false),
                ("loop", c => c.Loop(), false),
                ("figures + totals", c => c.FiguresAndTotals(), false),
                ("whole path", c => c.WholePath(), false),
                ("hand draw", c => c.HandDraw(), true),
                ("hand loop", c => c.HandLoop(), true),
            };

            var perCall = new Dictionary<(string, string), List<double>>();
            var calls = new Dictionary<(string, string), int>();
            var bytes = new Dictionary<(string, string), double>();
            foreach (McCase c in cases)
            {
                foreach (var m in methods.Where(m => !m.HandOnly || c.HasHandWritten))
                {
                    int n = Timing.Calibrate(() => m.Call(c), MinBatch);
                    calls[(c.Name, m.Name)] = n;
                    perCall[(c.Name, m.Name)] = [];
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < n; i++)
                    {
                        m.Call(c);
                    }

                    bytes[(c.Name, m.Name)] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
                }
            }

            var single = cases.ToDictionary(c => c.Name, _ => new List<double>());
            var all = cases.ToDictionary(c => c.Name, _ => new List<double>());
            var collections = cases.ToDictionary(c => c.Name, _ => 0);
            var nextEnginePath = cases.ToDictionary(c => c.Name, _ => 1 << 30); // far from the stage timings' paths
            for (int r = 1; r <= rounds; r++)
            {
                foreach (McCase c in cases)
                {
                    foreach (var m in methods.Where(m => !m.HandOnly || c.HasHandWritten))
                    {
                        perCall[(c.Name, m.Name)].Add(Median(c, m.Call, calls[(c.Name, m.Name)]));
                    }

                    foreach (int threads in new[] { 1, cores })
                    {
                        int from = nextEnginePath[c.Name];
                        nextEnginePath[c.Name] = from + EnginePaths;
                        int gen0 = GC.CollectionCount(0);
                        long start = Stopwatch.GetTimestamp();
                        var totals = c.Engine.Run(from, from + EnginePaths, threads);
                        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                        collections[c.Name] += GC.CollectionCount(0) - gen0;
                        if (totals.Paths != EnginePaths)
                        {
                            throw new InvalidOperationException($"{c.Name}: the engine ran {totals.Paths} paths, not {EnginePaths}.");
                        }

                        (threads == 1 ? single : all)[c.Name].Add(EnginePaths / seconds);
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r} of {rounds} done"));
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| Case | periods | draw + fill | loop | figures + totals | whole path | engine, 1 thread | engine, {cores} threads | hand draw | hand loop | whole / (hand draw + hand loop) | loop / hand loop | B/path: fill, loop, figures, whole | gen-0 GCs in {2 * rounds} engine runs |"));
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
            foreach (McCase c in cases)
            {
                string T(string m) => perCall.TryGetValue((c.Name, m), out var v) ? Timing.Time(Timing.MedianOf(v), "0.000") : "-";
                string B(string m) => bytes[(c.Name, m)].ToString("0", CultureInfo.InvariantCulture);
                string Ratio(string over, string under1, string? under2 = null) =>
                    !perCall.ContainsKey((c.Name, under1)) ? "-" : Timing.MedianOf(Enumerable.Range(0, rounds).Select(i =>
                        perCall[(c.Name, over)][i] / (perCall[(c.Name, under1)][i] + (under2 is null ? 0 : perCall[(c.Name, under2)][i]))))
                        .ToString("0.00", CultureInfo.InvariantCulture);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Deal.Periods} | {T("draw + fill")} | {T("loop")} | {T("figures + totals")} | {T("whole path")} | {Timing.MedianOf(single[c.Name]):N0} paths/s | {Timing.MedianOf(all[c.Name]):N0} paths/s | {T("hand draw")} | {T("hand loop")} | {Ratio("whole path", "hand draw", "hand loop")} | {Ratio("loop", "hand loop")} | {B("draw + fill")}, {B("loop")}, {B("figures + totals")}, {B("whole path")} | {collections[c.Name]} |"));
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; engine runs of {EnginePaths:N0} paths each."));
        }
        finally
        {
            foreach (McCase c in cases)
            {
                c.Dispose();
            }
        }
    }

    static double Median(McCase c, Func<McCase, double> call, int n)
    {
        var times = new double[Batches];
        double sink = 0;
        for (int b = 0; b < Batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                sink += call(c);
            }

            times[b] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        }

        GC.KeepAlive(sink);
        return Timing.MedianOf(times);
    }
}
