using BenchmarkDotNet.Attributes;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;
using DealLang.Compiler.Model;

namespace DealLang.Benchmarks;

/// <summary>
/// The compiler's three costly stages on <c>examples/hyperion.deal</c>, each measured alone: what
/// <c>deallang check</c> pays (parse + analyze), what emitting C# from the bound model pays, and what a cold
/// Roslyn compile pays when neither the memory nor the disk cache may answer.
/// </summary>
public class CompileBenchmarks
{
    /// <summary>Both caches off: every call really runs Roslyn, as the first compile of a changed deal does.</summary>
    static readonly CompileOptions NoCache = new() { UseDiskCache = false, UseMemoryCache = false };

    string path = "";
    string text = "";
    DealModel model = null!;
    EmittedDeal emitted = null!;

    [GlobalSetup]
    public void Setup()
    {
        path = RepoFiles.HyperionPath;
        text = File.ReadAllText(path);
        var check = DealCompiler.Check(path, text);
        if (!check.Succeeded || check.Model is null)
        {
            throw new InvalidOperationException($"{path} does not check: {string.Join("; ", check.Diagnostics)}");
        }

        model = check.Model;
        emitted = CSharpEmitter.Emit(model);
    }

    /// <summary>Parse + bind + check + lower: text to <see cref="DealModel"/>.</summary>
    [Benchmark]
    public DealModel? Check() => DealCompiler.Check(path, text).Model;

    /// <summary>The bound model to C# source text.</summary>
    [Benchmark]
    public EmittedDeal Emit() => CSharpEmitter.Emit(model);

    /// <summary>The emitted C# to an assembly image, uncached.</summary>
    [Benchmark]
    public CompiledDeal? RoslynCompile()
    {
        var bag = new DiagnosticBag();
        var compiled = RoslynCompiler.Compile(emitted, path, bag, NoCache);
        return compiled ?? throw new InvalidOperationException("Roslyn rejected the emitted Hyperion program: " + string.Join("; ", bag.Items));
    }
}
