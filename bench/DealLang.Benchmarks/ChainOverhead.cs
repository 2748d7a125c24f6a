using System.Globalization;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--chain [ROUNDS]</c>: what a chain's path costs against its entities' paths run alone (issue 11: "a chain of four
/// entities runs a path within 1.3x the sum of its entities' paths run alone"), measured alternately in one process so
/// both see the same machine load. The chain is bench/chain/lp.deal: an SPV (quarterly), its parent (semiannual), a
/// fund holding the parent's notes (quarterly) and an LP holding the fund's equity (annual), under each of its
/// scenarios (<c>Base</c>, <c>TenantDefault</c>):
/// <list type="bullet">
/// <item><c>chain</c>: <see cref="ChainRunner.RunPrepared"/>, summary-only: every entity's inputs filled from its
/// mapped scenario, its holdings' rows from the held entities' runs, its loop, in dependency order;</item>
/// <item><c>E alone</c>: entity E's own path as a deal run alone: <see cref="DealPaths.Fill"/> of the same mapped
/// scenario into its own buffers, then its loop (its holdings then receive nothing).</item>
/// </list>
/// Each round takes, per scenario and method in turn, the median of 7 batches (a batch lasts at least 20 ms); the
/// table holds the median over the rounds of each method, and of each round's ratio chain / Σ alone.
/// </summary>
public static class ChainOverhead
{
    const int Batches = 7;
    static readonly TimeSpan MinBatch = TimeSpan.FromMilliseconds(20);

    public static void Run(int rounds, TextWriter output)
    {
        string path = Path.Combine(RepoFiles.Root(), "bench", "chain", "lp.deal");
        var compilation = Compilation.Create(SourceDocument.FromText(path, File.ReadAllText(path)), DiskSourceFiles.Instance);
        var top = DealCompiler.Compile(compilation);
        if (top.Compiled is null || top.Model is null)
        {
            throw new InvalidOperationException(string.Join('\n', top.Diagnostics));
        }

        var hosts = new List<DealHost>();
        try
        {
            var programs = new List<(IDealProgram, IReadOnlyList<ScenarioSpec>)>();
            var entities = DealCompiler.CompileEntities(compilation);
            for (int e = 0; e < entities.Count; e++)
            {
                hosts.Add(DealHost.Load(entities[e].Compiled!.Image, entities[e].Compiled!.TypeName));
                programs.Add((hosts[^1].Program, [.. compilation.Entities[e].Scenarios]));
            }

            hosts.Add(DealHost.Load(top.Compiled.Image, top.Compiled.TypeName));
            programs.Add((hosts[^1].Program, [.. top.Model.Scenarios]));
            var runner = new ChainRunner(programs, fullLedger: false);
            var names = programs.Select(p => p.Item1.Description.Name).ToArray();
            var alone = programs.Select(p => (
                Program: p.Item1,
                Paths: DealPaths.For(p.Item1.Description),
                Inputs: new PathInputs(p.Item1.Description),
                Result: new RunResult(p.Item1.Description, p.Item1.Layout, fullLedger: false))).ToArray();

            var cases = top.Model.Scenarios.Select(s => (Name: s.Name, Specs: runner.Prepare(s))).ToArray();
            var methods = new List<(string Name, Action<ScenarioSpec[]> Call)> { ("chain", specs => runner.RunPrepared(specs)) };
            for (int e = 0; e < alone.Length; e++)
            {
                int k = e;
                methods.Add(($"{names[k]} alone", specs =>
                {
                    alone[k].Paths.Fill(specs[k], alone[k].Inputs);
                    alone[k].Result.Reset();
                    alone[k].Program.Run(alone[k].Inputs, alone[k].Result);
                }));
            }

            var perCall = new Dictionary<(string, string), List<double>>();
            var calls = new Dictionary<(string, string), int>();
            foreach (var c in cases)
            {
                foreach (var m in methods)
                {
                    calls[(c.Name, m.Name)] = Timing.Calibrate(() => m.Call(c.Specs), MinBatch);
                    perCall[(c.Name, m.Name)] = [];
                }
            }

            for (int r = 1; r <= rounds; r++)
            {
                foreach (var c in cases)
                {
                    foreach (var m in methods)
                    {
                        perCall[(c.Name, m.Name)].Add(Timing.MedianPerCall(() => m.Call(c.Specs), calls[(c.Name, m.Name)], Batches));
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r} of {rounds} done"));
            }

            output.WriteLine();
            output.WriteLine("| Scenario | chain | " + string.Join(" | ", names.Select(n => n + " alone")) + " | Σ alone | chain / Σ alone |");
            output.WriteLine("|---|---:|" + string.Concat(names.Select(_ => "---:|")) + "---:|---:|");
            foreach (var c in cases)
            {
                double T(string m) => Timing.MedianOf(perCall[(c.Name, m)]);
                List<double> sums = [.. Enumerable.Range(0, rounds).Select(r => names.Sum(n => perCall[(c.Name, n + " alone")][r]))];
                double ratio = Timing.MedianOf(perCall[(c.Name, "chain")].Zip(sums, (a, b) => a / b));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {Timing.Time(T("chain"))} | {string.Join(" | ", names.Select(n => Timing.Time(T(n + " alone"))))} | {Timing.Time(Timing.MedianOf(sums))} | {ratio:0.00} |"));
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }
}
