using System.Diagnostics;
using System.Globalization;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--interleaved [ROUNDS]</c>: building a path before and after, and running it, measured alternately in one
/// process, so all three see the same machine load (the machine is shared). Each round takes, for every case and
/// every method in turn, the median of 7 batches of calls timed by <see cref="Stopwatch"/> (a batch lasts at least
/// 20 ms); the table printed at the end holds each method's median over the rounds, per call. Warm-up: a
/// second of calls per method before the first round.
/// </summary>
public static class InterleavedPaths
{
    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        var cases = PathCase.Names.Select(n => new PathCase(n)).ToList();
        try
        {
            var methods = new (string Name, Action<PathCase> Call)[]
            {
                ("build before", c => c.BuildBefore()),
                ("build after", c => c.BuildAfter()),
                ("run", c => c.Run()),
            };
            var perCall = cases.ToDictionary(c => c.Name, _ => methods.ToDictionary(m => m.Name, _ => new List<double>()));
            var calls = new Dictionary<(string, string), int>();
            foreach (PathCase c in cases)
            {
                foreach (var m in methods)
                {
                    calls[(c.Name, m.Name)] = Timing.Calibrate(() => m.Call(c), MinBatch);
                }
            }

            for (int r = 1; r <= rounds; r++)
            {
                foreach (PathCase c in cases)
                {
                    foreach (var m in methods)
                    {
                        double us = Median(c, m.Call, calls[(c.Name, m.Name)]);
                        perCall[c.Name][m.Name].Add(us);
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r} of {rounds} done"));
            }

            output.WriteLine();
            output.WriteLine("| Case | periods | build before | build after | run (summary-only) | after / run | before / after |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (PathCase c in cases)
            {
                double before = Timing.MedianOf(perCall[c.Name]["build before"]);
                double after = Timing.MedianOf(perCall[c.Name]["build after"]);
                double run = Timing.MedianOf(perCall[c.Name]["run"]);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Result.PeriodsRun} of {c.Deal.Periods} | {Timing.Time(before)} | {Timing.Time(after)} | {Timing.Time(run)} | {after / run:0.00} | {before / after:0} |"));
            }
        }
        finally
        {
            foreach (PathCase c in cases)
            {
                c.Dispose();
            }
        }
    }


    static double Median(PathCase c, Action<PathCase> call, int n)
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

        return Timing.MedianOf(times);
    }


}
