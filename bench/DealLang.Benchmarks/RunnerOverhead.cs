using System.Diagnostics;
using System.Globalization;
using DealLang.Runner.Running;
using NewtonIrr = DealLang.Reference.Analytics.NewtonIrr;
using OldIrr = DealLang.Reference.Analytics.BrentIrr;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--runner [ROUNDS]</c>: what the runner costs per path on top of the period loop, measured alternately in one
/// process so every method sees the same machine load. For each case (<see cref="Cases"/>), per path:
/// <list type="bullet">
/// <item><c>raw loop</c>: <c>program.Run(inputs, result)</c> on inputs filled once (the reference; <c>Run</c> begins the
/// path itself, so no <c>result.Reset()</c>, which until 2026-12-03 was timed with it);</item>
/// <item><c>scenario runner</c>: <see cref="ScenarioRunner.Run"/> with <c>fullLedger: false</c>, what a caller had
/// before the summary-only runner (inputs, loop, immutable outcome with every kind's summary);</item>
/// <item><c>path runner</c>: <see cref="PathRunner.Run"/>, the summary-only runner: inputs from the path source,
/// the loop, and each tranche's loss and each equity's IRR added to <see cref="PathSummaries"/> (each
/// tranche's IRR and WAL solved too, but not summed: nothing read them, the WAL's since 2026-12-07, the IRR's since
/// session 41);</item>
/// <item><c>tranches only</c>: the same with <c>equityIrr: false</c>: each tranche's IRR, WAL and loss only, what
/// issue 8's target counts (inputs, loop, summaries, IRR and WAL);</item>
/// <item><c>engine path</c>: the same path as the Monte Carlo engine's worker runs it (<see cref="RunnerCase.EnginePath"/>,
/// what <c>deallang mc</c> runs): inputs, loop, the path's figures and their addition to the run's totals;</item>
/// <item><c>fill</c> and <c>summaries</c>: the path runner's two steps besides the loop, each alone: the path source
/// filling the inputs, and <see cref="PathSummaries.Add"/> of the finished path (each tranche's and each equity's IRR
/// solved, each tranche's WAL too, and the loss and equity IRR summed);</item>
/// <item><c>old IRR</c> / <c>Newton IRR</c> / <c>new IRR</c>: one solve of the first tranche's flows on that path,
/// by the solver of f7cdaf7 (Brent, <c>tests/DealLang.Runner.Tests/Analytics/BrentIrr.cs</c>, linked), by that of
/// 73815ec (Newton on the NPV, <c>NewtonIrr.cs</c> beside it) and by today's <see cref="Runner.Analytics.Irr"/> (the
/// log form); <c>tranche IRR</c>: today's over times prepared once, as <see cref="PathSummaries"/> solves it; and
/// <c>equity IRR</c>, <c>Newton equity IRR</c>: the first equity's flows on the path (distributions
/// less cures), by today's and 73815ec's, each over times prepared once (<see cref="Runner.Analytics.FlowTimes"/>
/// for today's, as <see cref="PathSummaries"/> solves them).</item>
/// </list>
/// The runner, its summaries and the IRR solvers are tiered library code: after the calibration, every method keeps
/// being called until the entry points timed (<see cref="Entries"/>) are at Tier1 and no method of DealLang's
/// assemblies has been recompiled for <see cref="Quiet"/> (at most <see cref="MaxWait"/>), as <c>--loop</c> waits for
/// its hand-written loops: on a loaded machine the background compile to Tier1 can come after the calibration, and a
/// round timed at Tier0 made one path runner 6 times its loop (bench/HISTORY.md, "Session 2026-12-03"). The tiers
/// reached are printed under the table.
/// Each round takes, for every case and method in turn, the median of 7 batches of calls (a batch lasts at least
/// 20 ms, after a second of warm-up calls); the table holds the median of the rounds, per call, the median over
/// the rounds of each round's ratio (old / new IRR, timed one after the other), and the
/// managed bytes each method allocated per call (<see cref="GC.GetAllocatedBytesForCurrentThread"/> over one batch after
/// warm-up). The three ratios to the raw loop (path runner, tranches only, engine path) are taken after the rounds, in
/// pairs of short batches (<see cref="PairedRatio"/>): the median of the pairs' ratios.
/// </summary>
public static class RunnerOverhead
{
    public static readonly string[] Cases = ["Hyperion/Base", "Hyperion/Refuted", "CoreWeave/Base", "Leases100/Base"];

    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>The methods the table times, by type: each must reach Tier1 before the rounds.</summary>
    static readonly (string Type, string Method)[] Entries =
    [
        ("DealLang.Runner.Running.PathRunner", "Run"),
        ("DealLang.Runner.Simulation.PathFigures", "Read"),
        ("DealLang.Runner.Simulation.SimulationTotals", "Add"),
        ("DealLang.Runner.Running.ScenarioRunner", "Run"),
        ("DealLang.Runner.Running.PathSummaries", "Add"),
        ("DealLang.Runner.Analytics.Irr", "Solve"),
        ("DealLang.Reference.Analytics.NewtonIrr", "Solve"),
        ("DealLang.Reference.Analytics.BrentIrr", "Solve"),
    ];

