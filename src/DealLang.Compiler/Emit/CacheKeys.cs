using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

/// <summary>
/// The compiled-deal cache key: SHA-256 (lower-case hex) of a stamp of the compiler's build followed by what the
/// program is made from. A deal read from files is keyed by its inputs, known right after checking: the text and
/// path of the file holding the deal and of every file it imports, transitively (not the scenario files given
/// beside it, which are run-time data, save what their scenarios ask of the program: <see cref="ScenarioGates"/>) — so a hit needs no emitted C# and never loads Roslyn. A model built by
/// hand (tests, tools) has no texts and is keyed by its generated C#. A run <c>CheckedRunCache</c> remembers is keyed
/// by the deal file's path. The kinds are labelled apart in the hash, so they never collide. Nothing here may touch
/// a Roslyn type (<c>CacheHitLoadTests</c>).
/// </summary>
public static class CacheKeys
{
    private static readonly Lazy<string> LazyStamp = new(MakeStamp);

    /// <summary>
    /// What could change the image built from the same inputs: DealLang.Compiler (version and module version id,
    /// a hash of its build: any change to the parser, lowering or emitter is a new id), DealLang.Runtime (the image
    /// binds to its exact API), the Roslyn version the compiler was built against (read from metadata, without
    /// loading Roslyn) and the framework whose reference assemblies are used.
    /// </summary>
    public static string Stamp => LazyStamp.Value;

    /// <summary>The key of a deal compiled from its generated C# alone (<see cref="RoslynCompiler.Compile"/>).</summary>
    public static string ForSource(string csharp)
    {
        ArgumentNullException.ThrowIfNull(csharp);
        using var hash = Begin("generated-csharp");
        Append(hash, "source", csharp);
        return Finish(hash);
    }

    /// <summary>The key of the deal of <paramref name="compilation"/>, from the texts it was read from; null when
    /// the compilation has no texts (trees built by hand) or no deal, and the C# must be emitted to key it.</summary>
    public static string? ForDeal(Compilation compilation) => ForDeal(compilation, entity: null);

    /// <summary>The key of <paramref name="entity"/>, another entity of <paramref name="compilation"/>'s chain: the
    /// deal's inputs (which hold every entity's file, imported by it) and the entity's name, since what an entity
    /// compiles to depends on the chain it is in (the parties and indices it shares).</summary>
    public static string? ForDeal(Compilation compilation, string? entity)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (compilation.Texts.Count != compilation.Units.Count)
        {
            return null;
        }

        var inputs = Inputs(compilation);
        if (inputs is null)
        {
            return null;
        }

        using var hash = Begin("deal-inputs");
        if (entity is not null)
        {
            Append(hash, "entity", entity);
        }

        foreach (int index in inputs)
        {
            // The full path, so that the same file named from another folder is the same entry.
            Append(hash, "path", ImportPaths.Identity(compilation.Units[index].Span.Path ?? ""));
            Append(hash, "text", compilation.Texts[index]);
        }

        // The program reads some inputs only when a scenario of the deal needs them, and a scenario file given beside
        // the deal may be the one: what any scenario asks of the program is keyed too (ScenarioGates), never the
        // lever's figures, so scenario files differing only in dates and numbers share one compiled deal.
        foreach (string gate in ScenarioGates(compilation.Units))
        {
            Append(hash, "scenario gate", gate);
        }

