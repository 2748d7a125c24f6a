using System.Diagnostics;
using System.Text;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DealLang.Benchmarks;

/// <summary>
/// Where a cold compile's time goes (<c>--cold-compile-phases FILE [concurrent|serial]</c>, one fresh process per
/// measurement, see bench/cli/cold-compile.sh): check, emit, then Roslyn's parse, bind (diagnostics) and emit,
/// with the options <see cref="RoslynCompiler"/> uses (Release, deterministic, nullable, three references),
/// each timed by a stopwatch with the JIT's own count and time beside it. First calls, as in a fresh CLI.
/// </summary>
public static class ColdCompilePhases
{
    public static void Run(string path, bool concurrent, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan last = TimeSpan.Zero;
        void Phase(string name)
        {
            output.WriteLine($"{name,-16} {(clock.Elapsed - last).TotalMilliseconds,8:F0} ms   (JIT so far: {System.Runtime.JitInfo.GetCompiledMethodCount(),6} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,5:F0} ms)");
            last = clock.Elapsed;
        }

        var check = DealCompiler.Check(path, File.ReadAllText(path));
        if (check.Model is null)
        {
            throw new InvalidOperationException($"{path} does not check: {string.Join("; ", check.Diagnostics)}");
        }

        Phase("check");
        var emitted = CSharpEmitter.Emit(check.Model);
        Phase("emit C#");
        var tree = CSharpSyntaxTree.ParseText(emitted.Source, new CSharpParseOptions(LanguageVersion.Latest), encoding: Encoding.UTF8);
        Phase("roslyn parse");
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        MetadataReference[] references =
        [
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(Path.Combine(framework, "System.Runtime.dll")),
            MetadataReference.CreateFromFile(typeof(IDealProgram).Assembly.Location),
        ];
        var compilation = CSharpCompilation.Create("Phases", [tree], references, new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true,
            nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrent));
        int errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        Phase("roslyn bind");
        using var image = new MemoryStream();
        bool ok = compilation.Emit(image).Success;
        Phase("roslyn emit IL");
        output.WriteLine($"{emitted.Source.Length:N0} chars of C#, {image.Length:N0} bytes of image, {errors} errors, emitted {ok}, total {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
