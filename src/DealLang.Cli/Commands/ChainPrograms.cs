using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// A chain's programs loaded for <c>run</c> and <c>mc</c>: every entity compiled to its own program and loaded, in
/// run order, the top deal last, each with its own scenarios — what <c>ChainRunner</c> and <c>ChainSimulation</c>
/// take. Disposing unloads them.
/// </summary>
internal sealed class ChainPrograms : IDisposable
{
    readonly List<DealHost> hosts;

    ChainPrograms(List<DealHost> hosts, List<(IDealProgram, IReadOnlyList<ScenarioSpec>)> programs)
    {
        this.hosts = hosts;
        Programs = programs;
    }

    /// <summary>Each entity's program with its scenarios, in run order, the top deal last.</summary>
    public IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> Programs { get; }

    /// <summary>The top deal's description.</summary>
    public DealDescription Top => hosts[^1].Program.Description;

    /// <summary>Compiles and loads the chain, printing each entity's diagnostics; null when an entity did not compile
    /// (it checked without errors, so that is a DealLang bug: the caller exits with an internal error).</summary>
    public static ChainPrograms? Load(Compilation compilation, CompileResult top, CompileOptions options, CliConsole console)
    {
        var compiled = DealCompiler.CompileEntities(compilation, options);
        foreach (var entity in compiled)
        {
            DiagnosticPrinter.Print(entity.Diagnostics, console.Error);
            if (entity.Compiled is null)
            {
                return null;
            }
        }

        var hosts = new List<DealHost>();
        try
        {
            var programs = new List<(IDealProgram, IReadOnlyList<ScenarioSpec>)>();
            for (int e = 0; e < compiled.Count; e++)
            {
                hosts.Add(DealHost.Load(compiled[e].Compiled!.Image, compiled[e].Compiled!.TypeName));
                programs.Add((hosts[^1].Program, [.. compilation.Entities[e].Scenarios]));
            }

            hosts.Add(DealHost.Load(top.Compiled!.Image, top.Compiled.TypeName));
            programs.Add((hosts[^1].Program, [.. top.Model!.Scenarios]));
            return new ChainPrograms(hosts, programs);
        }
        catch
        {
            hosts.ForEach(h => h.Dispose());
            throw;
        }
    }

    public void Dispose() => hosts.ForEach(h => h.Dispose());
}
