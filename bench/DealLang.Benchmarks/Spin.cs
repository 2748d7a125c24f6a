using System.Diagnostics;
using System.Globalization;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--spin CASE PART SECONDS</c>: calls one part of a <see cref="RunnerCase"/> (<c>fill</c>, <c>loop</c>,
/// <c>summaries</c>, <c>path</c>, <c>tranches</c> or <c>engine</c>, as <c>--runner</c>'s columns; <c>tsummaries</c>, the
/// summaries without the equity's IRR, as <c>tranches</c> adds them (what issue 8's target 3 counts); <c>fill+loop</c>,
/// <c>loop+tsummaries</c> and <c>fill+loop+tsummaries</c>, those parts one after the other in each call, so that what they
/// cost together beyond their sum shows (bench/HISTORY.md, session 2026-12-08 (perfref)); or <c>draw</c>, a
/// <see cref="McCase"/>'s draw + fill, as <c>--mc</c>'s first column) over and over for the given seconds and prints the
/// calls made (with the wall and CPU time a call, and the fastest 1,000-call batch's time a call), so that a sampling
/// profiler sees nothing else: <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet … --spin
/// CoreWeave/Base fill 20</c>, then <c>perf report</c> (bench/README.md, "Profiling a part of the path"). Not a
/// measurement: the figures come from <c>--runner</c>.
/// </summary>
public static class Spin
{
    public static void Run(string caseName, string part, double seconds, TextWriter output)
    {
        if (part == "draw")
        {
            // A Monte Carlo case's draw + fill (McCase: a new path each call), as --mc's first column.
            using var mc = new McCase(caseName);
            Spinning(caseName, part, seconds, () => mc.DrawAndFill(), output);
            return;
        }

        using var c = new RunnerCase(caseName);
        Func<double> call = part switch
        {
            "fill" => c.Fill,
            "loop" => () => c.Path.Run(),
            "summaries" => c.AddSummaries,
            "tsummaries" => c.AddTrancheSummaries,
            "path" => () => c.PathRunner.Run(0),
            "tranches" => () => c.TranchesOnly.Run(0),
            "engine" => c.EnginePath,
            // Two parts in a row, as the runner calls them, against each alone: what the pair costs more together
            // (bench/HISTORY.md, session 2026-12-08 (perfref)).
            "fill+loop" => () => { c.Fill(); return c.Path.Run(); },
            "loop+tsummaries" => () => { c.Path.Run(); return c.AddTrancheSummaries(); },
            "fill+loop+tsummaries" => () => { c.Fill(); c.Path.Run(); return c.AddTrancheSummaries(); },
            _ => throw new UsageError($"unknown --spin part '{part}': {string.Join(", ", Arguments.SpinParts)}"), // Arguments.Check refused it first
        };

        Spinning(caseName, part, seconds, call, output);
    }

    static void Spinning(string caseName, string part, double seconds, Func<double> call, TextWriter output)
    {

        // A second of calls first, so that the part is at its final tier when the clock starts.
        double sink = 0;
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1;)
        {
            sink += call();
        }

        // The process's CPU time besides the wall clock: on a busy machine the wall clock counts the time the thread
        // waited for a core, the CPU time not (a direction under load, not a figure).
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long calls = 0;
        // The fastest batch too: load only ever adds time, so on a machine busy with other work the fastest of many short
        // batches (a millisecond or so: short enough that some run uninterrupted) is nearer the part's own cost than the
        // mean (a direction still; bench/HISTORY.md, session 2026-12-07h).
        const int Batch = 1_000;
        long fastest = long.MaxValue;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < Batch; i++)
            {
                sink += call();
            }

            fastest = Math.Min(fastest, Stopwatch.GetTimestamp() - start);
            calls += Batch;
        }

        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalNanoseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{caseName} {part}: {calls} calls in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalNanoseconds / calls:0.0} ns a call, {cpu / calls:0.0} ns of CPU a call, fastest batch {Stopwatch.GetElapsedTime(0, fastest).TotalNanoseconds / Batch:0.0} ns a call (sink {sink:0})"));
    }
}
