using System.Runtime.CompilerServices;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler;

/// <summary>What <see cref="DealCompiler.Check"/> found: the bound deal (null if any error) and every diagnostic,
/// in file order.</summary>
public sealed record CheckResult(DealModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Model is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>What <see cref="DealCompiler.Compile(string, string, CompileOptions?)"/> produced, stage by stage: each
/// later part is null once a stage has failed.</summary>
public sealed record CompileResult(
    DealModel? Model,
    EmittedDeal? Emitted,
    CompiledDeal? Compiled,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Compiled is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// The compiler's front door: text in, diagnostics and (when the deal is valid) a compiled program out.
/// A <see cref="Compilation"/> (Parse every file, follow imports -> Semantics -> Lowering) -> Emit -> Roslyn.
/// Nothing here throws for a user's mistake; a failure after analysis is a compiler bug and comes back as a
/// DL09xx diagnostic. Imports are read from disk (<see cref="DiskSourceFiles"/>), relative to <c>path</c>.
/// </summary>
public static class DealCompiler
{
    /// <summary>Parses and checks a deal file without generating code (<c>deallang check</c>).</summary>
    public static CheckResult Check(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Check(Compilation.Create(SourceDocument.FromText(path, text), DiskSourceFiles.Instance));
    }

    /// <summary>As <see cref="Check(string, string)"/> for a file's bytes (the CLI): bytes that are not UTF-8 are
    /// reported (DL0133) rather than read as U+FFFD silently (<see cref="DealText"/>).</summary>
    public static CheckResult Check(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        return Check(Compilation.Create(SourceDocument.FromBytes(path, bytes), DiskSourceFiles.Instance));
    }

    /// <summary>The check result of a compilation built by the caller (several files, another file provider).</summary>
    public static CheckResult Check(Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        return new CheckResult(compilation.Model, compilation.Diagnostics);
    }

    /// <summary>Semantics then Lowering on one parsed file (tests that build or alter a syntax tree): the model, or
    /// null when <paramref name="bag"/> holds an error or the deal an unknown declaration. Imports are not
    /// followed.</summary>
    internal static DealModel? Analyze(CompilationUnitSyntax unit, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        var compilation = Compilation.Analyze([unit], bag);
        return compilation.Model;
    }

    /// <summary>Checks a deal file and, if it has no errors, compiles it to an assembly image.</summary>
    public static CompileResult Compile(string path, string text, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Compile(Compilation.Create(SourceDocument.FromText(path, text), DiskSourceFiles.Instance), options);
    }

    /// <summary>Compiles a compilation built by the caller (a deal with scenario files, say), if it has no errors.
    /// The cache is looked up by the deal's texts (<see cref="CacheKeys.ForDeal"/>) before any C# is emitted.</summary>
    public static CompileResult Compile(Compilation compilation, CompileOptions? options = null)
    {
        var check = Check(compilation);
        if (!check.Succeeded || check.Model is null)
        {
            return new CompileResult(check.Model, null, null, check.Diagnostics);
        }

        var bag = new DiagnosticBag();
        bag.AddRange(check.Diagnostics);
        return CompileModel(check.Model, bag, options ?? CompileOptions.Default, CacheKeys.ForDeal(compilation));
    }

    /// <summary>Compiles the other entities of <paramref name="compilation"/>'s chain (<see cref="Compilation.Entities"/>,
    /// in the order they run), each to its own program, cached by the deal's inputs and the entity's name; empty when
    /// the deal imports no deal or has errors. Run them with the deal's own program by <c>Runner.Running.ChainRunner</c>.</summary>
    public static IReadOnlyList<CompileResult> CompileEntities(Compilation compilation, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        return [.. compilation.Entities.Select(model =>
            CompileModel(model, new DiagnosticBag(), options ?? CompileOptions.Default, CacheKeys.ForDeal(compilation, model.Name)))];
    }

    /// <summary>Compiles an already bound deal (tests, tools that build models directly), keyed by its C#.</summary>
    public static CompileResult Compile(DealModel model, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CompileModel(model, new DiagnosticBag(), options ?? CompileOptions.Default, key: null);
    }

    private static CompileResult CompileModel(DealModel model, DiagnosticBag bag, CompileOptions options, string? key)
    {
        DiskCache? disk = null;
        if (key is not null && CompiledDealCache.Find(key, options, out disk) is { } cached)
        {
            return new CompileResult(model, new EmittedDeal(cached.Source, cached.TypeName), cached, bag.Sorted());
        }

        return EmitAndCompile(model, bag, options, key, disk);
    }

    /// <summary>A cache miss: Emit, then Roslyn. Never inlined, so that the code run on a hit names no Roslyn
    /// type and the runtime loads none of Roslyn's assemblies for it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompileResult EmitAndCompile(DealModel model, DiagnosticBag bag, CompileOptions options, string? key, DiskCache? disk)
    {
        EmittedDeal emitted;
        try
        {
            emitted = CSharpEmitter.Emit(model);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or KeyNotFoundException or NotSupportedException)
        {
            // The model broke an IR invariant: a compiler bug, reported rather than thrown at the user.
            bag.Add(DiagnosticCatalogue.EmitFailed(model.SourcePath, e.Message));
            return new CompileResult(model, null, null, bag.Sorted());
        }

        var compiled = key is null
            ? RoslynCompiler.Compile(emitted, model.SourcePath, bag, options)
            : RoslynCompiler.Compile(emitted, key, model.SourcePath, bag, options, disk);
        return new CompileResult(model, emitted, compiled, bag.Sorted());
    }
}