    public static void Run(int rounds, TextWriter output)
    {
        using var jit = new HandWritten.JitTiers(libraries: true);
        var cases = Cases.Select(n => new RunnerCase(n)).ToList();
        try
        {
            var methods = new (string Name, Func<RunnerCase, double> Call)[]
            {
                ("raw loop", c => c.Path.Run()),
                ("path runner", c => c.PathRunner.Run(0)),
                ("tranches only", c => c.TranchesOnly.Run(0)),
                ("engine path", c => c.EnginePath()),
                ("fill", c => c.Fill()),
                ("summaries", c => c.AddSummaries()),
                ("scenario runner", c => c.ScenarioRunner.Run(c.Path.Scenario).PeriodsRun),
                ("old IRR", c => OldIrr.Solve(c.Times, c.Amounts)),
                ("Newton IRR", c => NewtonIrr.Solve(c.Times, c.Amounts)),
                ("new IRR", c => Runner.Analytics.Irr.Solve(c.Times, c.Amounts)),
                ("Newton equity IRR", c => NewtonIrr.Solve(c.Times, c.EquityAmounts)),
                ("equity IRR", c => Runner.Analytics.Irr.Solve(c.PreparedTimes, c.EquityAmounts)),
                ("tranche IRR", c => Runner.Analytics.Irr.Solve(c.PreparedTimes, c.Amounts)),
            };

            foreach (RunnerCase c in cases)
            {
                double oldIrr = OldIrr.Solve(c.Times, c.Amounts);
                double newIrr = Runner.Analytics.Irr.Solve(c.Times, c.Amounts);
                if (!(Math.Abs(oldIrr - newIrr) <= 1e-10))
                {
                    throw new InvalidOperationException($"{c.Name}: the old IRR is {oldIrr:R}, the new {newIrr:R}.");
                }

                double newtonEquity = NewtonIrr.Solve(c.Times, c.EquityAmounts);
                double equity = Runner.Analytics.Irr.Solve(c.PreparedTimes, c.EquityAmounts);
                if (!(Math.Abs(NewtonIrr.Solve(c.Times, c.Amounts) - newIrr) <= 1e-12) || !(Math.Abs(newtonEquity - equity) <= 1e-12))
                {
                    throw new InvalidOperationException($"{c.Name}: 73815ec's IRR and today's disagree (equity: {newtonEquity:R} and {equity:R}).");
                }
            }

            var perCall = new Dictionary<(string, string), List<double>>();
            var calls = new Dictionary<(string, string), int>();
            var bytes = new Dictionary<(string, string), double>();
            foreach (RunnerCase c in cases)
            {
                foreach (var m in methods)
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

            WaitForTier1(jit, cases, methods.Select(m => m.Call).ToList(), output);
            for (int r = 1; r <= rounds; r++)
            {
                foreach (RunnerCase c in cases)
                {
                    foreach (var m in methods)
                    {
                        perCall[(c.Name, m.Name)].Add(Median(c, m.Call, calls[(c.Name, m.Name)]));
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r} of {rounds} done"));
            }

            // The ratios to the raw loop in pairs of short batches, one right after the other (PairedRatio).
            var paired = new Dictionary<(string, string), double>();
            foreach (RunnerCase c in cases)
            {
                foreach (string m in PairedMethods)
                {
                    Func<RunnerCase, double> over = methods.First(x => x.Name == m).Call;
                    paired[(c.Name, m)] = PairedRatio(c, over, methods[0].Call, calls[(c.Name, m)], calls[(c.Name, "raw loop")], rounds);
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired ratios done ({rounds * PairsPerRound} pairs a ratio)"));

            output.WriteLine();
            output.WriteLine("| Case | periods | flows | raw loop | scenario runner | path runner | path runner / raw | tranches only / raw | engine path / raw | fill | summaries | old IRR | Newton IRR | new IRR | old / new IRR | Newton / new IRR | tranche IRR | Newton equity IRR | equity IRR | B/path: raw, scenario, path runner, tranches only, engine path |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (RunnerCase c in cases)
            {
                double T(string m) => Timing.MedianOf(perCall[(c.Name, m)]);

                // Ratios are taken within each round (the two methods timed one after the other), then the median; the
                // runner's ratios to the raw loop in pairs of short batches (PairedRatio).
                double Ratio(string over, string under) => under == "raw loop" && paired.TryGetValue((c.Name, over), out double r)
                    ? r
                    : Timing.MedianOf(perCall[(c.Name, over)].Zip(perCall[(c.Name, under)], (a, b) => a / b));
                string B(string m) => bytes[(c.Name, m)].ToString("0", CultureInfo.InvariantCulture);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Path.Result.PeriodsRun} | {c.Times.Length} | {Timing.Time(T("raw loop"))} | {Timing.Time(T("scenario runner"))} | {Timing.Time(T("path runner"))} | {Ratio("path runner", "raw loop"):0.00} | {Ratio("tranches only", "raw loop"):0.00} | {Ratio("engine path", "raw loop"):0.00} | {Timing.Time(T("fill"))} | {Timing.Time(T("summaries"))} | {Timing.Time(T("old IRR"))} | {Timing.Time(T("Newton IRR"))} | {Timing.Time(T("new IRR"))} | {Ratio("old IRR", "new IRR"):0.0} | {Ratio("Newton IRR", "new IRR"):0.00} | {Timing.Time(T("tranche IRR"))} | {Timing.Time(T("Newton equity IRR"))} | {Timing.Time(T("equity IRR"))} | {B("raw loop")}, {B("scenario runner")}, {B("path runner")}, {B("tranches only")}, {B("engine path")} |"));
            }

            output.WriteLine();
            output.WriteLine("IRR bytes per call: " + string.Join(", ", cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} old {bytes[(c.Name, "old IRR")]:0}, new {bytes[(c.Name, "new IRR")]:0}"))));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
            output.WriteLine("JIT tiers after the rounds: " + string.Join(", ", Entries.Select(e => $"{e.Type[(e.Type.LastIndexOf('.') + 1)..]}.{e.Method} {Tier(jit, e)}")));
        }
        finally
        {
            foreach (RunnerCase c in cases)
            {
                c.Dispose();
            }
        }
    }

    // Calls every method on every case until each entry point is at Tier1 and no DealLang method has been recompiled
    // for Quiet (a method the entries call tiers up on its own schedule), or MaxWait has passed.
    static void WaitForTier1(HandWritten.JitTiers jit, List<RunnerCase> cases, List<Func<RunnerCase, double>> calls, TextWriter output)
    {
        var waited = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        int seen = jit.OptimisedCompiles;
        double sink = 0;
        while (waited.Elapsed < MaxWait)
        {
            foreach (RunnerCase c in cases)
            {
                foreach (var call in calls)
                {
                    for (int i = 0; i < 40; i++)
                    {
                        sink += call(c);
                    }
                }
            }

            Thread.Sleep(1); // the JIT's background thread and the event dispatch need the CPU too
            int now = jit.OptimisedCompiles;
            if (now != seen)
            {
                seen = now;
                quiet.Restart();
            }
            else if (quiet.Elapsed >= Quiet && Entries.All(e => Tier(jit, e) == "Tier1"))
            {
                break;
            }
        }

        GC.KeepAlive(sink);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"waited {waited.Elapsed.TotalSeconds:0.0} s for Tier1 ({seen} optimised compiles of DealLang methods)"));
    }

    static string Tier(HandWritten.JitTiers jit, (string Type, string Method) entry) =>
        jit.Of(entry.Type).GetValueOrDefault(entry.Method, "not seen");

    /// <summary>The methods whose ratio to the raw loop is taken in pairs of short batches.</summary>
    static readonly string[] PairedMethods = ["path runner", "tranches only", "engine path"];

    // Pairs of batches per round and ratio; a batch is a tenth of a calibrated one (at least 2 ms).
    const int PairsPerRound = 100;

    /// <summary>
    /// The median over <paramref name="rounds"/> × <see cref="PairsPerRound"/> pairs of <paramref name="over"/>'s time
    /// per call over <paramref name="under"/>'s, each pair two batches of about 2 ms one right after the other (which
    /// goes first alternates): this machine's speed drifts by up to a third within seconds (bench/HISTORY.md), and a
    /// pair's two batches see the same speed where two medians of 140 ms each, taken in turn, do not.
    /// </summary>
    static double PairedRatio(RunnerCase c, Func<RunnerCase, double> over, Func<RunnerCase, double> under, int overCalls, int underCalls, int rounds)
    {
        int nOver = Math.Max(1, overCalls / 10), nUnder = Math.Max(1, underCalls / 10);
        var ratios = new double[rounds * PairsPerRound];
        double sink = 0;
        double Batch(Func<RunnerCase, double> call, int n)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                sink += call(c);
            }

            return Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        }

        for (int p = 0; p < ratios.Length; p++)
        {
            double a, b;
            if (p % 2 == 0)
            {
                b = Batch(under, nUnder);
                a = Batch(over, nOver);
            }
            else
            {
                a = Batch(over, nOver);
                b = Batch(under, nUnder);
            }

            ratios[p] = a / b;
        }

        GC.KeepAlive(sink);
        return Timing.MedianOf(ratios);
    }

    static double Median(RunnerCase c, Func<RunnerCase, double> call, int n)
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
