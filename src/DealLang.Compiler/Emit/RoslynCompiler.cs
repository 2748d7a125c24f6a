using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DealLang.Compiler.Emit;

/// <summary>
/// Compiles emitted C# into an assembly image with Roslyn: deterministic (same source, same bytes), against a
/// fixed reference list (DealLang.Runtime and the two BCL assemblies it needs, nothing scanned from the
/// AppDomain), and cached by a SHA-256 key in memory and on disk.
/// </summary>
public static class RoslynCompiler
{
    /// <summary>How many Roslyn errors a DL0901 quotes.</summary>
    private const int ErrorsQuoted = 5;

    private static readonly ConcurrentDictionary<string, CompiledDeal> MemoryCache = new(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>
    /// The compiled deal, from a cache when possible. Null only if the generated code does not compile, which is
    /// a compiler bug reported as DL0901 in <paramref name="diagnostics"/> (against <paramref name="sourcePath"/>).
    /// </summary>
    public static CompiledDeal? Compile(EmittedDeal deal, string sourcePath, DiagnosticBag diagnostics, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= CompileOptions.Default;
        string key = CacheKey(deal.Source);

        if (options.UseMemoryCache && MemoryCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string? directory = options.UseDiskCache ? options.ResolveCacheDirectory() : null;
        var disk = directory is null ? null : DiskCache.Open(directory, options.Warn);
        if (disk?.TryRead(key) is { } image)
        {
            return Remember(new CompiledDeal(image, deal.TypeName, key, deal.Source), options);
        }

        CSharpCompilation compilation;
        try
        {
            compilation = CreateCompilation(deal, key);
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

        byte[] bytes = peStream.ToArray();
        disk?.Write(key, bytes);
        return Remember(new CompiledDeal(bytes, deal.TypeName, key, deal.Source), options);
    }

    /// <summary>
    /// SHA-256 (hex) of the source and of every version that could change the image built from it: this
    /// compiler, DealLang.Runtime (version and build id, since the image binds to its exact API), Roslyn and the
    /// framework whose reference assemblies are used. Never <c>GetHashCode</c>, which differs between processes.
    /// </summary>
    public static string CacheKey(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var runtime = typeof(IDealProgram).Assembly;
        string stamp = string.Join('\n',
            "compiler " + Version(typeof(RoslynCompiler).Assembly),
            "runtime " + Version(runtime) + " " + runtime.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture),
            "roslyn " + Version(typeof(CSharpCompilation).Assembly),
            "framework " + RuntimeInformation.FrameworkDescription);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(stamp + "\n" + source));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The Roslyn compilation of <paramref name="deal"/> (tests inspect its diagnostics).</summary>
    internal static CSharpCompilation CreateCompilation(EmittedDeal deal, string? cacheKey = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(deal.Source, parseOptions, path: deal.TypeName + ".g.cs", encoding: Encoding.UTF8);
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Enable);

        // The key in the assembly name keeps two versions of one deal distinguishable when both are loaded.
        string assemblyName = deal.TypeName + "." + (cacheKey ?? CacheKey(deal.Source))[..16];
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

    private static CompiledDeal Remember(CompiledDeal compiled, CompileOptions options) =>
        options.UseMemoryCache ? MemoryCache.GetOrAdd(compiled.CacheKey, compiled) : compiled;

    private static string Version(Assembly assembly) =>
        assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