        return Finish(hash);
    }

    /// <summary>
    /// What the scenarios of <paramref name="units"/> ask of the program beyond the deal's own terms, each as
    /// <c>kind deal.Name</c> (the scenario's <c>for</c>), distinct and in ordinal order. Each is an input the emitter reads
    /// only when some scenario of the deal uses it, so that every other deal's loop stays the one it was:
    /// <list type="bullet">
    /// <item>a plain tranche's call, <c>T called on DATE</c> or <c>T called when …</c> (docs/language.md, "Calling plain
    /// notes"; TrancheLowering's CalledByScenario);</item>
    /// <item>a contract's re-let that ramps, follows a curve or has a price of its own (<c>C relet after D at R rising to …
    /// price …</c>, <c>at curve { … }</c>: EmitContext.ShapesContractRelet);</item>
    /// <item>an enforcement re-let of idle units that ramps, follows a curve or has a price of its own (EmitContext.ShapesRelets);</item>
    /// <item>a drawn workout lag, <c>X workout drawn …</c> (a loan's own slot, CSharpEmitter.PeriodLoop);</item>
    /// <item>a loan's partial payments, <c>L pays X …</c> (LoanComponent).</item>
    /// </list>
    /// Without them a deal compiled and cached from its own scenarios would run such a scenario file's lever as if
    /// it were not there. A gate keyed that no program reads only costs a compile of its own.
    /// </summary>
    internal static SortedSet<string> ScenarioGates(IReadOnlyList<CompilationUnitSyntax> units) =>
        new(units.SelectMany(u => SyntaxWalk.Safe(u.Scenarios))
            .SelectMany(s => SyntaxWalk.Safe(s.Items).Select(Gate).OfType<string>().Select(gate => gate + " " + s.Deal?.Text)),
            StringComparer.Ordinal);

    /// <summary>The gate a scenario item opens (see <see cref="ScenarioGates"/>), as <c>kind</c> or <c>kind.Name</c>
    /// before the deal's name is added; null when it opens none.</summary>
    private static string? Gate(ScenarioItemSyntax item) => item switch
    {
        TrancheCalledSyntax c => "called." + c.Tranche?.Text,
        TrancheCalledWhenSyntax w => "called." + w.Tranche?.Text,
        ReletSyntax r when r.RampTo is not null || r.RampOver is not null || r.Price is not null || r.Curve is not null => "shaped-relet." + r.Contract?.Text,
        EnforcementOverrideSyntax { Market.Relet: { } relet } when relet.RampTo is not null || relet.RampOver is not null || relet.Price is not null
            || relet.Curve is not null
            => "shaped-enforcement-relet",
        WorkoutDrawnSyntax w => "workout-drawn." + w.Party?.Text,
        LoanPaysSyntax p => "pays." + p.Loan?.Text,
        _ => null,
    };

    /// <summary>The key of the run <c>CheckedRunCache</c> remembers for the deal file at <paramref name="dealPath"/>:
    /// the path as given and its full path (which holds the working directory the given path is read from). The
    /// entry's contents, not its key, say which texts it was checked from.</summary>
    public static string ForCheckedRun(string dealPath)
    {
        ArgumentNullException.ThrowIfNull(dealPath);
        using var hash = Begin("checked-run");
        Append(hash, "path", dealPath);
        Append(hash, "full path", ImportPaths.Identity(dealPath));
        return Finish(hash);
    }

    /// <summary>The indexes in <paramref name="compilation"/>'s units of the deal's file and of every file it imports,
    /// directly or not, in the order read: what its key is made from. Null when the compilation has no deal.</summary>
    internal static IReadOnlyList<int>? Inputs(Compilation compilation) =>
        compilation.Model is { } model ? DealInputs(compilation.Units, model.SourcePath) : null;

    /// <summary>The indexes of the unit at <paramref name="dealPath"/> and of every unit it imports, directly or
    /// not, in the order read; null if no unit is at that path.</summary>
    private static List<int>? DealInputs(IReadOnlyList<CompilationUnitSyntax> units, string dealPath)
    {
        var byIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            if (units[i].Span.Path is { } path)
            {
                byIdentity.TryAdd(ImportPaths.Identity(path), i);
            }
        }

        if (!byIdentity.TryGetValue(ImportPaths.Identity(dealPath), out int deal))
        {
            return null;
        }

        var included = new SortedSet<int> { deal };
        var pending = new Stack<int>([deal]);
        while (pending.Count > 0)
        {
            var unit = units[pending.Pop()];
            foreach (ImportSyntax import in SyntaxWalk.Safe(unit.Imports))
            {
                // A compilation with a model has no import errors, so every import here was read.
                if (!import.Misplaced && import.Path is { } written && unit.Span.Path is { } importer
                    && byIdentity.TryGetValue(ImportPaths.Identity(ImportPaths.Resolve(importer, written.Value)), out int imported)
                    && included.Add(imported))
                {
                    pending.Push(imported);
                }
            }
        }

        return [.. included];
    }

    private static IncrementalHash Begin(string kind)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "stamp", Stamp);
        Append(hash, "kind", kind);
        return hash;
    }

    /// <summary>A labelled, length-prefixed field: no two different sequences of fields hash the same bytes.</summary>
    private static void Append(IncrementalHash hash, string label, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.UTF8.GetBytes(label + " " + bytes.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
        hash.AppendData(bytes);
        hash.AppendData("\n"u8);
    }

    private static string Finish(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    private static string MakeStamp()
    {
        var compiler = typeof(CacheKeys).Assembly;
        var runtime = typeof(IDealProgram).Assembly;
        var roslyn = Array.Find(compiler.GetReferencedAssemblies(), a => a.Name == "Microsoft.CodeAnalysis.CSharp");
        return string.Join('\n',
            "deallang-cache-key-v2",
            "compiler " + Build(compiler),
            "runtime " + Build(runtime),
            "roslyn " + (roslyn?.Version?.ToString() ?? "none"),
            "framework " + RuntimeInformation.FrameworkDescription);
    }

    private static string Build(Assembly assembly) =>
        (assembly.GetName().Version?.ToString() ?? "0.0.0.0") + " "
        + assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);
}
