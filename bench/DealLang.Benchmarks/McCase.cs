using DealLang.Benchmarks.HandWritten;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Benchmarks;

/// <summary>
/// One stochastic scenario, compiled with its deal and loaded once, with what <see cref="McThroughput"/> times on it:
/// its <see cref="StochasticPaths"/> source and <see cref="SimulationEngine"/>, and <see cref="Slots"/> sets of path
/// buffers (inputs, a summary-only result each) so that each stage of a path — draw + fill, loop, figures +
/// accumulation — is timed on its own over the same freshly drawn paths. Names: <c>Hyperion/StochasticRent</c>
/// (examples/hyperion.deal with examples/hyperion-mc.scenarios) and <c>CoreWeave/Stochastic</c>
/// (examples/coreweave-ddtl2.deal's own <c>Stochastic</c> scenario). For Hyperion also the hand-written
/// limit: <see cref="HyperionDraw"/> and <see cref="HyperionLoop"/> over the same drawn inputs, checked against the
/// generated figures (<see cref="LoopCheck"/>) and the source's draws on the first <see cref="CheckedPaths"/> paths.
/// </summary>
public sealed class McCase : IDisposable
{
    public static readonly string[] Names = Arguments.MonteCarloCases;

    /// <summary>Buffers the stages cycle through: 64 consecutive paths per cycle.</summary>
    public const int Slots = 64;

    /// <summary>Paths on which the hand-written draw and loop are checked before anything is timed.</summary>
    public const int CheckedPaths = 2048;

    readonly DealHost host;
    readonly PathInputs[] inputs = new PathInputs[Slots];
    readonly RunResult[] results = new RunResult[Slots];
    readonly RunResult[] handResults = new RunResult[Slots];
    readonly int[] pathOf = new int[Slots];
    readonly PathInputs single;
    readonly RunResult singleResult;
    readonly HyperionLoop? handLoop;
    int nextPath, fillSlot, loopSlot, figureSlot, handSlot, drawPath;

