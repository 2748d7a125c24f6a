using System.Collections.Immutable;
using System.Text;
using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DealLang.Compiler.Emit;

/// <summary>
/// Compiles emitted C# into an assembly image with Roslyn: deterministic (same source, same bytes) and against a
/// fixed reference list (DealLang.Runtime and the two BCL assemblies it needs, nothing scanned from the
/// AppDomain). The only class of the compiler that names Roslyn's types: <see cref="DealCompiler"/> reaches it
/// only on a cache miss, so a cached deal never loads Roslyn.
/// </summary>
public static class RoslynCompiler
{
    /// <summary>How many Roslyn errors a DL0901 quotes.</summary>
    private const int ErrorsQuoted = 5;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>
    /// The compiled deal, keyed by its C# (<see cref="CacheKeys.ForSource"/>) and taken from the cache when
    /// possible. Null only if the generated code does not compile, which is a compiler bug reported as DL0901 in
    /// <paramref name="diagnostics"/> (against <paramref name="sourcePath"/>).
    /// </summary>
    public static CompiledDeal? Compile(EmittedDeal deal, string sourcePath, DiagnosticBag diagnostics, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= CompileOptions.Default;
        string key = CacheKeys.ForSource(deal.Source);
        return CompiledDealCache.Find(key, options, out var disk) ?? Compile(deal, key, sourcePath, diagnostics, options, disk);
    }

    /// <summary>Compiles <paramref name="deal"/> under <paramref name="key"/> (a cache miss) and stores it in the
    /// caches; null (after a DL0901) if the generated code does not compile.</summary>
    internal static CompiledDeal? Compile(
        EmittedDeal deal, string key, string sourcePath, DiagnosticBag diagnostics, CompileOptions options, DiskCache? disk)
    {
        CSharpCompilation compilation;
        try
        {
            compilation = CreateCompilation(deal, key, nullableAnalysis: false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            // The framework's assemblies could not be read (e.g. a single-file app has no assembly paths).
            diagnostics.Add(DiagnosticCatalogue.GeneratedCodeDoesNotCompile(sourcePath, deal.TypeName, ["cannot load references: " + e.Message]));
            return null;
        }

        using var peStream = new MemoryStream();
        var result = compilation.Emit(peStream);
        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Take(ErrorsQuoted)
                .Select(d => d.ToString())
                .ToList();
            diagnostics.Add(DiagnosticCatalogue.GeneratedCodeDoesNotCompile(sourcePath, deal.TypeName, errors));
            return null;
        }

        return CompiledDealCache.Store(new CompiledDeal(peStream.ToArray(), deal.TypeName, key, deal.Source), options, disk);
    }

    /// <summary>The key of a deal compiled from its C# alone (<see cref="CacheKeys.ForSource"/>).</summary>
    public static string CacheKey(string source) => CacheKeys.ForSource(source);

    /// <summary>The Roslyn compilation of <paramref name="deal"/> (tests inspect its diagnostics). With
    /// <paramref name="nullableAnalysis"/> false (a user's compile), Roslyn's nullable flow analysis is not run: it
    /// can only warn, and a compile keeps errors alone, yet it was about a quarter of a 50-lease, 50-tranche deal's
    /// compile (bench/HISTORY.md, session 2026-12-04e). The image is the same byte for byte either way (the
    /// annotations it writes are the declarations', not the analysis's: <c>RoslynCompilerTests</c>); the tests that
    /// compile generated C# keep the analysis, so a generator bug it would find still fails them.</summary>
    internal static CSharpCompilation CreateCompilation(EmittedDeal deal, string? cacheKey = null, bool nullableAnalysis = true)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        if (!nullableAnalysis)
        {
            parseOptions = parseOptions.WithFeatures([new("run-nullable-analysis", "never")]);
        }

        var tree = CSharpSyntaxTree.ParseText(deal.Source, parseOptions, path: deal.TypeName + ".g.cs", encoding: Encoding.UTF8);
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Enable);

        // The key in the assembly name keeps two versions of one deal distinguishable when both are loaded.
        string assemblyName = deal.TypeName + "." + (cacheKey ?? CacheKeys.ForSource(deal.Source))[..16];
        return CSharpCompilation.Create(assemblyName, [tree], LazyReferences.Value, options);
    }

    /// <summary>
    /// The fixed reference list: DealLang.Runtime, System.Private.CoreLib (object, Math, the exceptions) and
    /// System.Runtime (the facade DealLang.Runtime was built against), both from the running framework.
    /// </summary>
    internal static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string coreLib = typeof(object).Assembly.Location;
        string runtime = typeof(IDealProgram).Assembly.Location;
        if (coreLib.Length == 0 || runtime.Length == 0)
        {
            throw new InvalidOperationException("the framework and DealLang.Runtime must be loaded from files to compile deals.");
        }

        string frameworkDirectory = Path.GetDirectoryName(coreLib)
            ?? throw new InvalidOperationException("cannot locate the framework directory from " + coreLib + ".");
        return
        [
            MetadataReference.CreateFromFile(coreLib),
            MetadataReference.CreateFromFile(Path.Combine(frameworkDirectory, "System.Runtime.dll")),
            MetadataReference.CreateFromFile(runtime),
        ];
    }
}
