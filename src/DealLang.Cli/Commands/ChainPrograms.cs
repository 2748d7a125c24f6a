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
    public static ChainPrograms? Load(Compilation compilation, CompileResult top, CompileOptions options, CliConsole console) =>
        Load(compilation, top, options, console, out _);

    /// <summary>As <see cref="Load(Compilation, CompileResult, CompileOptions, CliConsole)"/>, with
    /// <paramref name="entities"/>, each other entity's compilation in run order (what <c>run</c> remembers).</summary>
    public static ChainPrograms? Load(Compilation compilation, CompileResult top, CompileOptions options, CliConsole console, out IReadOnlyList<CompileResult> entities)
    {
        entities = DealCompiler.CompileEntities(compilation, options);
        foreach (var entity in entities)
        {
            DiagnosticPrinter.Print(entity.Diagnostics, console.Error);
            if (entity.Compiled is null)
            {
                return null;
            }
        }

        return Load([
            .. entities.Select((entity, e) => (entity.Compiled!, (IReadOnlyList<ScenarioSpec>)[.. compilation.Entities[e].Scenarios])),
            (top.Compiled!, [.. top.Model!.Scenarios])]);
    }

    /// <summary>Loads compiled programs, in run order with the top deal last, each with its declared scenarios (a
    /// chain <c>run</c> remembered: <see cref="CheckedRunCache"/>).</summary>
    public static ChainPrograms Load(IReadOnlyList<(CompiledDeal Compiled, IReadOnlyList<ScenarioSpec> Scenarios)> compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var hosts = new List<DealHost>();
        try
        {
            var programs = new List<(IDealProgram, IReadOnlyList<ScenarioSpec>)>();
            foreach (var (deal, scenarios) in compiled)
            {
                hosts.Add(DealHost.Load(deal.Image, deal.TypeName));
                programs.Add((hosts[^1].Program, scenarios));
            }

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