    public McCase(string name)
    {
        Name = name;
        bool hyperion = name.StartsWith("Hyperion/", StringComparison.Ordinal);
        string root = RepoFiles.Root();
        string dealPath = hyperion ? RepoFiles.HyperionPath : RepoFiles.CoreWeavePath;
        // CoreWeave's deal has its own Stochastic scenario; Hyperion's Monte Carlo scenario is in a file of its own.
        string scenariosPath = Path.Combine(root, "examples", "hyperion-mc.scenarios");
        var compilation = hyperion
            ? Compilation.Create(
                SourceDocument.FromText(dealPath, File.ReadAllText(dealPath)), DiskSourceFiles.Instance,
                SourceDocument.FromText(scenariosPath, File.ReadAllText(scenariosPath)))
            : Compilation.Create(SourceDocument.FromText(dealPath, File.ReadAllText(dealPath)), DiskSourceFiles.Instance);
        var compiled = DealCompiler.Compile(compilation);
        if (compiled.Compiled is null || compiled.Model is null)
        {
            throw new InvalidOperationException($"{name} does not compile: {string.Join("; ", compiled.Diagnostics)}");
        }

        host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        try
        {
            Program = host.Program;
            Deal = Program.Description;
            string scenarioName = name.Split('/')[1];
            Arguments.Scenario(name, scenarioName, compiled.Model.Scenarios.Where(s => s.Stochastic is not null).Select(s => s.Name), "stochastic scenario");
            Scenario = compiled.Model.Scenarios.First(s => s.Name == scenarioName);
            Seed = StochasticPaths.DefaultSeed(Scenario);
            // As many paths as an int counts: the timing loops draw ever new paths, never one twice.
            Source = new StochasticPaths(Deal, Scenario, Seed, int.MaxValue);
            Engine = new SimulationEngine(Program, Source);
            for (int s = 0; s < Slots; s++)
            {
                inputs[s] = new PathInputs(Deal) { CheckCashConservation = false };
                results[s] = new RunResult(Deal, Program.Layout, fullLedger: false);
                handResults[s] = new RunResult(Deal, Program.Layout, fullLedger: false);
            }

            single = new PathInputs(Deal) { CheckCashConservation = false };
            singleResult = new RunResult(Deal, Program.Layout, fullLedger: false);
            Figures = new PathFigures(Deal);
            Totals = SimulationTotals.For(Deal);
            if (hyperion)
            {
                handLoop = new HyperionLoop(Deal);
                var unstressed = new PathInputs(Deal);
                DealPaths.For(Deal).Fill(compiled.Model.Scenarios.First(s => s.Name == "Base"), unstressed);
                Draw = new HyperionDraw(Deal, Scenario, unstressed.FacilityValue[0], Seed);
                Check();
            }

            // Each slot holds a drawn path before any stage reads it.
            for (int s = 0; s < Slots; s++)
            {
                DrawAndFill();
            }
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public string Name { get; }
    public IDealProgram Program { get; }
    public DealDescription Deal { get; }
    public ScenarioSpec Scenario { get; }
    public ulong Seed { get; }
    public StochasticPaths Source { get; }
    public SimulationEngine Engine { get; }
    public PathFigures Figures { get; }
    public SimulationTotals Totals { get; }

    /// <summary>The hand-written draw (Hyperion only).</summary>
    public HyperionDraw? Draw { get; }

    /// <summary>Whether the hand-written limit exists for this case.</summary>
    public bool HasHandWritten => handLoop is not null;

    /// <summary>Draw + fill: the source fills the next slot with the next path.</summary>
    public int DrawAndFill()
    {
        int s = fillSlot;
        fillSlot = (s + 1) % Slots;
        pathOf[s] = nextPath;
        Source.Fill(nextPath++, inputs[s]);
        return s;
    }

    /// <summary>The generated loop on the next slot's drawn inputs.</summary>
    public int Loop()
    {
        int s = loopSlot;
        loopSlot = (s + 1) % Slots;
        Program.Run(inputs[s], results[s]);
        return results[s].PeriodsRun;
    }

    /// <summary>Figures + accumulation: the next slot's figures read (IRRs, WALs, losses) and added to the totals.</summary>
    public int FiguresAndTotals()
    {
        int s = figureSlot;
        figureSlot = (s + 1) % Slots;
        Figures.Read(pathOf[s], results[s], inputs[s]);
        Totals.Add(Figures, inputs[s]);
        return s;
    }

    /// <summary>One path as the engine's worker runs it, on one set of buffers.</summary>
    public int WholePath()
    {
        int path = nextPath++;
        Source.Fill(path, single);
        Program.Run(single, singleResult);
        Figures.Read(path, singleResult, single);
        Totals.Add(Figures, single);
        return singleResult.PeriodsRun;
    }

    /// <summary>The hand-written loop on the next slot's drawn inputs.</summary>
    public int HandLoop()
    {
        int s = handSlot;
        handSlot = (s + 1) % Slots;
        handLoop!.Run(inputs[s], handResults[s]);
        return handResults[s].PeriodsRun;
    }

    /// <summary>The hand-written draw of the next path.</summary>
    public double HandDraw() => Draw!.Draw(drawPath++);

    /// <summary>The hand-written draw and loop against the source and the generated loop on the first
    /// <see cref="CheckedPaths"/> paths; throws naming the first difference.</summary>
    public void Check()
    {
        PathInputs into = inputs[0];
        for (int path = 0; path < CheckedPaths; path++)
        {
            Source.Fill(path, into);
            Draw!.Draw(path);
            var differences = Draw.Differences(Source.Drawn(into), into);
            Program.Run(into, results[0]);
            handLoop!.Run(into, handResults[0]);
            differences.AddRange(LoopCheck.Differences(results[0], handResults[0], 0.0));
            if (differences.Count > 0)
            {
                throw new InvalidOperationException($"{Name}, path {path}: the hand-written limit does not reproduce the generated one:\n  "
                    + string.Join("\n  ", differences));
            }
        }
    }

    public void Dispose() => host.Dispose();
}
