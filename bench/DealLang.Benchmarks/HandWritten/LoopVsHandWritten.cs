using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// <c>--loop [ROUNDS]</c>: the generated period loop against <see cref="HyperionLoop"/>, alternately in one process
/// so both see the same machine load. Each round times, for every case, 7 pairs of batches back to back (the
/// generated loop, then the hand-written one; a batch lasts at least 5 ms, timed by <see cref="Stopwatch"/>). The
/// table holds each loop's median per path over all batches, the median of the pairs' ratios (the figure to quote:
/// adjacent batches see the same load), the ratio of the fastest batches (load only ever adds time), and the JIT
/// tier and IL size of the generated methods (the tier from the runtime's JIT events, <see cref="JitTiers"/>, read
/// after the warm-up and the rounds).
/// </summary>
public static class LoopVsHandWritten
{
    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(5);

    /// <param name="only">Case names or their prefixes (<c>CoreWeave</c>) to time; empty: every case.</param>
    public static void Run(int rounds, TextWriter output, string[]? only = null)
    {
        using var jit = new JitTiers();
        var cases = new List<LoopCase>();
        try
        {
            foreach (string name in LoopCase.Names.Where(n => only is not { Length: > 0 } || only.Any(o => n.StartsWith(o, StringComparison.Ordinal))))
            {
                cases.Add(new LoopCase(name));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU: {Timing.CpuName()}; {RuntimeInformation.FrameworkDescription}; every hand-written figure checked against the generated program's."));
            var calls = cases.ToDictionary(c => c.Name, c => Math.Max(Timing.Calibrate(() => c.RunGenerated(), MinBatch), Timing.Calibrate(() => c.RunHandWritten(), MinBatch)));

            // The hand-written loops are tiered (the generated ones, in a collectible assembly, are compiled fully
            // optimised at once): on a loaded machine the background compile to Tier1 can take longer than the
            // calibration, and a loop timed at Tier0 runs 10-20 times slower. Keep calling until it is Tier1.
            foreach (LoopCase c in cases)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (jit.Of(c.HandWrittenType.FullName!).GetValueOrDefault("Run") != "Tier1" && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    c.RunHandWritten();
                    Thread.Sleep(1);
                }
            }
            var generated = cases.ToDictionary(c => c.Name, _ => new List<double>());
            var hand = cases.ToDictionary(c => c.Name, _ => new List<double>());
            var ratios = cases.ToDictionary(c => c.Name, _ => new List<double>());
            for (int r = 1; r <= rounds; r++)
            {
                foreach (LoopCase c in cases)
                {
                    // Pairs of batches back to back: the load on a shared machine changes between rounds far more
                    // than between two adjacent batches, so each pair's ratio is the steadier figure.
                    for (int b = 0; b < Batches; b++)
                    {
                        double g = Batch(c.RunGenerated, calls[c.Name]);
                        double h = Batch(c.RunHandWritten, calls[c.Name]);
                        generated[c.Name].Add(g);
                        hand[c.Name].Add(h);
                        ratios[c.Name].Add(g / h);
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r} of {rounds} done"));
            }

            Thread.Sleep(500); // the runtime delivers its JIT events from a dispatch thread
            output.WriteLine();
            output.WriteLine("| Case | periods | generated | hand-written | generated / hand-written | min / min | loop: method, JIT tier, IL | other generated methods | hand-written Run: JIT tier |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---|---|---|");
            foreach (LoopCase c in cases)
            {
                Type type = c.Program.GetType();
                var tiers = jit.Of(type.FullName!);
                // The method holding the loop the bench runs (summary-only): a small deal's RunSummary, a large one's Run.
                MethodInfo loop = type.GetMethod("RunSummary", BindingFlags.Instance | BindingFlags.NonPublic) ?? type.GetMethod("Run")!;
                string runTier = tiers.GetValueOrDefault(loop.Name, "not seen");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Generated.PeriodsRun} | {Timing.Time(Timing.MedianOf(generated[c.Name]), "0.000")} | {Timing.Time(Timing.MedianOf(hand[c.Name]), "0.000")} | {Timing.MedianOf(ratios[c.Name]):0.00} | {generated[c.Name].Min() / hand[c.Name].Min():0.00} | {loop.Name} {runTier}, {IlSize(loop)} B | {Others(type, tiers, loop.Name)} | {jit.Of(c.HandWrittenType.FullName!).GetValueOrDefault("Run", "not seen")} |"));
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

    /// <summary>
    /// <c>--loop ROUNDS --launches N [CASES]</c>: <see cref="Run"/> in <paramref name="launches"/> fresh processes one
    /// after the other, and per case each process's ratio (the median of its pairs) and the median over the processes.
    /// Why: a process can be steadily slower for one loop than the next process is (bench/HISTORY.md, 2026-12-04: CoreWeave's
    /// generated loop 0.89 µs in every round of one process, 0.68 in another), which the pairs inside one process do not
    /// see; the median over processes does.
    /// </summary>
    public static void RunInProcesses(int rounds, int launches, TextWriter output, string[] only)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(launches, 1);
        string self = typeof(LoopVsHandWritten).Assembly.Location;
        string host = Environment.ProcessPath ?? "dotnet";
        var rows = new Dictionary<string, List<(double Generated, double Hand, double Ratio)>>();
        var order = new List<string>();
        string? cpu = null;
        for (int launch = 1; launch <= launches; launch++)
        {
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string argument in (string[])[self, "--loop", rounds.ToString(CultureInfo.InvariantCulture), .. only])
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + host + ".");
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Launch {launch} exited with {process.ExitCode}:\n{text}");
            }

            foreach (string line in text.Split('\n'))
            {
                cpu ??= line.StartsWith("CPU: ", StringComparison.Ordinal) ? line : null;
                string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
                // | Case | periods | generated | hand-written | generated / hand-written | ...: a case's row, not the header's
                if (cells.Length > 6 && cells[1].Contains('/', StringComparison.Ordinal) && double.TryParse(cells[5], CultureInfo.InvariantCulture, out double ratio))
                {
                    if (!rows.TryGetValue(cells[1], out var list))
                    {
                        rows[cells[1]] = list = [];
                        order.Add(cells[1]);
                    }

                    list.Add((Micro(cells[3]), Micro(cells[4]), ratio));
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process {launch} of {launches} done"));
        }

        output.WriteLine(cpu);
        output.WriteLine();
        output.WriteLine("| Case | generated (median over processes) | hand-written | generated / hand-written, each process | median | min, max |");
        output.WriteLine("|---|---:|---:|---|---:|---|");
        foreach (string name in order)
        {
            var list = rows[name];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Timing.Time(Timing.MedianOf(list.Select(r => r.Generated)), "0.000")} | {Timing.Time(Timing.MedianOf(list.Select(r => r.Hand)), "0.000")} | {string.Join(", ", list.Select(r => r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)))} | {Timing.MedianOf(list.Select(r => r.Ratio)):0.00} | {list.Min(r => r.Ratio):0.00}, {list.Max(r => r.Ratio):0.00} |"));
        }
    }

    // Timing.Time's "1.160 µs" or "1.23 ms", in microseconds.
    static double Micro(string cell)
    {
        string[] parts = cell.Split(' ');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) * (parts[1] == "ms" ? 1000 : 1);
    }

    // The generated methods other than the loop's that it calls (phase methods), by tier, with the largest IL.
    static string Others(Type type, IReadOnlyDictionary<string, string> tiers, string loop)
    {
        var others = tiers.Where(p => p.Key != loop && p.Key != "Run" && !p.Key.StartsWith('.') && !p.Key.Contains("Create", StringComparison.Ordinal)
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

    // Microseconds per call over a batch of n calls.
    static double Batch(Func<int> call, int n)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++)
        {
            call();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
    }


}
